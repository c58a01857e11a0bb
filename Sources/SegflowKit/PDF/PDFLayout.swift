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
