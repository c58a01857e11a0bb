import SegflowICU
import Testing

@testable import SegflowKit

@Suite struct TokenizeStageTests {
  /// `count` random segments of CJK, digits, Latin, spaces, URLs and punctuation.
  static func segments(_ count: Int, seed: UInt64) -> [Segment] {
    let pool = Array("的了是在一二三十年月日第个本报克林顿新华社北京电今天天气很好。，！？…—“”《》（）abc XYZ 2021 35.8% ３５ 　😀𠀀http://www.x.com a@b.org")
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    let origin = SourcePosition(line: 1, column: 1, byte: 0)
    return (0..<count).map { index in
      // Now and then an empty segment, a long one, or one of white space alone.
      let length = index % 17 == 5 ? 0 : index % 13 == 3 ? 300 : next(60)
      let text = index % 19 == 7 ? "  　" : String((0..<length).map { _ in pool[next(pool.count)] })
      return Segment(
        id: "t:1:\(index + 1)", block: 1, index: index + 1, kind: .paragraph, text: text, trailing: "",
        range: 0..<text.utf8.count, source: SourceSpan(start: origin, end: origin))
    }
  }

  @Test("a document's segments get the tokens each gets on its own (the stage's buffers are reused from one segment to the next)", arguments: [nil, WordRefiner(), WordRefiner(lexicon: Lexicon(words: ["本报", "克林顿", "新华社", "天气"]))])
  func matchesEachSegmentAlone(refiner: WordRefiner?) throws {
    let count = 101
    var document = Document(name: "t", path: "t.txt", bytes: [], language: "zh")
    document.segments = Self.segments(count, seed: 0xBA7C4)
    try TokenizeStage(refiner: refiner).run(&document, context: StageContext())
    let splitter = WordSplitter(iterator: try BreakIterator(.word, locale: "zh"))
    var tokenized = 0
    for segment in document.segments {
      let icu = try splitter.tokens(of: segment.text)
      let expected = refiner.map { $0.refine(segment.text, tokens: icu) } ?? icu
      #expect(segment.tokens == expected, "\(segment.id) \(segment.text)")
      if !expected.isEmpty { tokenized += 1 }
    }
    #expect(tokenized > count / 2)
  }
}
