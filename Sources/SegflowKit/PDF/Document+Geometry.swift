/// Page and box of a segment, for writers: the union of the boxes of the visual lines the
/// segment's characters come from, on the page where it starts. Nil for text input.
extension Document {
  public func geometry(of segment: Segment) -> (page: Int, box: BoundingBox)? {
    guard let layout = pdfLayout, blocks.indices.contains(segment.block - 1) else { return nil }
    let block = blocks[segment.block - 1]
    var lines: [Int] = []
    for piece in block.pieces where piece.textOffset < segment.range.upperBound && piece.textOffset + piece.length > segment.range.lowerBound {
      lines.append(piece.line - 1)
    }
    return layout.geometry(ofLines: lines)
  }
}
