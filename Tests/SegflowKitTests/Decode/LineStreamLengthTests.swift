import Foundation
import Testing

@testable import SegflowKit

/// `segflow run` reads a large document in chunks (`LineStream`), whose documents carry no
/// text of their own: a line longer than reflow takes must be refused there too, naming the
/// file and the line, not reach reflow's 32-bit profile fields. Checked with a small limit.
@Suite struct LineStreamLengthTests {
  static func stream(_ text: String, limit: Int) throws -> (LineStream, String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-linestream-\(getpid())-\(limit).txt").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return (try LineStream(path: path, blockSize: 16, longestLine: limit), path)
  }

  @Test("a line over the limit is a document error naming the file and the line")
  func longLineFails() throws {
    let (stream, path) = try Self.stream("短行\n" + String(repeating: "长", count: 30) + "\nend\n", limit: 50)
    defer { unlink(path) }
    var lines: [SourceLine] = []
    var failure: DocumentError?
    do {
      while let next = try stream.next() { lines += next }
    } catch {
      if case .document(let error) = error { failure = error }
    }
    #expect(failure?.path == path)
    #expect(failure?.line == 2)
    #expect(failure?.message.contains("90 bytes") == true)
    #expect(lines.map(\.text) == ["短行"])
  }

  @Test("lines up to the limit are read whole")
  func linesAtTheLimitPass() throws {
    let (stream, path) = try Self.stream("短行\n" + String(repeating: "长", count: 30) + "\nend\n", limit: 90)
    defer { unlink(path) }
    var lines: [SourceLine] = []
    while let next = try stream.next() { lines += next }
    #expect(lines.map(\.text) == ["短行", String(repeating: "长", count: 30), "end"])
  }
}
