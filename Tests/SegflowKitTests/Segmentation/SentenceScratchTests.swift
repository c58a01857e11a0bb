import SegflowICU
import Testing

@testable import SegflowKit

/// `SentenceSplitter` keeps its lists (UTF-16, ICU's ends, the SRX rules' hits, candidates and
/// ends, the ranges) in one `SentenceScratch` from block to block; nothing of a block may reach
/// the next, whatever their lengths and whichever rules match.
@Suite struct SentenceScratchTests {
  /// Sentences that exercise every kind of built-in rule: brackets and quotes, titles, list
  /// numbers, English titles, opening marks after a full stop, and none at all.
  static let pieces = [
    "我们明天一起去看《摔跤吧！爸爸》好吗？", "好！", "他说：“你好！我是小明。”然后走了。", "（一）加强领导。", "1.全面推进。",
    "他会见了Dr. Smith和Mrs. Brown。", "风险。《进化特区》是一本书。", "这是一个很长的句子，没有任何标点", "「…目指す。」と指摘した。",
    "See Dr. Who now. ", "Yes. ", "1. The first item 2. The second item ", "𠀀😀甲，乙😀。", " ", "\n", "",
  ]

  @Test("one scratch for many blocks gives each block's sentences as a fresh one does", arguments: ["zh", "en"])
  func reusedScratchMatchesFresh(language: String) throws {
    let rules = try #require(SRXRules.builtIn).rules(for: language)
    let splitter = SentenceSplitter(
      iterator: try BreakIterator(.sentence, locale: Language.sentenceLocale(language)), rules: try SRXSegmenter(rules: rules))
    let plain = SentenceSplitter(iterator: try BreakIterator(.sentence, locale: Language.sentenceLocale(language)))
    var generator = SplitMix(seed: 6)
    var scratch = SentenceScratch()
    var plainScratch = SentenceScratch()
    for round in 0..<600 {
      // Long blocks now and then, so that short ones follow blocks with many hits.
      let count = round % 9 == 0 ? Int.random(in: 20...60, using: &generator) : Int.random(in: 0...4, using: &generator)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      let fresh = try splitter.splitReporting(text)
      #expect(try splitter.splitReporting(text, scratch: &scratch) == fresh.outcome)
      #expect(scratch.ranges == fresh.ranges, "\(text.debugDescription)")
      #expect(try plain.splitReporting(text, scratch: &plainScratch) == .applied)
      #expect(plainScratch.ranges == (try plain.splitReporting(text).ranges), "\(text.debugDescription)")
    }
  }

  @Test("a block that runs out of time keeps ICU's sentences, and the next block is split as usual")
  func timeOutThenNormal() throws {
    let slow = SRXRule(isBreak: true, beforeBreak: "(a+)+b", afterBreak: "", line: 7)
    let split = SRXRule(isBreak: true, beforeBreak: "；", afterBreak: "")
    let splitter = SentenceSplitter(iterator: try BreakIterator(.sentence, locale: "zh"), rules: try SRXSegmenter(rules: [split, slow], timeLimit: 20))
    var scratch = SentenceScratch()
    let blocks = ["第一；第二。", String(repeating: "a", count: 64) + "；好。", "第一；第二；第三。"]
    for text in blocks + blocks {
      let fresh = try splitter.splitReporting(text)
      #expect(try splitter.splitReporting(text, scratch: &scratch) == fresh.outcome)
      #expect(scratch.ranges == fresh.ranges)
    }
    #expect(try splitter.splitReporting(blocks[1]).outcome == .timedOut(ruleLine: 7, ruleIndex: 2))
  }
}
