/// Line widths: visual lines that squeezed punctuation cut into rows, the column width around
/// an edge (estimated from measured rows, and bounded from below by pure CJK rows), and the
/// first-line indent nearby. Every helper looks at a fixed number of rows, so reflow stays
/// linear and local.
extension Reflower {
  /// The column width that the pure CJK rows among the four after row `index` show (their
  /// ``LineProfile/minWidth``, in whole characters), up to a blank line or page break.
  func columnBelow(_ rows: Rows, _ index: Int) -> Int? {
    var column = 0
    var other = index
    while other + 1 < rows.count, other - index < 4, rows[other + 1].blanksBefore == 0, !rows[other + 1].startsPage, !rows[other + 1].isByline {
      other += 1
      if let bound = rows[other].profile.minWidth { column = max(column, bound + bound % 2) }
    }
    return column > 0 ? column : nil
  }

  /// The column width that the pure CJK rows among the four before row `index` show, up to a
  /// page break, ignoring rows wider than `limit` (a headline or lede spanning columns).
  func columnAbove(_ rows: Rows, _ index: Int, limit: Int) -> Int? {
    var column = 0
    var other = index
    while other > 0, index - other < 4, !rows[other].startsPage {
      other -= 1
      if let bound = rows[other].profile.minWidth, bound <= limit, !rows[other].isByline { column = max(column, bound + bound % 2) }
    }
    return column > 0 ? column : nil
  }

  /// The widest of the two body rows before and after `index`.
  func contextWidth(_ rows: Rows, around index: Int) -> Int {
    var width = 0
    for offset in [-2, -1, 1, 2] {
      let other = index + offset
      guard rows.indices.contains(other), !rows[other].isByline else { continue }
      width = max(width, rows[other].profile.width)
    }
    return width
  }

  /// A paragraph within six rows of `index` starts with a first line indented 2 em: a pure
  /// CJK row after a sentence end, two characters short of the column. (With a 1 em indent,
  /// such a row would be a line TeX stretched by two characters, which is rare.) A page keeps
  /// one indent, so a row one character short there is a stretched line, not a first line.
  func twoEmIndentNearby(_ rows: Rows, around index: Int, column: Int) -> Bool {
    let lower = max(1, index - 6), upper = min(rows.count - 1, index + 6)
    guard lower <= upper else { return false }
    for other in lower...upper where other != index + 1 {
      let row = rows[other], previous = rows[other - 1]
      guard !row.startsPage, !row.isByline, !previous.isByline, row.profile.isPureCJK, endsSentence(rows, other - 1),
        row.profile.width == column - 4
      else { continue }
      return true
    }
    return false
  }

  /// The width of row `index` together with the squeezed fragments that follow it on the same
  /// visual line (`岛屿长度约为11公里，` ⏎ `宽度`), and the last row used.
  func visualWidth(_ rows: Rows, _ index: Int, column: Int) -> (width: Int, end: Int) {
    var width = rows[index].profile.width
    var end = index
    while end + 1 < rows.count, end - index < 4 {
      let next = rows[end + 1]
      // Squeezed punctuation at the end of a fragment lets its visual line hold a little more.
      let squeezed = rows[end].profile.lastClass == .cjkPunctuation ? 3 : 1
      guard next.blanksBefore == 0, !next.startsPage, !next.isByline, width + next.profile.width <= column + squeezed,
        Self.cutAtPunctuation(rows[end].profile, next.profile)
      else { break }
      width += next.profile.width
      end += 1
    }
    return (width, end)
  }

  /// The line holds a Latin letter, whose width on the page we can only guess.
  @inline(__always)
  static func hasLatinLetter(_ profile: LineProfile) -> Bool {
    profile.hasLatinLetter
  }

  /// The width of the number or Latin word that starts the line (`209` in `209 型艇`), 0 when it
  /// starts with CJK: what did not fit at the end of the line above.
  @inline(__always)
  static func leadingWordWidth(_ profile: LineProfile) -> Int {
    profile.leadingWordLength
  }

  /// pdftotext cuts a visual line into fragments only where squeezed punctuation lets the next
  /// glyph start inside a mark's box: after a CJK mark (`…县，` ⏎ `共有`) or before one (`印度` ⏎
  /// `”（Young`). Two rows that meet between two letters or ideographs (`…地图兴` ⏎ `起。`) are two
  /// visual lines.
  ///
  /// (Inlined, as are the other small readers of a profile the rules call at every edge:
  /// `hasLatinLetter`, `isTitleLike`, `startsWithWord`. A call takes its profile by address, so
  /// a profile read in place from the rows was first copied to the stack, 188 bytes.)
  @inline(__always)
  static func cutAtPunctuation(_ before: LineProfile, _ after: LineProfile) -> Bool {
    before.lastClass == .cjkPunctuation || after.firstClass == .cjkPunctuation
  }

  /// The width of the visual line that ends with row `index`: the row and the fragments before
  /// it that fit in one column with it.
  func visualWidth(_ rows: Rows, endingAt index: Int, column: Int) -> Int {
    var width = rows[index].profile.width
    var start = index
    while start > 0, index - start < 4, !rows[start].startsPage, rows[start].blanksBefore == 0 {
      let previous = rows[start - 1].profile.width
      // A row that starts with `。` or `）` always belongs to the visual line before it, even
      // when squeezing let that line hold more than the column width.
      let forced = rows[start].profile.firstIsNoLineStart
      guard forced || (width + previous <= column + 1 && Self.cutAtPunctuation(rows[start - 1].profile, rows[start].profile)) else { break }
      width += previous
      start -= 1
    }
    return width
  }

