/// A repaired unit of the document: a paragraph, heading, header, byline, …, in reading order.
public struct Block: Sendable, Hashable {
  public var kind: BlockKind
  /// The repaired text: lines joined, justification spaces removed, nothing else changed.
  public var text: String
  /// Where each run of `text` stands in the source, in text order.
  public var pieces: [Piece]
  /// Reflow decisions that shaped this block (the split before it, joins, removed spaces, kind).
  public var decisions: [Decision]
  /// Page number (1-based) for inputs with pages; nil for plain text.
  public var page: Int?
  /// Where the block stands on its (first) page, for PDF input; nil for plain text.
  public var box: BoundingBox? = nil

  public init(kind: BlockKind, text: String, pieces: [Piece], decisions: [Decision] = [], page: Int? = nil) {
    self.kind = kind
    self.text = text
    self.pieces = pieces
    self.decisions = decisions
    self.page = page
  }

  /// The source lines the block was built from, first to last.
  public var lines: ClosedRange<Int>? {
    guard let first = pieces.first?.line, let last = pieces.last?.line else { return nil }
    return min(first, last)...max(first, last)
  }
}
