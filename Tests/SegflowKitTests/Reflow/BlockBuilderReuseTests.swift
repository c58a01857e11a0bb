import Testing

@testable import SegflowKit

/// `finishKeepingBuffers` hands its buffers on to the next block; every block it gives must be
/// the block a fresh builder per block gives.
@Suite struct BlockBuilderReuseTests {
  /// Between `lines` lines of between `length` characters drawn from `alphabet`.
  static func randomLines(from alphabet: [Unicode.Scalar], lines: ClosedRange<Int>, length: ClosedRange<Int>, using generator: inout some RandomNumberGenerator) -> [String] {
    (0..<Int.random(in: lines, using: &generator)).map { _ in
      var view = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: length, using: &generator) { view.append(alphabet.randomElement(using: &generator)!) }
      return String(view)
    }
  }

  /// Rows of `lines` as the reflow makes them (one document, offsets counted in its text).
  /// Random block sizes, each 1 to `largest`, that add up to `total` rows.
  static func randomSizes(total: Int, largest: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
    var sizes: [Int] = []
    var left = total
    while left > 0 {
      let size = Int.random(in: 1...min(left, largest), using: &generator)
      sizes.append(size)
      left -= size
    }
    return sizes
  }

  static func rows(_ lines: [String]) -> Reflower.Rows {
    let decoded = DecodedLine()
    var sourceLines: [SourceLine] = []
    var rows: [Reflower.Row] = []
    var pieces: [LineProfile.Piece] = []
    var offset = 0
    for (index, line) in lines.enumerated() {
      sourceLines.append(SourceLine(number: index + 1, text: line, offset: offset))
      decoded.load(Substring(line))
      if decoded.hasNonSpace {
        rows.append(Reflower.Row(
          lineNumber: index + 1, blanksBefore: 0, startsPage: false, index: index,
          decoded: decoded, range: 0..<decoded.count, removeCJKLatinSpaces: true, pieceStore: &pieces))
      }
      offset += line.utf8.count + 1
    }
    return Reflower.Rows(lines: sourceLines, rows: rows, pieces: pieces)
  }

  /// Blocks of `sizes` rows each, one builder kept across them or a fresh one per block.
  static func blocks(_ rows: Reflower.Rows, sizes: [Int], keepingBuffers: Bool) -> [Block] {
    var blocks: [Block] = []
    var builder = BlockBuilder()
    var next = 0
    for size in sizes {
      for index in next..<(next + size) {
        builder.append(rows, at: index, verbatim: false, keepSoftSpace: false)
        builder.decisions.append(Decision(.join, rule: "test", confidence: 1, line: rows[index].lineNumber, detail: ""))
      }
      next += size
      if keepingBuffers {
        blocks.append(builder.finishKeepingBuffers(kind: .paragraph))
      } else {
        blocks.append(builder.finish(kind: .paragraph))
        builder = BlockBuilder()
      }
    }
    return blocks
  }

  @Test("examples: Latin words joined with a space, a line-end hyphen removed, spaces dropped")
  func examples() {
    let rows = Self.rows(["infor-", "mation is", "here,", "今天 天 气", "很好。", "word"])
    let fresh = Self.blocks(rows, sizes: [2, 1, 2, 1], keepingBuffers: false)
    #expect(fresh.map(\.text) == ["information is", "here,", "今天天气很好。", "word"])
    #expect(Self.blocks(rows, sizes: [2, 1, 2, 1], keepingBuffers: true) == fresh)
  }

  @Test("a block of CJK lines is their texts joined, past the byte buffer's growth and after a longer block")
  func textsJoined() {
    let alphabet = Array("中文天气很好的，。、".unicodeScalars)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<100 {
      let lines = Self.randomLines(from: alphabet, lines: 1...20, length: 1...200, using: &generator)
      let rows = Self.rows(lines)
      let sizes = Self.randomSizes(total: rows.count, largest: 8, using: &generator)
      var expected: [String] = []
      var next = 0
      for size in sizes {
        expected.append(lines[next..<(next + size)].joined())
        next += size
      }
      for keepingBuffers in [false, true] {
        let texts = Self.blocks(rows, sizes: sizes, keepingBuffers: keepingBuffers).map(\.text)
        guard texts == expected else {
          Issue.record("the blocks' texts differ for \(lines) in blocks of \(sizes)")
          return
        }
      }
    }
  }

  @Test("random lines cut into random blocks give the same blocks either way")
  func randomBlocks() {
    let alphabet = Array("中文天气，。“”-ab Z9 ".unicodeScalars)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let lines = Self.randomLines(from: alphabet, lines: 1...30, length: 1...40, using: &generator)
      let rows = Self.rows(lines)
      let sizes = Self.randomSizes(total: rows.count, largest: 12, using: &generator)
      let fresh = Self.blocks(rows, sizes: sizes, keepingBuffers: false)
      let kept = Self.blocks(rows, sizes: sizes, keepingBuffers: true)
      guard kept == fresh else {
        Issue.record("the blocks differ for \(lines)")
        return
      }
    }
  }
}