  /// A lower bound of the column width from the pure CJK rows among the four rows before and
  /// after row `index` on its page: the largest ``LineProfile/minWidth`` no wider than `limit`
  /// (wider rows belong to a lede or headline), rounded up to whole characters, since columns
  /// are set on a grid of whole characters. A pure CJK row can only measure as wide as it is set
  /// or wider (kaiming marks), so a line two units short of this bound is short on the page.
  func exactWidth(_ rows: Rows, around index: Int, limit: Int) -> Int? {
    var best = 0
    var lower = index
    while lower > 0, index - lower < 4, !rows[lower].startsPage { lower -= 1 }
    var upper = index
    while upper + 1 < rows.count, upper - index < 4, !rows[upper + 1].startsPage { upper += 1 }
    for other in lower...upper where other != index && other != index + 1 {
      guard let bound = rows[other].profile.minWidth, !rows[other].isByline, bound <= limit else { continue }
      best = max(best, bound + bound % 2)
    }
    return best > 0 ? best : nil
  }

  /// The second widest of the (up to four) rows after row `index`, before a page break or
  /// byline; the widest when fewer than three.
  func secondWidest(_ rows: Rows, after index: Int) -> Int {
    var first = 0, second = 0, count = 0
    for ahead in 1...4 where index + ahead < rows.count {
      let row = rows[index + ahead]
      if row.startsPage || row.isByline { break }
      let width = row.profile.width
      if width > first { second = first; first = width } else if width > second { second = width }
      count += 1
    }
    return count >= 3 ? second : first
  }

  /// The widest of the (up to three) visual lines after row `index` (rows cut at squeezed
  /// punctuation added up while they fit in `column`), before a page break or byline; no row
  /// more than eight after `index`.
  func visualWidthAfter(_ rows: Rows, _ index: Int, column: Int) -> Int {
    var width = 0
    var next = index + 1
    for _ in 0..<3 {
      guard next < rows.count, next <= index + 4, !rows[next].startsPage, !rows[next].isByline else { break }
      let visual = visualWidth(rows, next, column: column)
      width = max(width, visual.width)
      next = visual.end + 1
    }
    return width
  }

  /// The second widest of the (up to four) visual lines after row `index` (rows cut at squeezed
  /// punctuation added up while they fit in `column`), before a page break or byline, no row
  /// more than eight after `index`; the widest when fewer than three. Robust to one line that
  /// measures wide (glue around a number, an overfull Latin word) and to fragments.
  func secondWidestVisual(_ rows: Rows, after index: Int, column: Int) -> Int {
    var first = 0, second = 0, count = 0
    var next = index + 1
    for _ in 0..<4 {
      guard next < rows.count, next <= index + 8, !rows[next].startsPage, !rows[next].isByline else { break }
      let visual = visualWidth(rows, next, column: column)
      if visual.width > first { second = first; first = visual.width } else if visual.width > second { second = visual.width }
      count += 1
      next = visual.end + 1
    }
    return count >= 3 ? second : first
  }

  /// The widest of the (up to three) rows after row `index`, before a page break: the column
  /// width below it.
  func widthAfter(_ rows: Rows, _ index: Int) -> Int {
    var width = 0
    for ahead in 1...3 where index + ahead < rows.count {
      let row = rows[index + ahead]
      if row.startsPage || row.isByline { break }
      width = max(width, row.profile.width)
    }
    return width
  }

  /// The column width around row `index`: the widest of it and the two rows before it in the
  /// same block, or of the rows after it when it opens the block.
  func referenceWidth(builder: BlockBuilder, rows: Rows, at index: Int) -> Int {
    // The second widest of the nearby lines: a line with squeezed punctuation or overcounted
    // Latin glue can measure one or two units more than the column.
    // (The widest and second widest kept as they come, not an array sorted for every edge.)
    var count = 0
    var widest = Int.min
    var second = Int.min
    func add(_ width: Int) {
      count += 1
      if width > widest { second = widest; widest = width } else if width > second { second = width }
    }
    add(rows[index].profile.width)
    let inBlock = builder.rowCount - 1
    if inBlock > 0 {
      for back in 1...min(5, inBlock) { add(rows[index - back].profile.width) }
    }
    for ahead in 1...3 where index + ahead < rows.count {
      let row = rows[index + ahead]
      if row.startsPage || row.isByline { break }
      add(row.profile.width)
    }
    // A block of one or two rows says little: look at the rows before it too, when they are
    // of the same column (not a lede or headline set wider).
    if inBlock < 2 {
      let limit = widest * 6 / 5
      var back = inBlock + 1
      while back <= 5, index - back >= 0, !rows[index - back + 1].startsPage {
        let row = rows[index - back]
        if !row.isByline && row.profile.width <= limit { add(row.profile.width) }
        back += 1
      }
    }
    return count >= 4 ? second : widest
  }

}
