/// Rebuilds the visual lines of one page, in reading order, from poppler's word boxes.
///
/// Steps: writing direction (vertical when words are stacked runs taller than wide); running
/// heads and page numbers (a short strip of small text at the top or bottom edge); the rest is
/// turned into a reading frame (vertical pages rotated so columns become lines read right to
/// left), cut into bands at full-width gaps, each band into columns (horizontal) or tiers
/// (vertical) at gutters that body-size words never cross, and each column into lines.
/// Reading order: bands top to bottom, columns along the reading direction, lines across it.
struct PageLayoutAnalyzer: Sendable {
  /// A band starts after an empty strip this many body sizes high.
  var bandGap = 1.2
  /// A gutter is at least this many body sizes wide.
  var gutterWidth = 0.4
  /// Running heads and page numbers sit within this fraction of the page height from an edge.
  var marginZone = 0.15

  /// A word in the reading frame: `frame.x` runs along the line, `frame.y` across lines.
  struct FrameWord {
    var word: PDFWord
    var frame: BoundingBox
    var size: Double
    var hasCJK: Bool
  }

  /// The page's lines in reading order: running heads first, body, footers last.
  func analyze(_ page: PDFPage) -> [LayoutLine] {
    guard !page.words.isEmpty else { return [] }
    let vertical = Self.isVertical(page.words)
    let body = Self.weightedMedian(page.words.map { (vertical ? $0.box.width : $0.box.height, $0.text.unicodeScalars.count) })
    guard body > 0 else { return [] }
    let (top, rest, bottom) = splitMargins(page, bodySize: body, vertical: vertical)
    var lines: [LayoutLine] = []
    lines += marginLines(top, page: page.number, role: .header)
    let frameWords = rest.map { word in
      let hasCJK = word.text.unicodeScalars.contains { ScalarClass.isCJKGlyph($0) }
      var frame = vertical ? BoundingBox(x0: word.box.y0, y0: -word.box.x1, x1: word.box.y1, y1: -word.box.x0) : word.box
      if vertical, !hasCJK {
        // Rotated Latin and horizontal digit groups: poppler puts the box about one font size
        // further down the column than the glyphs.
        frame.x0 -= body
        frame.x1 -= body
      }
      return FrameWord(word: word, frame: frame, size: vertical ? word.box.width : word.box.height, hasCJK: hasCJK)
    }
    for (bandIndex, band) in bands(frameWords, bodySize: body).enumerated() {
      for column in columns(band, bodySize: body) {
        lines += columnLines(column.words, columnStart: column.start, columnEnd: column.end, page: page.number, band: bandIndex, vertical: vertical)
      }
    }
    lines += marginLines(bottom, page: page.number, role: .footer)
    return lines
  }

  /// Vertical when more multi-character words are tall runs than wide ones.
  static func isVertical(_ words: [PDFWord]) -> Bool {
    var tall = 0
    var wide = 0
    for word in words where word.text.unicodeScalars.count >= 2 {
      if word.box.height > 1.5 * word.box.width { tall += 1 } else if word.box.width > 1.5 * word.box.height { wide += 1 }
    }
    return tall > wide
  }

  /// The median of `values` weighted by their counts.
  static func weightedMedian(_ values: [(Double, Int)]) -> Double {
    let sorted = values.filter { $0.0 > 0 && $0.1 > 0 }.sorted { $0.0 < $1.0 }
    let total = sorted.reduce(0) { $0 + $1.1 }
    var seen = 0
    for (value, weight) in sorted {
      seen += weight
      if 2 * seen >= total { return value }
    }
    return sorted.last?.0 ?? 0
  }

