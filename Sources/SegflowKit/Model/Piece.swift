/// A run of a block's text that stands verbatim in one source line.
///
/// Blocks are assembled from pieces when lines are joined and justification spaces removed; the
/// pieces map every character of the block back to its line, column and byte in the source.
public struct Piece: Sendable, Hashable {
  /// UTF-8 offset of the piece in the block's text.
  public var textOffset: Int
  /// UTF-8 length of the piece.
  public var length: Int
  /// The source line the piece comes from.
  public var line: Int
  /// 1-based column (Unicode scalars) of the piece's first character in that line.
  public var column: Int
  /// UTF-8 offset of the piece's first byte in the decoded document text.
  public var sourceOffset: Int

  public init(textOffset: Int, length: Int, line: Int, column: Int, sourceOffset: Int) {
    self.textOffset = textOffset
    self.length = length
    self.line = line
    self.column = column
    self.sourceOffset = sourceOffset
  }
}
