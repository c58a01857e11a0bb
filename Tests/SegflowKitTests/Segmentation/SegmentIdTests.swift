import Testing

@testable import SegflowKit

/// A segment's id is `document:block:index`; the segment stage takes the index's digits from a
/// table for the first hundred and converts the rest, and both must read the same.
@Suite struct SegmentIdTests {
  @Test("ids count every segment of a block, past the table of index names")
  func idsPastTheTable() throws {
    let pipeline = try PipelineLoader.parse(
      "version: 1\nlanguage: zh\ntargetLanguage: en\nstages:\n  - decode\n  - reflow:\n      layout: lines\n  - segment\nwriters: []\n", file: "test.yaml")
    let line = (1...130).map { "第\($0)句。" }.joined()
    let document = try Fixtures.process("标题\n" + line + "\n", pipeline: pipeline, name: "doc")
    let second = document.segments.filter { $0.block == document.segments.last?.block }
    #expect(second.count == 130)
    #expect(second.map(\.id) == (1...130).map { "doc:\(second[0].block):\($0)" })
    #expect(second.map(\.index) == Array(1...130))
    #expect(SegmentStage.indexNames == (0..<100).map { "\($0)" })
  }
}
