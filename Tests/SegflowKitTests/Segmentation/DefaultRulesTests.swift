import Foundation
import Testing

@testable import SegflowKit

/// The shipped rules fix ICU's known weaknesses; each case fails with `rules: none`.
@Suite struct DefaultRulesTests {
  /// Every input line is one paragraph, so only sentence breaking is tested.
  static func pipeline(_ language: String, rules: String = "default") throws -> Pipeline {
    try PipelineLoader.parse("""
      version: 1
      language: \(language)
      targetLanguage: en
      stages:
        - decode
        - reflow:
            layout: lines
        - segment:
            rules: \(rules)
      writers: []
      """, file: "test.yaml")
  }

  func sentences(_ text: String, _ language: String = "zh", rules: String = "default") throws -> [String] {
    try Fixtures.process(text + "\n", pipeline: Self.pipeline(language, rules: rules)).segments.map(\.text)
  }

  /// Checks the rules give `expected`, and that ICU alone does not (so the rule is needed).
  func check(_ text: String, _ expected: [String], _ language: String = "zh") throws {
    #expect(try sentences(text, language) == expected)
    #expect(try sentences(text, language, rules: "none") != expected, "ICU alone already gets this right")
  }

  @Test("no break after ！ or ？ inside a title 《…》")
  func titles() throws {
    try check("我们明天一起去看《摔跤吧！爸爸》好吗？好！", ["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"])
    try check("他读了《谁动了我的奶酪？》这本书。", ["他读了《谁动了我的奶酪？》这本书。"])
  }

  @Test("no break inside brackets and quotes that close later in the sentence")
  func brackets() throws {
    try check("これは山です（これは山です。これは山です）。これは山です。", ["これは山です（これは山です。これは山です）。", "これは山です。"], "ja")
    try check("他说：“你好！我是小明。”然后走了。", ["他说：“你好！我是小明。”", "然后走了。"])
    try check("「引き下げ幅は３．２９％以上を目指す。」と指摘した。", ["「引き下げ幅は３．２９％以上を目指す。」と指摘した。"], "ja")
  }

  @Test("an opening bracket after a sentence end starts the next sentence")
  func openingBracket() throws {
    try check("风险很低。《进化特区》是一部电影。", ["风险很低。", "《进化特区》是一部电影。"])
    try check("我们走。“你好！”他说。", ["我们走。", "“你好！”", "他说。"])
  }

  @Test("the ellipsis …… does not end a sentence; …… followed by 。 does")
  func ellipsis() throws {
    #expect(try sentences("他说……然后走了。好。") == ["他说……然后走了。", "好。"])
    #expect(try sentences("他沉默了……。我们走吧。") == ["他沉默了……。", "我们走吧。"])
    #expect(try sentences("苹果、香蕉……（见图）都有。") == ["苹果、香蕉……（见图）都有。"])
  }

  @Test("list numbers are not sentences: 1. and （一）")
  func listNumbers() throws {
    try check("（一）加强领导。1.全面推进。2.落实责任。", ["（一）加强领导。", "1.全面推进。", "2.落实责任。"])
    try check("1.）これは山です。2.）これは山です。", ["1.）これは山です。", "2.）これは山です。"], "ja")
  }

  @Test("English in a Chinese document: a title before a name is no sentence end, a real end still is")
  func englishTitlesInChinese() throws {
    try check("He met Dr. Smith. Then he left.", ["He met Dr. Smith.", "Then he left."])
    try check("他会见了Mr. Smith和Mrs. Brown。", ["他会见了Mr. Smith和Mrs. Brown。"])
    #expect(try sentences("我们在Smith St. 见面。Dr. 李说好。") == ["我们在Smith St. 见面。", "Dr. 李说好。"])
    #expect(try sentences("It was a good idea. Dr. Smith agreed.") == ["It was a good idea.", "Dr. Smith agreed."])
  }

  @Test("German: sentences end after common words (ICU's German filter held them), abbreviations and ordinals do not end one")
  func german() throws {
    let text = "Der Zug kam um acht Uhr. Danach gingen wir nach Hause. Niemand wusste, wie alt er war. Wir blieben bis zum nächsten Jahr. Dr. Schmidt wohnt in der Hauptstr. 5 in Berlin. Das kostet ca. 10 Euro, d.h. Sie zahlen bar. Er kam am 3. Oktober. Sie sagte, er sei nicht mehr. Später kam er wieder."
    let expected = [
      "Der Zug kam um acht Uhr.", "Danach gingen wir nach Hause.", "Niemand wusste, wie alt er war.",
      "Wir blieben bis zum nächsten Jahr.", "Dr. Schmidt wohnt in der Hauptstr. 5 in Berlin.",
      "Das kostet ca. 10 Euro, d.h. Sie zahlen bar.", "Er kam am 3. Oktober.", "Sie sagte, er sei nicht mehr.",
      "Später kam er wieder.",
    ]
    #expect(try sentences(text, "de") == expected)
    #expect(try sentences("J. S. Bach war hier. J. R. R. Tolkien auch. Das ist Plan B. Dann gehen wir.", "de") == ["J. S. Bach war hier.", "J. R. R. Tolkien auch.", "Das ist Plan B.", "Dann gehen wir."])
    #expect(try sentences("Wir kauften Äpfel, Birnen usw. Dann gingen wir.", "de") == ["Wir kauften Äpfel, Birnen usw.", "Dann gingen wir."])
    #expect(try sentences(text, "de", rules: "none") != expected, "ICU alone already gets this right")
    // ICU's German abbreviation filter is not used: it holds the break after "Uhr.", "war.", "mehr.".
    #expect(Language.sentenceLocale("de-DE") == "de_DE")
    #expect(Language.sentenceLocale("en") == "en@ss=standard")
  }

