import Foundation
import SegflowICU
import Testing

@testable import SegflowKit

/// The engine: ICU boundaries plus ordered SRX rules, first match wins.
@Suite struct SRXSegmenterTests {
  /// Sentences of `text` with ICU's sentence rules for `locale` and `rules` on top.
  func sentences(_ text: String, _ rules: [SRXRule], locale: String = "zh") throws -> [String] {
    let splitter = SentenceSplitter(iterator: try BreakIterator(.sentence, locale: locale), rules: try SRXSegmenter(rules: rules))
    let bytes = Array(text.utf8)
    return try splitter.split(text).map { String(decoding: bytes[$0], as: UTF8.self) }
  }

  @Test("with no rules the boundaries are ICU's")
  func icuOnly() throws {
    #expect(try sentences("我们去看《摔跤吧！爸爸》好吗？好！", []) == ["我们去看《摔跤吧！", "爸爸》好吗？", "好！"])
  }

  @Test("a no-break rule removes an ICU boundary")
  func noBreakRemoves() throws {
    let rule = SRXRule(isBreak: false, beforeBreak: "吧！", afterBreak: "爸爸")
    #expect(try sentences("我们去看《摔跤吧！爸爸》好吗？好！", [rule]) == ["我们去看《摔跤吧！爸爸》好吗？", "好！"])
  }

  @Test("a break rule adds a boundary where ICU has none")
  func breakAdds() throws {
    let rule = SRXRule(isBreak: true, beforeBreak: "；", afterBreak: "")
    #expect(try sentences("第一；第二。", [rule]) == ["第一；", "第二。"])
  }

  @Test("rules are ordered: the first rule that matches at a position decides")
  func firstMatchWins() throws {
    let noBreak = SRXRule(isBreak: false, beforeBreak: "；", afterBreak: "第二")
    let yesBreak = SRXRule(isBreak: true, beforeBreak: "；", afterBreak: "")
    #expect(try sentences("第一；第二；第三。", [noBreak, yesBreak]) == ["第一；第二；", "第三。"])
    #expect(try sentences("第一；第二；第三。", [yesBreak, noBreak]) == ["第一；", "第二；", "第三。"])
  }

  @Test("positions before white space move past it, as ICU's do")
  func whiteSpace() throws {
    let rule = SRXRule(isBreak: false, beforeBreak: "\\bDr\\.", afterBreak: "\\s")
    #expect(try sentences("See Dr. Who now. Yes.", [rule], locale: "en") == ["See Dr. Who now. ", "Yes."])
    let split = SRXRule(isBreak: true, beforeBreak: ";", afterBreak: "\\s")
    #expect(try sentences("one; two.", [split], locale: "en") == ["one; ", "two."])
  }

  @Test("an empty beforebreak matches where afterbreak starts")
  func emptyBefore() throws {
    let rule = SRXRule(isBreak: true, beforeBreak: "", afterBreak: "第")
    #expect(try sentences("甲第乙第丙", [rule]) == ["甲", "第乙", "第丙"])
  }

  @Test("offsets are UTF-8 even after characters outside the BMP")
  func utf8Offsets() throws {
    let rule = SRXRule(isBreak: true, beforeBreak: "，", afterBreak: "")
    // 𠀀 and 😀 take two UTF-16 units and four UTF-8 bytes.
    #expect(try sentences("𠀀😀甲，乙😀，丙。", [rule]) == ["𠀀😀甲，", "乙😀，", "丙。"])
  }

  @Test("a rule that backtracks catastrophically is cut off: ICU's boundaries and a timeout, not a hang")
  func pathological() throws {
    let rule = SRXRule(isBreak: true, beforeBreak: "(a+)+b", afterBreak: "", line: 7)
    let segmenter = try SRXSegmenter(rules: [rule], timeLimit: 20)
    let text = String(repeating: "a", count: 64) + "。好。"
    let boundaries = try BreakIterator(.sentence, locale: "zh").boundaries(in: text)
    let clock = ContinuousClock()
    let started = clock.now
    let (ends, outcome) = segmenter.apply(to: text, boundaries: boundaries)
    #expect(clock.now - started < .seconds(5))
    #expect(outcome == .timedOut(ruleLine: 7, ruleIndex: 1))
    #expect(ends == Array(boundaries.dropFirst()))
  }

  @Test("the default rules stay within the time limit on long paragraphs", arguments: ["zh", "en"])
  func longParagraphs(language: String) throws {
    let sentence = language == "zh"
      ? "我们明天一起去看《摔跤吧！爸爸》好吗？他说：“你好！我是小明。”（一）加强领导。1.全面推进……然后走了。"
      : "Mr. Smith met Sen. J. K. Rowling at 5 p.m. on Jan. 20. She said, \"It is (as usual.) fine!\" Visit www.example.com now. 1. The first item 2. The second item "
    let text = String(repeating: sentence, count: 400)
    let rules = try #require(SRXRules.builtIn).rules(for: language)
    let segmenter = try SRXSegmenter(rules: rules)
    let boundaries = try BreakIterator(.sentence, locale: Language.sentenceLocale(language)).boundaries(in: text)
    let (ends, outcome) = segmenter.apply(to: text, boundaries: boundaries)
    #expect(outcome == .applied)
    #expect(ends.count >= 400)
  }

  @Test("the segment stage warns about a rule that timed out and keeps ICU's sentences")
  func stageWarns() throws {
    let rules = SRXRules(
      file: "slow.srx", cascade: false,
      languageRules: [SRXLanguageRule(name: "Slow", rules: [SRXRule(isBreak: false, beforeBreak: "(a+)+b", afterBreak: "", line: 3)])],
      maps: [SRXLanguageMap(pattern: ".*", ruleName: "Slow")])
    var pipeline = try PipelineLoader.parse("version: 1\nlanguage: zh\ntargetLanguage: en\nstages:\n  - decode\n  - reflow:\n      layout: lines\n  - segment\nwriters: []\n", file: "test.yaml")
    pipeline = pipeline.replacing("segment", with: SegmentStage(rules: rules, timeLimit: 20))
    let document = try Fixtures.process(String(repeating: "a", count: 64) + "。好。\n", pipeline: pipeline)
    #expect(document.segments.map(\.text) == [String(repeating: "a", count: 64) + "。", "好。"])
    #expect(document.warnings.count == 1)
    #expect(document.warnings.first?.contains("slow.srx:3") == true)
    #expect(document.warnings.first?.contains("ran out of time") == true)
  }
}
