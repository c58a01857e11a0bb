import Testing

@testable import SegflowKit

/// A segment's id is `document:block:index`; the segment stage writes it from bytes
/// (``SegmentIDMaker``), which must read as the interpolation does.
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
  }

  @Test("ids written from bytes read as interpolated ones, for small and heap strings")
  func idsMatchInterpolation() {
    // Short ASCII names give small strings; long and non-ASCII ones the heap.
    let names = ["d", "slice2", "corpus-20", "a-rather-long-document-name", "人民日报-1998", "é", "x:y", ""]
    let numbers = [0, 1, 9, 10, 99, 100, 101, 999, 1_000, 12_345, 999_999, 1_000_000, Int.max, -1, -120, Int.min]
    var generator = SplitMix(seed: 8)
    for name in names {
      var maker = SegmentIDMaker(document: name)
      for _ in 0..<200 {
        let block = Bool.random(using: &generator) ? numbers.randomElement(using: &generator)! : Int.random(in: 1...100_000, using: &generator)
        maker.startBlock(block)
        for _ in 0..<3 {
          let index = Bool.random(using: &generator) ? numbers.randomElement(using: &generator)! : Int.random(in: 1...300, using: &generator)
          let id = maker.id(index)
          #expect(id == "\(name):\(block):\(index)")
          #expect(Array(id.utf8) == Array("\(name):\(block):\(index)".utf8))
        }
      }
    }
  }
}