  /// Words of a running head (top) and a footer (bottom), and the rest. A margin strip is a run
  /// of words separated from the body by an empty strip, near the page edge, at most two lines
  /// of text no larger than the body text, set horizontally.
  func splitMargins(_ page: PDFPage, bodySize: Double, vertical: Bool) -> ([PDFWord], [PDFWord], [PDFWord]) {
    if vertical { return splitVerticalMargins(page, bodySize: bodySize) }
    let sorted = page.words.sorted { $0.box.y0 < $1.box.y0 }
    var strips: [(y0: Double, y1: Double, words: [PDFWord])] = []
    for word in sorted {
      if let last = strips.last, word.box.y0 - last.y1 < bandGap * bodySize {
        strips[strips.count - 1].y1 = max(last.y1, word.box.y1)
        strips[strips.count - 1].words.append(word)
      } else {
        strips.append((word.box.y0, word.box.y1, [word]))
      }
    }
    guard strips.count >= 2 else { return ([], page.words, []) }
    func isMargin(_ strip: (y0: Double, y1: Double, words: [PDFWord])) -> Bool {
      let height = page.height > 0 ? page.height : 842
      let nearEdge = strip.y1 < height * marginZone || strip.y0 > height * (1 - marginZone)
      let largest = strip.words.map { $0.box.height }.max() ?? 0
      let horizontal = strip.words.allSatisfy { $0.text.unicodeScalars.count < 2 || $0.box.width >= $0.box.height }
      return nearEdge && horizontal && largest <= 1.1 * bodySize * (vertical ? 1.2 : 1) && strip.y1 - strip.y0 <= 2.6 * largest
    }
    var top: [PDFWord] = []
    var bottom: [PDFWord] = []
    var first = 0
    var last = strips.count - 1
    if isMargin(strips[first]), strips[first].y1 < page.height / 2 { top = strips[first].words; first += 1 }
    if last >= first, isMargin(strips[last]), strips[last].y0 > page.height / 2 { bottom = strips[last].words; last -= 1 }
    let rest = first <= last ? strips[first...last].flatMap(\.words) : []
    return (top, rest, bottom)
  }

  /// On vertical pages the running head may nearly touch the columns: margin words are set
  /// horizontally and stand wholly above the columns' top or well below their foot.
  func splitVerticalMargins(_ page: PDFPage, bodySize: Double) -> ([PDFWord], [PDFWord], [PDFWord]) {
    let columnWords = page.words.filter { word in
      word.text.unicodeScalars.contains { ScalarClass.isCJKGlyph($0) } && word.box.height >= 0.9 * word.box.width
    }
    // The columns' top: the highest position that many columns share (an opening bracket set
    // half width at a column's head starts above the others); their foot: the lowest glyph.
    guard let top = Self.sharedExtreme(columnWords.map(\.box.y0), lowest: true),
          let foot = columnWords.map(\.box.y1).max() else { return ([], page.words, []) }
    var head: [PDFWord] = []
    var rest: [PDFWord] = []
    var bottom: [PDFWord] = []
    for word in page.words {
      // Set horizontally: a wide run, or one character that is not CJK (a page number).
      let scalars = word.text.unicodeScalars
      let horizontal = scalars.count < 2 ? !scalars.contains { ScalarClass.isCJKGlyph($0) } : word.box.width >= word.box.height
      if horizontal, word.box.midY < top { head.append(word) } else if horizontal, word.box.midY > foot + bodySize { bottom.append(word) } else { rest.append(word) }
    }
    return (head, rest, bottom)
  }

  /// The lowest (or highest) value, rounded to 0.5 pt, that at least a third as many words
  /// share as the most shared one (and at least three): two lines in a row that open with a
  /// bracket set half width are not the column's edge.
  static func sharedExtreme(_ values: [Double], lowest: Bool) -> Double? {
    var counts: [Int: Int] = [:]
    for value in values { counts[Int((value * 2).rounded()), default: 0] += 1 }
    guard let most = counts.values.max() else { return nil }
    let threshold = max(3, most / 3)
    let shared = counts.filter { $0.value >= threshold }.keys
    guard let key = lowest ? shared.min() : shared.max() else { return lowest ? values.min() : values.max() }
    return Double(key) / 2
  }

