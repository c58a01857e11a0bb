/// A sentence (or heading, byline, …) ready for translation, with a stable id.
public struct Segment: Sendable, Hashable {
  /// `document:block:sentence`, 1-based; the same on every run of the same input and pipeline.
  public var id: String
  /// 1-based index of the block in the document.
  public var block: Int
  /// 1-based index of the segment in its block.
  public var index: Int
  public var kind: BlockKind
  /// The segment's text without surrounding white space.
  public var text: String
  /// White space that follows the segment inside its block (XLIFF `<ignorable>`), usually empty
  /// for Chinese.
  public var trailing: String
  /// UTF-8 range of `text` in the block's text.
  public var range: Range<Int>
  public var source: SourceSpan
  /// Words, when a tokenize stage ran.
  public var tokens: [Token]?

  public init(
    id: String, block: Int, index: Int, kind: BlockKind, text: String, trailing: String,
    range: Range<Int>, source: SourceSpan, tokens: [Token]? = nil
  ) {
    self.id = id
    self.block = block
    self.index = index
    self.kind = kind
    self.text = text
    self.trailing = trailing
    self.range = range
    self.source = source
    self.tokens = tokens
  }
}

extension Segment {
  /// The characters of `token`, one of this segment's ``tokens``.
  public func text(of token: Token) -> String { token.text(in: text) }

  /// The texts of the segment's tokens, nil when no tokenize stage ran.
  public var words: [String]? { tokens?.map { $0.text(in: text) } }
}
