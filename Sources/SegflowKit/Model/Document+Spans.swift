/// Source spans of whole blocks and of single tokens, derived on demand from the block pieces
/// (storing a span on every token would double the memory of a tokenized document).
extension Document {
  /// Where block `index` (0-based) stands in the source file.
  public func span(ofBlock index: Int) -> SourceSpan {
    let block = blocks[index]
    return SourceLocator(block: block, offsetMap: offsetMap).span(0..<max(1, block.text.utf8.count))
  }

  /// Where `token` of `segment` stands in the source file.
  public func span(of token: Token, in segment: Segment) -> SourceSpan {
    let block = blocks[segment.block - 1]
    let start = segment.range.lowerBound + token.start
    let end = segment.range.lowerBound + token.end
    return SourceLocator(block: block, offsetMap: offsetMap).span(start..<end)
  }
}