  /// Horizontal lines of a margin strip, top to bottom.
  func marginLines(_ words: [PDFWord], page: Int, role: LayoutLine.Role) -> [LayoutLine] {
    var groups: [[PDFWord]] = []
    for word in words.sorted(by: { $0.box.midY < $1.box.midY }) {
      if let last = groups.last?.last, abs(word.box.midY - last.box.midY) <= 0.5 * max(word.box.height, last.box.height) {
        groups[groups.count - 1].append(word)
      } else {
        groups.append([word])
      }
    }
    return groups.map { group in
      let sorted = group.sorted { $0.box.x0 < $1.box.x0 }
      let box = sorted.dropFirst().reduce(sorted[0].box) { $0.union($1.box) }
      let size = sorted.map { $0.box.height }.max() ?? 0
      let joined = Self.join(sorted.map { ($0.text, $0.box.x0, $0.box.x1, $0.box.height, $0.box) })
      return LayoutLine(
        text: joined.text, words: joined.words, page: page, box: box, size: size,
        role: role, start: box.x0, end: box.x1, columnStart: box.x0, columnEnd: box.x1, band: -1, vertical: false)
    }
  }

  /// Cuts the frame words into bands at empty strips across the whole width.
  func bands(_ words: [FrameWord], bodySize: Double) -> [[FrameWord]] {
    var result: [(y1: Double, words: [FrameWord])] = []
    for word in words.sorted(by: { $0.frame.y0 < $1.frame.y0 }) {
      if let last = result.last, word.frame.y0 - last.y1 < bandGap * bodySize {
        result[result.count - 1].y1 = max(last.y1, word.frame.y1)
        result[result.count - 1].words.append(word)
      } else {
        result.append((word.frame.y1, [word]))
      }
    }
    return result.map(\.words)
  }

  /// The columns of a band, along the reading direction, with their extents.
  func columns(_ band: [FrameWord], bodySize: Double) -> [(start: Double, end: Double, words: [FrameWord])] {
    columnCandidates(band, bodySize: bodySize).map { column in
      // Edges that many lines share: a bracket set half width at a line's head, or an overfull
      // line, must not move the edge the indents are measured from.
      let starts = column.words.map(\.frame.x0)
      let ends = column.words.map(\.frame.x1)
      let start = Self.sharedExtreme(starts, lowest: true).map { min(max($0, column.start), column.end) } ?? column.start
      let end = Self.sharedExtreme(ends, lowest: false).map { max(min($0, column.end), start) } ?? column.end
      return (start, end, column.words)
    }
  }

