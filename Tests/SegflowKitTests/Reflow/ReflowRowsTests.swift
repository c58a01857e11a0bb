import Testing

@testable import SegflowKit

/// Rows keep their kept pieces in one store beside them (``LineProfile/pieceIndices``) and read
/// their text from the lines: each row's kept text must be the one its line profiled alone
/// gives, and a line cut before its byline must keep all its characters in its two rows.
@Suite struct ReflowRowsTests {
  static let texts = [
    "今天 天 气 很 好", "", "Latin  words   here and  there", "一行  文字 Latin  word", "plain",
    "他说道：  我们会努力。  文/宁杰", "研究发现 2021  年的数据", "记者：张三 李四", "  两端空格  ",
  ]

  @Test("each row's kept text and ranges, read from the store, are its line's profiled alone")
  func piecesFromTheStore() throws {
    let lines = Self.texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element, offset: 0) }
    let rows = Reflower().makeRows(lines)
    var rowsOfLine: [Int: [Int]] = [:]
    for index in rows.indices { rowsOfLine[rows[index].profile.index, default: []].append(index) }
    for (lineIndex, indices) in rowsOfLine.sorted(by: { $0.key < $1.key }) {
      let text = Self.texts[lineIndex]
      if indices.count == 1 {
        let alone = try #require(ProfiledLine(index: lineIndex, text: text, removeCJKLatinSpaces: true))
        let row = rows.line(indices[0])
        #expect(row.text == alone.text, "\(text)")
        #expect(row.kept == alone.kept, "\(text)")
        #expect(row.keptWithoutSoftSpace == alone.keptWithoutSoftSpace, "\(text)")
      } else {
        // A body and its byline: together they keep every non-space character, in order.
        let kept = indices.map { rows.line($0).text }.joined()
        #expect(kept.filter { $0 != " " } == text.filter { $0 != " " }, "\(text)")
      }
    }
    // (The lines with several pieces and the one cut before its byline are there to be read.)
    #expect(rowsOfLine.values.contains { $0.count == 2 })
    #expect(rows.pieces.count >= 3)
  }

  @Test("rows are small: a profile's numbers in 32 bits and its facts in bits, widest fields first")
  func rowSize() {
    // (Reflow keeps a row per line until the document is done: rows of 224 bytes, larger than
    // the lines' text, were most of reflow's cache misses.)
    #expect(MemoryLayout<LineProfile>.size == 88)
    #expect(MemoryLayout<Reflower.Row>.stride == 100)
  }
}
