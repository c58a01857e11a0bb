/// Page and boxes of a segment, for writers: the boxes of the characters it comes from
/// (estimated within poppler's words; whole lines where normalization changed a line's length),
/// on the page where it starts, one box per column (or tier) it runs through. Nil for text input.
extension Document {
  /// The page and the box of the segment's part in the column where it starts.
  public func geometry(of segment: Segment) -> (page: Int, box: BoundingBox)? {
    guard let parts = geometryParts(of: segment), let first = parts.boxes.first else { return nil }
    return (parts.page, first)
  }

  /// The page and one box per column the segment runs through on that page, in reading order.
  public func geometryParts(of segment: Segment) -> (page: Int, boxes: [BoundingBox])? {
    guard let layout = pdfLayout, blocks.indices.contains(segment.block - 1) else { return nil }
    let block = blocks[segment.block - 1]
    var page: Int?
    var boxes: [BoundingBox] = []
    var previousLine: PDFLayout.LineGeometry?
    for piece in block.pieces where piece.textOffset < segment.range.upperBound && piece.textOffset + piece.length > segment.range.lowerBound {
      let index = piece.line - 1
      guard layout.lines.indices.contains(index), lines.indices.contains(index) else { continue }
      let line = layout.lines[index]
      if page == nil { page = line.page }
      guard line.page == page else { continue }
      // The piece holds the line's text from its start (pieces are whole lines).
      let from = max(segment.range.lowerBound, piece.textOffset) - piece.textOffset
      let to = min(segment.range.upperBound, piece.textOffset + piece.length) - piece.textOffset
      guard let part = layout.box(ofLine: index, range: from..<to, text: lines[index].isVerbatim ? lines[index].text : nil) else { continue }
      if let previous = previousLine, !boxes.isEmpty, Self.sameColumn(previous, line) {
        boxes[boxes.count - 1] = boxes[boxes.count - 1].union(part)
      } else {
        boxes.append(part)
      }
      previousLine = line
    }
    guard let page, !boxes.isEmpty else { return nil }
    return (page, boxes)
  }

  /// Whether `next` follows `previous` in the same column: their extents along the reading
  /// direction overlap and `next` stands after it across lines (below; left of it when vertical).
  static func sameColumn(_ previous: PDFLayout.LineGeometry, _ next: PDFLayout.LineGeometry) -> Bool {
    if next.vertical {
      return min(previous.box.y1, next.box.y1) > max(previous.box.y0, next.box.y0) && next.box.midX < previous.box.midX
    }
    return min(previous.box.x1, next.box.x1) > max(previous.box.x0, next.box.x0) && next.box.midY > previous.box.midY
  }
}