  func columnCandidates(_ band: [FrameWord], bodySize: Double) -> [(start: Double, end: Double, words: [FrameWord])] {
    let minX = band.map(\.frame.x0).min() ?? 0
    let maxX = band.map(\.frame.x1).max() ?? 0
    let minY = band.map(\.frame.y0).min() ?? 0
    let maxY = band.map(\.frame.y1).max() ?? 0
    let rows = (maxY - minY) / (1.2 * bodySize)
    let single = [(start: minX, end: maxX, words: band)]
    // (A band wider than any page holds text placed far off the page: no columns.)
    guard rows >= 2.5, maxX - minX > 4 * bodySize, maxX - minX < 20_000 else { return single }
    // Coverage of each 1 pt bin by body-size words; gutters are wide runs of (almost) empty bins.
    var measured = band.filter { abs($0.size - bodySize) <= 0.15 * bodySize }
    if measured.count < band.count / 3 { measured = band }
    let binCount = Int((maxX - minX).rounded(.up)) + 1
    var coverage = [Int](repeating: 0, count: binCount)
    for word in measured {
      let from = max(0, Int((word.frame.x0 - minX).rounded(.up)))
      let to = min(binCount - 1, Int((word.frame.x1 - minX).rounded(.down)))
      if from <= to { for bin in from...to { coverage[bin] += 1 } }
    }
    // Overfull lines poke into gutters: a bin covered by under a quarter of the usual count of
    // lines is still a gutter.
    let covered = coverage.filter { $0 > 0 }.sorted()
    let typical = covered.isEmpty ? 0 : covered[covered.count / 2]
    let tolerance = max(1, typical / 4)
    var gutters: [(Double, Double)] = []
    var runStart: Int?
    for bin in 0...binCount {
      let empty = bin < binCount && coverage[bin] <= tolerance
      if empty, runStart == nil { runStart = bin }
      if !empty, let from = runStart {
        if Double(bin - from) >= gutterWidth * bodySize, from > 0, bin < binCount {
          gutters.append((minX + Double(from), minX + Double(bin)))
        }
        runStart = nil
      }
    }
    guard !gutters.isEmpty else { return single }
    var edges: [(Double, Double)] = []
    var left = minX
    for (gutterStart, gutterEnd) in gutters {
      edges.append((left, gutterStart))
      left = gutterEnd
    }
    edges.append((left, maxX))
    // Lines that run right across a gutter (a lede over two of three columns, a title over
    // some) are read first, as a column of their own as wide as they run. A word crosses when it
    // runs from one column well into the next, or, set in other than body type (letter-spaced
    // lines come one character per word), when it covers a gutter's middle and type of its size
    // on its row goes on at both edges of the gutter. Body-size words and headings that poke
    // into a gutter are overfull lines, not ledes.
    func crosses(_ word: FrameWord, _ gutter: (Double, Double)) -> Bool {
      if word.frame.x0 < gutter.0 - bodySize && word.frame.x1 > gutter.1 + bodySize { return true }
      let middle = (gutter.0 + gutter.1) / 2
      guard abs(word.size - bodySize) > 0.15 * bodySize, word.frame.x0 < middle, word.frame.x1 > middle else { return false }
      let row = band.filter { abs($0.size - word.size) <= 0.1 * word.size && abs($0.frame.midY - word.frame.midY) <= 0.3 * word.size }
      let reach = 1.5 * word.size
      let left = row.contains { $0.frame.x0 < gutter.0 - 0.5 * word.size && $0.frame.x1 > gutter.0 - reach }
      let right = row.contains { $0.frame.x1 > gutter.1 + 0.5 * word.size && $0.frame.x0 < gutter.1 + reach }
      return left && right
    }
    var crossing: [FrameWord] = []
    var firstColumn = edges.count
    var lastColumn = -1
    for word in band {
      for (index, gutter) in gutters.enumerated() where crosses(word, gutter) {
        crossing.append(word)
        firstColumn = min(firstColumn, index)
        lastColumn = max(lastColumn, index + 1)
      }
    }
    var spanning: [FrameWord] = []
    var rest = band
    if !crossing.isEmpty {
      // The span: the columns on both sides of every gutter crossed.
      let from = edges[firstColumn].0
      let to = edges[lastColumn].1
      let rows = crossing.map(\.frame.midY)
      let inSpan = { (word: FrameWord) -> Bool in
        word.frame.midX >= from && word.frame.midX <= to && rows.contains { abs($0 - word.frame.midY) <= 0.5 * word.size }
      }
      spanning = band.filter(inSpan)
      rest = band.filter { !inSpan($0) }
    }
    func assign(_ words: [FrameWord]) -> [(start: Double, end: Double, words: [FrameWord])] {
      var result = edges.map { (start: $0.0, end: $0.1, words: [FrameWord]()) }
      for word in words {
        let center = word.frame.midX
        let index = result.firstIndex { center < $0.end + (bodySize * gutterWidth) } ?? result.count - 1
        result[index].words.append(word)
      }
      return result
    }
    // A column needs lines on at least two rows; otherwise the cut was a gap in one wide line.
    func hasRows(_ column: (start: Double, end: Double, words: [FrameWord])) -> Bool {
      Set(column.words.map { Int($0.frame.midY / bodySize) }).count >= 2
    }
    if !assign(band).allSatisfy(hasRows) { return single }
    let assigned = assign(rest)
    if !spanning.isEmpty, !assigned.filter({ !$0.words.isEmpty }).allSatisfy(hasRows) { return single }
    let columns = assigned.filter { !$0.words.isEmpty }
    guard !spanning.isEmpty else { return columns }
    let from = spanning.map(\.frame.x0).min() ?? minX
    let to = spanning.map(\.frame.x1).max() ?? maxX
    return [(start: from, end: to, words: spanning)] + columns
  }

