import SegflowICU
import Testing

@testable import SegflowKit

/// `WordScratch` decodes with a loop of its own into buffers that only grow (``ScratchBuffer``)
/// and writes ICU's words through pointers; one scratch serves texts of every length, so a long
/// text before short ones must leave nothing behind.
@Suite struct WordScratchTests {
  static let alphabet: [Character] = [
    "a", "Z", "1", " ", "\n", "\t", "\u{0B}", "\u{0C}", "\u{7F}", "\u{80}", "é", "\u{7FF}", "\u{800}", "\u{3000}", "我", "们", "的", "，", "。",
    "２", "\u{FFFD}", "\u{FFFF}", "𠀀", "😀", "\u{10FFFF}", "e\u{301}",
  ]

  static func randomText(_ round: Int, using generator: inout SplitMix) -> String {
    let length = round % 10 == 0 ? 0 : Int.random(in: 1...(round % 7 == 0 ? 500 : 40), using: &generator)
    return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
  }

  @Test("the decoded scalars, their UTF-8 offsets and the UTF-16 are the standard library's")
  func decodesAsTheStandardLibrary() {
    var generator = SplitMix(seed: 61)
    var scratch = WordScratch()
    for round in 0..<2_000 {
      let text = Self.randomText(round, using: &generator)
      scratch.load(text)
      var offsets = [0]
      for scalar in text.unicodeScalars { offsets.append(offsets.last! + UTF8.width(scalar)) }
      #expect(Array(scratch.scalars) == Array(text.unicodeScalars), "\(text.debugDescription)")
      #expect(Array(scratch.utf8Offsets) == offsets, "\(text.debugDescription)")
      #expect(Array(scratch.utf16) == Array(text.utf16), "\(text.debugDescription)")
      #expect(scratch.words.isEmpty)
    }
  }

  /// ICU's pieces of the UTF-8 text, one at a time, without those that are white space alone
  /// (one starting with U+000B or U+000C is kept).
  static func plainTokens(_ text: String, iterator: BreakIterator) throws -> [Token] {
    var copy = text
    let scalars = Array(text.unicodeScalars)
    var scalarAt: [Int: Int] = [:]
    var offset = 0
    for (index, scalar) in scalars.enumerated() {
      scalarAt[offset] = index
      offset += UTF8.width(scalar)
    }
    scalarAt[offset] = scalars.count
    var tokens: [Token] = []
    var start = 0
    try copy.withUTF8 { bytes in
      try iterator.forEachBoundary(in: bytes) { end, status in
        defer { start = end }
        let piece = scalars[scalarAt[start]!..<scalarAt[end]!]
        guard let first = piece.first else { return }
        if first != "\u{0B}", first != "\u{0C}", piece.allSatisfy({ ScalarTraits.isWhitespace($0) }) { return }
        tokens.append(Token(type: WordRuleStatus(ruleStatus: status), start: start, end: end))
      }
    }
    return tokens
  }

  @Test("ICU's words through one reused scratch are those of the text broken on its own")
  func breaksAsThePlainLoop() throws {
    let iterator = try BreakIterator(.word, locale: "zh")
    var generator = SplitMix(seed: 62)
    var scratch = WordScratch()
    var words = 0
    for round in 0..<1_000 {
      let text = Self.randomText(round, using: &generator)
      scratch.load(text)
      try scratch.breakWords(with: iterator)
      let expected = try Self.plainTokens(text, iterator: iterator)
      #expect(scratch.tokens() == expected, "\(text.debugDescription)")
      #expect(scratch.statuses.count == scratch.words.count)
      words += expected.count
    }
    #expect(words > 5_000)
  }

  @Test("a scratch buffer grows to the largest count asked and keeps its entries while it has room")
  func scratchBufferGrowsOnly() {
    let buffer = ScratchBuffer<Int>()
    buffer.reserve(3)
    #expect(buffer.capacity >= 3)
    for index in 0..<3 { buffer.base[index] = index + 1 }
    let capacity = buffer.capacity
    buffer.reserve(2)
    #expect(buffer.capacity == capacity)
    #expect(Array(buffer.prefix(3)) == [1, 2, 3])
    buffer.reserve(capacity + 1)
    #expect(buffer.capacity >= 2 * capacity)
  }
}
