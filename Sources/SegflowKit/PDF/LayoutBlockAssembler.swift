/// Builds the document's blocks from the layout plan and the (normalized) lines: lines joined
/// with nothing between CJK and one space between Latin words, a word broken by a hyphen at a
/// line end rejoined (see ``TextJoin/dropsHyphen(_:_:known:)``); each block records its page,
/// box and one piece per line, so every character maps back to its visual line.
enum LayoutBlockAssembler {
  static func blocks(_ layout: PDFLayout, lines: [SourceLine]) -> [Block] {
    var result: [Block] = []
    result.reserveCapacity(layout.blocks.count)
    // Latin words the document spells, for telling broken words from hyphenated compounds.
    var known = Set<String>()
    for line in lines where line.text.utf8.contains(where: { $0 < 0x80 }) { TextJoin.latinWords(line.text, into: &known) }
    for plan in layout.blocks {
      var text = ""
      var pieces: [Piece] = []
      var decisions = plan.decisions
      for index in plan.lines where lines.indices.contains(index) {
        let line = lines[index]
        let content = line.text.trimmingTrailingSpace()
        guard !content.isEmpty else { continue }
        if !text.isEmpty {
          if TextJoin.dropsHyphen(text, content, known: known) {
            text.unicodeScalars.removeLast()
            if var last = pieces.popLast() {
              last.length -= 1
              if last.length > 0 { pieces.append(last) }
            }
            decisions.append(Decision(.dehyphenate, rule: "layout-hyphen", confidence: 0.7, line: line.number - 1, detail: "word broken by a hyphen at the line end"))
          } else {
            text += TextJoin.lineSeparator(text, content)
          }
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
