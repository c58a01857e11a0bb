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
      var decisions = plan.decisions
      for index in plan.lines where lines.indices.contains(index) {
        let line = lines[index]
        let content = line.text.trimmingTrailingSpace()
        guard !content.isEmpty else { continue }
        if !text.isEmpty {
          let join = TextJoin.joinLines(text, content)
          if join.dropLast {
            text.unicodeScalars.removeLast()
            if var last = pieces.popLast() {
              last.length -= 1
              if last.length > 0 { pieces.append(last) }
            }
            decisions.append(Decision(.dehyphenate, rule: "layout-hyphen", confidence: 0.7, line: line.number - 1, detail: "word broken at the line end"))
          }
          text += join.separator
        }
        pieces.append(Piece(textOffset: text.utf8.count, length: content.utf8.count, line: line.number, column: 1, sourceOffset: line.offset))
        text += content
      }
      guard !text.isEmpty else { continue }
      var block = Block(kind: plan.kind, text: text, pieces: pieces, decisions: decisions)
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