  @Test("English abbreviations, initials, decimals, e-mail and URLs")
  func english() throws {
    try check("My name is Jonas E. Smith. Please turn to p. 55.", ["My name is Jonas E. Smith.", "Please turn to p. 55."], "en")
    try check("On Jan. 20, former Sen. Barack Obama spoke. J. K. Rowling wrote it.", ["On Jan. 20, former Sen. Barack Obama spoke.", "J. K. Rowling wrote it."], "en")
    // ICU alone gets these right; the rules must not break them (a missing-space rule could).
    #expect(try sentences("Her email is Jane.Doe@example.com. I sent her an email.", "en") == ["Her email is Jane.Doe@example.com.", "I sent her an email."])
    #expect(try sentences("Visit http://testurl.Awesome.com today. It is 3.5 m tall.", "en") == ["Visit http://testurl.Awesome.com today.", "It is 3.5 m tall."])
    try check("Hello world.Today is Tuesday.", ["Hello world.", "Today is Tuesday."], "en")
    #expect(try sentences("Mr. Smith paid $100.00. Then he left.", "en") == ["Mr. Smith paid $100.00.", "Then he left."])
    #expect(try sentences("I live in the U.S. How about you? I work for the U.S. Government.", "en") == ["I live in the U.S.", "How about you?", "I work for the U.S. Government."])
  }

  @Test("English multi-initial abbreviations: a sentence starter after them breaks, a name or a noun goes on")
  func englishMultiInitials() throws {
    try check("I live in the U.S.A. I went to J.C. Penney.", ["I live in the U.S.A.", "I went to J.C. Penney."], "en")
    try check("The quote is by J.R.R. Tolkien. I live in the E.U. How about you?", ["The quote is by J.R.R. Tolkien.", "I live in the E.U.", "How about you?"], "en")
    #expect(try sentences("She works for the U.S. Treasury. He was President of the U.S. Millions attended.", "en")
      == ["She works for the U.S. Treasury.", "He was President of the U.S.", "Millions attended."])
    // After a number A.M./P.M. is a time, not initials: a capitalised word after it starts a sentence.
    #expect(try sentences("He left the bank at 6 P.M. Mr. Smith then went home.", "en") == ["He left the bank at 6 P.M.", "Mr. Smith then went home."])
  }

  @Test("English fronted time adverbial: 'At 5 a.m.' opening a sentence is not a sentence")
  func englishFrontedTime() throws {
    try check("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
      ["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."], "en")
    try check("It rained. By 9:30 p.m. Friday the votes were counted.", ["It rained.", "By 9:30 p.m. Friday the votes were counted."], "en")
    // After a clause the time ends the sentence (ICU's break stands).
    #expect(try sentences("He left at 6 a.m. Travelers were waiting.", "en") == ["He left at 6 a.m.", "Travelers were waiting."])
  }

  @Test("English full stop after a plain word before a lower-case word ends the sentence; abbreviations do not")
  func englishLowerCaseStart() throws {
    try check("It was a cold night in the city. features galore", ["It was a cold night in the city.", "features galore"], "en")
    try check("<luca> it's fibre. am I right?", ["<luca> it's fibre.", "am I right?"], "en")
    for text in ["Were Jane and co. at the party?", "St. Michael's Church is on 5th st. near the light.", "Mr. and Mrs. Smith left.",
      "Apples, pears etc. are fruit.", "The med. staff and Kirk et al. said so.", "CELLULAR COMMUNICATIONS INC. sold shares.",
      "He got an i.v. in his vein.", "It is a Ph.D. level course.", "Use a hat, e.g. a cap.", "He came (see the note. it is short) today."] {
      #expect(try sentences(text, "en") == [text])
    }
  }

  @Test("English lists: labels stay with their item, and a new label starts a new item")
  func englishLists() throws {
    try check("1. The first item 2. The second item", ["1. The first item", "2. The second item"], "en")
    try check("a) here it is b) another", ["a) here it is", "b) another"], "en")
    #expect(try sentences("It lasts 60 seconds by 1. In the UTC scale it varies.", "en") == ["It lasts 60 seconds by 1.", "In the UTC scale it varies."])
  }

  @Test("English quotations: no break inside single quotes, after a dash-opened double quote, or in long quotes")
  func englishQuotes() throws {
    try check("'Well!' thought Alice, 'after such a fall as this, I shall think nothing of it! How brave they'll all think me!' (Which was true.) Then she went on.",
      ["'Well!' thought Alice, 'after such a fall as this, I shall think nothing of it! How brave they'll all think me!' (Which was true.)", "Then she went on."], "en")
    try check("Next came a voice--the Rabbit's--\"Pat! Pat! Where are you?\" And then silence.",
      ["Next came a voice--the Rabbit's--\"Pat! Pat! Where are you?\"", "And then silence."], "en")
    let long = String(repeating: "and so on, ", count: 40)
    try check("\"Are you ready? This is \(long)the end.\" She sat.", ["\"Are you ready? This is \(long)the end.\"", "She sat."], "en")
    // An apostrophe opens nothing: the sentences around it still break.
    #expect(try sentences("I wrote this in the ’nineties. It has two sentences, isn't it?", "en") == ["I wrote this in the ’nineties.", "It has two sentences, isn't it?"])
    // After a double quote a remark in parentheses is a sentence of its own.
    #expect(try sentences("\"I should think!\" (Dinah was the cat.) \"I hope so.\"", "en") == ["\"I should think!\"", "(Dinah was the cat.)", "\"I hope so.\""])
  }

  @Test("headings never merge with the next sentence: they are blocks of their own")
  func headings() throws {
    #expect(try sentences("一、总体要求\n全面推进乡村振兴。") == ["一、总体要求", "全面推进乡村振兴。"])
  }
}
