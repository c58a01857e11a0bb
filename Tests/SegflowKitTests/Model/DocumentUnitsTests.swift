import Testing
@testable import SegflowKit

/// `Document.units` takes consecutive runs when the segments are in order (as the segment stage
/// leaves them) and groups them otherwise; both must give the same units.
@Suite struct DocumentUnitsTests {
  static func document(blocks: Int, segments: [(block: Int, index: Int)], firstBlockNumber: Int = 1) -> Document {
    var document = Document(name: "d", path: "d.txt", bytes: [], language: "zh")
    document.blocks = (0..<blocks).map { Block(kind: $0 % 3 == 0 ? .heading : .paragraph, text: "b\($0)", pieces: []) }
    document.firstBlockNumber = firstBlockNumber
    let position = SourcePosition(line: 1, column: 1, byte: 0)
    document.segments = segments.map { block, index in
      Segment(
        id: "d:\(block):\(index)", block: block, index: index, kind: .paragraph, text: "s", trailing: "",
        range: 0..<1, source: SourceSpan(start: position, end: position))
    }
    return document
  }

  static func summary(_ units: [DocumentUnit]) -> [String] {
    units.map { "\($0.number) \($0.block.text): " + $0.segments.map(\.id).joined(separator: " ") }
  }

  @Test func orderedRunsMatchTheGroupingOfAShuffledCopy() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let blocks = Int.random(in: 0...8, using: &generator)
      let first = Int.random(in: 1...3, using: &generator)
      // Block numbers from before the first block to past the last: those outside have no unit.
      var pairs: [(block: Int, index: Int)] = []
      for block in 0...(first + blocks + 1) {
        for index in 1...Int.random(in: 1...3, using: &generator) where Bool.random(using: &generator) { pairs.append((block, index)) }
      }
      let ordered = Self.document(blocks: blocks, segments: pairs, firstBlockNumber: first)
      let shuffled = Self.document(blocks: blocks, segments: pairs.shuffled(using: &generator), firstBlockNumber: first)
      let expected = pairs.filter { $0.block >= first && $0.block < first + blocks }.count
      #expect(Self.summary(ordered.units) == Self.summary(shuffled.units))
      #expect(ordered.units.reduce(0) { $0 + $1.segments.count } == expected)
    }
  }

  @Test func unitsKeepBlockNumbersAndSkipBlocksWithoutSegments() {
    let document = Self.document(blocks: 4, segments: [(2, 1), (2, 2), (4, 1)], firstBlockNumber: 2)
    #expect(Self.summary(document.units) == ["2 b0: d:2:1 d:2:2", "4 b2: d:4:1"])
  }
}
