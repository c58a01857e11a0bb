import Testing

@testable import SegflowKit

/// A line longer than a line profile can hold (2^29 bytes) is an error naming the document and
/// the line, not a trap: checked with a small limit, as a real such line takes half a gigabyte.
@Suite struct ReflowLineLengthTests {
  @Test("the first line over the limit is named, with its length")
  func longLineFails() {
    let text = "短行\n" + String(repeating: "长", count: 20) + "\n" + String(repeating: "x", count: 30) + "\n"
    let lines = LineSplitter.split(text)
    let error = #expect(throws: DocumentError.self) {
      try ReflowStage.checkLineLengths(lines, textBytes: text.utf8.count, path: "in.txt", limit: 50)
    }
    #expect(error?.path == "in.txt")
    #expect(error?.line == 2)
    #expect(error?.message.contains("60 bytes") == true)
  }

  @Test("lines up to the limit pass")
  func linesAtTheLimitPass() throws {
    let text = "短行\n" + String(repeating: "长", count: 20) + "\n"
    try ReflowStage.checkLineLengths(LineSplitter.split(text), textBytes: text.utf8.count, path: "in.txt", limit: 60)
  }
}
