import Foundation
import SegflowICU
import Testing

@testable import SegflowKit

@Suite struct SpanTests {
  @Test("every token's span points at its characters in the source, across joined lines")
  func tokenSpans() throws {
    let text = "党的基层组织是党的全\n部工作和战斗力的基础。湖\n州联通党委坚持强化。\n"
    let document = try Fixtures.process(text, pipeline: try Fixtures.defaultPipeline())
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    let bytes = Array(text.utf8)
    var checked = 0
    for segment in document.segments {
      for token in segment.tokens ?? [] {
        let span = document.span(of: token, in: segment)
        let first = segment.text(of: token).unicodeScalars.first!
        #expect(lines[span.start.line - 1][span.start.column - 1] == first)
        #expect(String(decoding: bytes[span.start.byte...].prefix(3), as: UTF8.self).unicodeScalars.first == first)
        checked += 1
      }
    }
    #expect(checked > 10)
    // `湖州` is cut by the line break: its span runs from line 2 to line 3.
    let huzhou = document.segments.flatMap { segment in (segment.tokens ?? []).map { (segment, $0) } }.first { $0.0.text(of: $0.1) == "湖州" }!
    let span = document.span(of: huzhou.1, in: huzhou.0)
    #expect(span.start.line == 2 && span.end.line == 3)
    #expect(span.end.column == 2)
  }

  @Test("block spans of GB18030 input are byte offsets in the original file")
  func legacyCharsetSpans() throws {
    let text = "湖州联通\n\n党的基层组织是党的全部工作。\n"
    var document = Document(name: "gb", path: "gb.txt", bytes: try Charset.encode(text, to: "GB18030"), language: "zh")
    try (try Fixtures.defaultPipeline()).process(&document, context: StageContext())
    let span = document.span(ofBlock: 1)
    // 4 Han (8 bytes) + 2 line feeds precede the paragraph in GB18030.
    #expect(span.start.byte == 10)
    #expect(span.end.byte == 10 + 14 * 2)
    #expect(span.start.line == 3)
  }
}
