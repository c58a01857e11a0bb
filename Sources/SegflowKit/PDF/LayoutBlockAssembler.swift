/// Builds the document's blocks from the layout plan and the (normalized) lines: lines joined
/// with nothing between CJK and one space between Latin words; each block records its page,
/// box and one piece per line, so every character maps back to its visual line.
enum LayoutBlockAssembler {
  static func blocks(_ layout: PDFLayout, lines: [SourceLine]) -> [Block] {
    var result: [Block] = []
    result.reserveCapacity(layout.blocks.count)
    for plan in layout.blocks {
      var text = ""
      var pieces: [Piece] = []
      for index in plan.lines where lines.indices.contains(index) {
        let line = lines[index]
        let content = line.text.trimmingTrailingSpace()
        guard !content.isEmpty else { continue }
        if !text.isEmpty { text += TextJoin.lineSeparator(text, content) }
        pieces.append(Piece(textOffset: text.utf8.count, length: content.utf8.count, line: line.number, column: 1, sourceOffset: line.offset))
        text += content
      }
      guard !text.isEmpty else { continue }
      var block = Block(kind: plan.kind, text: text, pieces: pieces, decisions: plan.decisions)
      if let geometry = layout.geometry(ofLines: plan.lines) {
        block.page = geometry.page
        block.box = geometry.box
      }
      result.append(block)
    }
    return result
  }
}

extension String {
  fileprivate func trimmingTrailingSpace() -> String {
    var copy = self
    while let last = copy.unicodeScalars.last, last.properties.isWhitespace { copy.unicodeScalars.removeLast() }
    return copy
  }
}