  /// The lines of one column, across the reading direction (top to bottom, or right to left).
  func columnLines(_ words: [FrameWord], columnStart: Double, columnEnd: Double, page: Int, band: Int, vertical: Bool) -> [LayoutLine] {
    // Anchor words set the line grid; on vertical pages, rotated Latin and horizontal digit
    // groups have boxes shifted across the column, so they join the nearest line afterwards.
    let anchors = vertical ? words.filter { $0.hasCJK } : words
    let loose = vertical ? words.filter { !$0.hasCJK } : []
    var groups: [[FrameWord]] = []
    var centers: [Double] = []
    for word in (anchors.isEmpty ? words : anchors).sorted(by: { $0.frame.midY < $1.frame.midY }) {
      if let center = centers.last, abs(word.frame.midY - center) <= 0.5 * max(word.size, groups[groups.count - 1].map(\.size).max() ?? 0) {
        groups[groups.count - 1].append(word)
        let members = groups[groups.count - 1]
        centers[centers.count - 1] = members.map(\.frame.midY).reduce(0, +) / Double(members.count)
      } else {
        groups.append([word])
        centers.append(word.frame.midY)
      }
    }
    if !anchors.isEmpty {
      for word in loose {
        let nearest = centers.indices.min { abs(centers[$0] - word.frame.midY) < abs(centers[$1] - word.frame.midY) }
        if let nearest, abs(centers[nearest] - word.frame.midY) <= 1.5 * word.size {
          groups[nearest].append(word)
        } else {
          groups.append([word])
          centers.append(word.frame.midY)
        }
      }
    }
    let order = groups.indices.sorted { centers[$0] < centers[$1] }
    return order.map { index in
      let sorted = Self.alongOrder(groups[index], vertical: vertical)
      let box = sorted.dropFirst().reduce(sorted[0].word.box) { $0.union($1.word.box) }
      // Rotated Latin boxes are narrower than the column: size from the CJK words when there are any.
      let sizing = vertical && sorted.contains(where: \.hasCJK) ? sorted.filter(\.hasCJK) : sorted
      let size = Self.weightedMedian(sizing.map { ($0.size, $0.word.text.unicodeScalars.count) })
      // Boxes on the page; rotated Latin and upright digits moved back up the column.
      let joined = Self.join(sorted.map { word in
        var box = word.word.box
        if vertical, !word.hasCJK {
          box.y0 = word.frame.x0
          box.y1 = word.frame.x1
        }
        return (word.word.text, word.frame.x0, word.frame.x1, word.size, box)
      })
      return LayoutLine(
        text: joined.text, words: joined.words, page: page, box: box, size: size,
        role: .body, start: sorted.map(\.frame.x0).min() ?? 0, end: sorted.map(\.frame.x1).max() ?? 0,
        columnStart: columnStart, columnEnd: columnEnd, band: band, vertical: vertical)
    }
  }

  /// Words of one line in reading order. On vertical pages a word without CJK (rotated Latin,
  /// horizontal digits) is placed by its centre, which poppler shifts less than its edges.
  static func alongOrder(_ words: [FrameWord], vertical: Bool) -> [FrameWord] {
    words.sorted { a, b in
      vertical ? a.frame.midX < b.frame.midX : a.frame.x0 < b.frame.x0
    }
  }

  /// Joins a line's words: CJK with no space (justification gaps are not spaces), Latin words
  /// and numbers with one space where the glyphs stand apart.
  /// The line's text and where each word's text stands in it (UTF-8 offsets) with its box.
  static func join(_ words: [(text: String, x0: Double, x1: Double, size: Double, box: BoundingBox)]) -> (text: String, words: [PDFLayout.WordBox]) {
    var text = ""
    var boxes: [PDFLayout.WordBox] = []
    var previous: (text: String, x1: Double, size: Double)?
    for word in words {
      if let previous, let last = previous.text.unicodeScalars.last, let first = word.text.unicodeScalars.first,
         TextJoin.needsSpace(after: last, before: first), !TextJoin.continuesNumber(text, word.text),
         word.x0 - previous.x1 > 0.12 * min(previous.size, word.size) {
        text += " "
      }
      let start = text.utf8.count
      text += TextJoin.expandLigatures(word.text)
      boxes.append(PDFLayout.WordBox(start: start, end: text.utf8.count, box: word.box))
      previous = (word.text, word.x1, word.size)
    }
    return (text, boxes)
  }
}
