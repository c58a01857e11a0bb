/// What the PDF decoder learned from the page geometry: where each reconstructed line stands and
/// which lines make up each block. The reflow stage turns the plan into blocks (after the
/// normalize stage has mapped vertical presentation forms in the lines).
public struct PDFLayout: Sendable {
  /// Page and box of each document line (index = line number − 1).
  public var lines: [LineGeometry]
  public var blocks: [PlannedBlock]
  public var pageCount: Int

  public init(lines: [LineGeometry], blocks: [PlannedBlock], pageCount: Int) {
    self.lines = lines
    self.blocks = blocks
    self.pageCount = pageCount
  }

  /// Where a line stands on its page.
  public struct LineGeometry: Sendable, Hashable {
    public var page: Int
    public var box: BoundingBox
    public var vertical: Bool
    /// The line's words, in text order.
    public var words: [WordBox]
  }

  /// A word of a line: its UTF-8 range in the line's text (as rebuilt, before normalization) and
  /// its box.
  public struct WordBox: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var box: BoundingBox
  }

  /// The box of the UTF-8 range `range` of line `index`, whose text is `text`: the union of the
  /// words it touches, a word it covers in part cut in proportion (full-width characters count
  /// twice half-width ones; poppler gives no box per character). The whole line's box when
  /// `text` is nil (normalization changed the line's length).
  public func box(ofLine index: Int, range: Range<Int>, text: String?) -> BoundingBox? {
    guard lines.indices.contains(index) else { return nil }
    let line = lines[index]
    guard let text else { return line.box }
    let bytes = Array(text.utf8)
    var box: BoundingBox?
    for word in line.words where word.start < range.upperBound && word.end > range.lowerBound && word.end <= bytes.count {
      var part = word.box
      if range.lowerBound > word.start || range.upperBound < word.end {
        // Width units before the range, inside it, and in the whole word.
        var before = 0.0, inside = 0.0, total = 0.0
        var offset = word.start
        for scalar in String(decoding: bytes[word.start..<word.end], as: UTF8.self).unicodeScalars {
          let units = ScalarClass.isCJKGlyph(scalar) ? 2.0 : 1.0
          if offset < range.lowerBound { before += units } else if offset < range.upperBound { inside += units }
          total += units
          offset += UTF8.width(scalar)
        }
        if total > 0 {
          if line.vertical {
            let length = word.box.height
            part.y0 = word.box.y0 + length * before / total
            part.y1 = part.y0 + length * inside / total
          } else {
            let length = word.box.width
            part.x0 = word.box.x0 + length * before / total
            part.x1 = part.x0 + length * inside / total
          }
        }
      }
      box = box.map { $0.union(part) } ?? part
    }
    return box ?? line.box
  }

  /// A block the layout analysis found: its kind, its lines (0-based indices into the
  /// document's lines, in reading order; not always contiguous, since a paragraph can run on
  /// past a page's footer and the next page's running head), and why it was cut there.
  public struct PlannedBlock: Sendable, Hashable {
    public var kind: BlockKind
    public var lines: [Int]
    public var decisions: [Decision]
  }

  /// The page and box of lines `indices` on the page of the first: the union of their boxes.
  public func geometry(ofLines indices: some Sequence<Int>) -> (page: Int, box: BoundingBox)? {
    var page: Int?
    var box: BoundingBox?
    for index in indices where lines.indices.contains(index) {
      let line = lines[index]
      if page == nil { page = line.page }
      guard line.page == page else { continue }
      box = box.map { $0.union(line.box) } ?? line.box
    }
    guard let page, let box else { return nil }
    return (page, box)
  }
}
