import Foundation
import SegflowICU
import Testing

@testable import SegflowKit

/// The per-block rule prefilter: it only ever skips rules that cannot match.
@Suite struct SRXPrefilterTests {
  func sets(_ pattern: String) -> [Set<Character>]? {
    SRXPrefilter.requiredSets(pattern)?.map { Set($0.map { Character(Unicode.Scalar($0)!) }) }
  }

  @Test("required sets come from mandatory literal elements at the top level")
  func derivation() {
    #expect(sets("\\p{L}\\.") == [["."]])
    #expect(sets("[。．！？!?…]+[》〉]") == [Set("。．！？!?…"), ["》", "〉"]])
    #expect(sets("[。．！？!?…](?<=《[^《》\\n]{0,100}[。．！？!?…])[。．！？!?…]*[”’」』\"')）]*") == [Set("。．！？!?…"), ["《"], Set("。．！？!?…")])
    #expect(sets("[^《》\\n]{0,100}》") == [["》"]])
    #expect(sets("(?<![0-9０-９.．])[0-9０-９]{1,3}[.．][)）]?") == [Set("0123456789０１２３４５６７８９"), [".", "．"]])
    #expect(sets("[-–—]\\s+\\p{Lu}") == [["-", "–", "—"]])
    #expect(sets("[\\w+-]\\.") == [["."]])
    #expect(sets("a?b*c{0,2}d{1}") == [["d"]])
    // Groups and positive look-arounds without `|` add their content; negative ones do not.
    #expect(sets("(?:ab)(?=c)(?<=d)(?!e)(?<!f)(?:g|h)(?:i)?") == [["a"], ["b"], ["c"], ["d"]])
    #expect(sets("[^\\n]x\\n") == [["x"], ["\n"]])
    // Nothing mandatory, or an alternation at the top: no sets.
    #expect(sets("\\s*\\S") == [])
    #expect(sets("a|b") == [])
    #expect(sets("[^a]") == [])
    #expect(sets("[\\p{L}a]") == [])
    // Not understood or possibly catastrophic: no prefilter at all.
    #expect(sets("(?i)a") == nil)
    #expect(sets("\\x{41}") == nil)
    #expect(sets("(a+)+b") == nil)
    #expect(sets("(?:a|ab)*c") == nil)
    #expect(sets("((a+))+b") == nil)
    #expect(sets("\\Qa\\E") == nil)
    #expect(sets("(a") == nil)
  }

  @Test("a match starts with the first element's units only when that element is a mandatory literal class")
  func startUnits() {
    func starts(_ pattern: String) -> Set<Character>? {
      SRXPrefilter.startUnits(pattern).map { Set($0.map { Character(Unicode.Scalar($0)!) }) }
    }
    #expect(starts("[《“‘「『（〈【〔(\\[]") == Set("《“‘「『（〈【〔(["))
    #expect(starts("[。．！？!?]+[”’」』）》〉】〕)\\]\"']*") == Set("。．！？!?"))
    #expect(starts("[。．！？!?…](?<=《[^《》\\n]{0,100}[。．！？!?…])[。．！？!?…]*") == Set("。．！？!?…"))
    #expect(starts("\\.x") == ["."])
    // The first element may match nothing, is not a literal class, or is a look-around: unknown.
    #expect(starts("[。！]*x") == nil)
    #expect(starts("(?<![0-9])[0-9]{1,3}[.．]") == nil)
    #expect(starts("(?:ab)c") == nil)
    #expect(starts("\\p{L}\\.") == nil)
    #expect(starts("[^a]b") == nil)
    #expect(starts("a|b") == nil)
    #expect(starts("(?i)a") == nil)
    #expect(starts("a(b+)+") == nil)
  }

  /// Random text over characters the default rules care about.
  static func randomText(_ generator: inout some RandomNumberGenerator, length: Int) -> String {
    let alphabet = Array("我们《》〈〉（）()“”「」『』【】。．！？!?…,;:.'\"’‘ \n\t1２3a bZc.Mr.U.S.A-–—•@www.http://x[1]ivx" + "𠀀")
    var text = ""
    for _ in 0..<length { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
    return text
  }

  @Test("with and without the prefilter every default rule gives the same ends", arguments: ["zh", "en"])
  func sameAsFullScan(language: String) throws {
    let rules = try #require(SRXRules.builtIn).rules(for: language)
    var generator = SplitMix(seed: language == "zh" ? 6 : 7)
    let iterator = try BreakIterator(.sentence, locale: Language.sentenceLocale(language))
    // All the rules together, and each alone.
    var ruleLists = [rules]
    ruleLists += rules.map { [$0] }
    let pairs = try ruleLists.map { try (SRXSegmenter(rules: $0), SRXSegmenter(rules: $0, prefilter: false)) }
    for round in 0..<400 {
      let text = Self.randomText(&generator, length: round % 3 == 0 ? 5 : Int.random(in: 0..<400, using: &generator))
      let boundaries = try iterator.boundaries(in: text)
      for (fast, full) in pairs {
        let a = fast.apply(to: text, boundaries: boundaries)
        let b = full.apply(to: text, boundaries: boundaries)
        #expect(a.ends == b.ends && a.outcome == b.outcome, "\(fast.rules.map(\.line)) on \(text.debugDescription)")
      }
    }
  }

  @Test("the English rules for fronted times, multi-initial abbreviations and lower-case starts are prefiltered")
  func englishRulesPrefiltered() throws {
    let rules = try #require(SRXRules.builtIn).rules(for: "en")
    for start in ["[aApP]\\.[mM]\\.(?<=", "\\p{Lu}\\.(?<![", "\\.(?=\\s+\\p{Ll})"] {
      let rule = try #require(rules.first { $0.beforeBreak.hasPrefix(start) }, "\(start)")
      let prefilter = try #require(SRXPrefilter(rule: rule), "\(start)")
      #expect(prefilter.required.contains(Set(".".utf16)), "\(start)")
    }
  }

  @Test("a block without a rule's required characters skips it; with them it still matches")
  func skipsAndKeeps() throws {
    let rule = SRXRule(isBreak: true, beforeBreak: "；", afterBreak: "")
    let segmenter = try SRXSegmenter(rules: [rule])
    let text = "第一；第二。"
    let boundaries = try BreakIterator(.sentence, locale: "zh").boundaries(in: text)
    #expect(segmenter.apply(to: text, boundaries: boundaries).ends == [9, 18])
    let other = "第一，第二。"
    #expect(segmenter.apply(to: other, boundaries: try BreakIterator(.sentence, locale: "zh").boundaries(in: other)).ends == [18])
  }

  @Test("the bracket and quote rules need an opening mark still open before a full stop")
  func openerCondition() throws {
    let quote = try #require(SRXPrefilter.OpenerCondition(pattern: "[。．！？!?…](?<=“[^“”\\n]{0,200}[。．！？!?…])[。．！？!?…]*[’」』\"')）]*"))
    #expect(quote.openers == [0x201C] && quote.maxGap == 200 && quote.stops == Set("“”\n".utf16) && quote.starts == Set("。．！？!?…".utf16))
    let paren = try #require(SRXPrefilter.OpenerCondition(pattern: "[。．！？!?…](?<=\\([^()\\n]{0,200}[。．！？!?…])[。．！？!?…]*"))
    #expect(paren.openers == [0x28] && paren.stops == Set("()\n".utf16))
    #expect(quote.holds(in: Array("他说：“我们走。”".utf16)))
    #expect(!quote.holds(in: Array("“一带一路”倡议。他说“好”。".utf16)))
    #expect(!quote.holds(in: Array(("“" + String(repeating: "我", count: 201) + "。”").utf16)))
    #expect(quote.holds(in: Array(("“" + String(repeating: "我", count: 200) + "。”").utf16)))
    #expect(quote.holds(in: Array(("“" + String(repeating: "𠀀", count: 200) + "。”").utf16)))
    // Other shapes: no condition.
    #expect(SRXPrefilter.OpenerCondition(pattern: "[。．！？!?…]+[》〉]") == nil)
    // Only the characters the class excludes stop the look-behind: here it crosses ”.
    let crossing = try #require(SRXPrefilter.OpenerCondition(pattern: "[。](?<=“[^“\\n]{0,9}[。])"))
    #expect(crossing.holds(in: Array("“我”我。".utf16)) && !crossing.holds(in: Array("“我\n我。".utf16)))
    #expect(SRXPrefilter.OpenerCondition(pattern: "[。](?<=“[^“”]{1,9}[。])") == nil)
    let rules = try #require(SRXRules.builtIn).rules(for: "zh")
    #expect(rules.compactMap { SRXPrefilter(rule: $0)?.opener }.count == 8)
  }

  @Test("the condition position by position: the full stops inside a quote still open, within reach")
  func openerPositions() throws {
    let quote = try #require(SRXPrefilter.OpenerCondition(pattern: "[。．！？!?…](?<=“[^“”\\n]{0,3}[。．！？!?…])[。．！？!?…]*"))
    func starts(_ text: String, asking positions: [Int]? = nil) -> [Int] {
      let units = Array(text.utf16)
      var scan = SRXPrefilter.OpenerCondition.Scan()
      return (positions ?? Array(units.indices)).filter { quote.mayStart(at: $0, in: units, scan: &scan) }
    }
    // 。 at 3 (one character after “), not at 6 (after ”) nor at 12 (four characters after “: too far).
    #expect(starts("他“我。走”。“一二三四。”") == [3])
    // Positions skipped are still read: the quote opened at 1 is seen from 3 on.
    #expect(starts("他“我。", asking: [0, 3]) == [3])
    #expect(starts("他“𠀀𠀀。") == [6])
    // holds(in:) is true exactly when some position is.
    var generator = SplitMix(seed: 12)
    let alphabet = Array("我“”。！\n𠀀")
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int.random(in: 0..<16, using: &generator) { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
      #expect(quote.holds(in: Array(text.utf16)) == !starts(text).isEmpty, "\(text)")
    }
  }

  @Test("with and without the prefilter the default rules give the same ends on long quoted text")
  func sameAsFullScanLongGaps() throws {
    let rules = try #require(SRXRules.builtIn).rules(for: "zh")
    var generator = SplitMix(seed: 11)
    let iterator = try BreakIterator(.sentence, locale: "zh")
    let pairs = try ([rules] + rules.map { [$0] }).map { try (SRXSegmenter(rules: $0), SRXSegmenter(rules: $0, prefilter: false)) }
    let marks = Array("《》〈〉（）()“”「」『』【】。！？…")
    for _ in 0..<150 {
      var text = ""
      for _ in 0..<Int.random(in: 0..<900, using: &generator) {
        text.append(Int.random(in: 0..<40, using: &generator) == 0 ? marks[Int.random(in: 0..<marks.count, using: &generator)] : "我")
      }
      let boundaries = try iterator.boundaries(in: text)
      for (fast, full) in pairs {
        let a = fast.apply(to: text, boundaries: boundaries)
        let b = full.apply(to: text, boundaries: boundaries)
        #expect(a.ends == b.ends && a.outcome == b.outcome, "\(fast.rules.map(\.line)) on \(text.debugDescription)")
      }
    }
  }

  @Test("derived sets of the default rules (printed for reference)")
  func defaults() throws {
    for language in ["zh", "en"] {
      for rule in try #require(SRXRules.builtIn).rules(for: language) {
        let prefilter = SRXPrefilter(rule: rule)
        print("PREFILTER", language, rule.line, prefilter?.required.map { String(String.UnicodeScalarView($0.sorted().compactMap(Unicode.Scalar.init))) } ?? [])
      }
    }
  }
}

@Suite struct SRXLookAheadTests {
  /// The look-aheads the English list-label and titles rules start with (a speed-up: ICU gives up
  /// at once where they fail), which only repeat what every match of the rest consumes.
  static let lookAheads = ["(?=\\s*(?:\\d{1,2}|[a-z]|[ivx]{1,4}|\\p{Lu})[.)])", "\\b(?=[A-Za-z°.]{1,6}\\.)"]

  /// Random text over what the two rules look at: labels, titles, abbreviations, capitals.
  static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
    let pieces = ["Mr.", "Dr.", "St.", "e.g.", "i.e.", "N°.", "pp.", "approx.", "Messrs.", "Smith", "the", "A.", "iv.", "xii)",
      "1.", "23.", "a)", "b.", "Q.", "•", "?", "!", ":", "(", ")", ".", " ", " ", " ", "  ", "\n", "x", "Ab", "°"]
    var text = ""
    for _ in 0..<Int.random(in: 1..<60, using: &generator) {
      text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      if Bool.random(using: &generator) { text += " " }
    }
    return text
  }

  @Test("the English rules give the same ends with and without their leading look-aheads")
  func sameEnds() throws {
    let rules = try #require(SRXRules.builtIn).rules(for: "en")
    var plain = rules
    var changed = 0
    for index in plain.indices {
      for lookAhead in Self.lookAheads where plain[index].beforeBreak.contains(lookAhead) {
        // Without it: the titles rule keeps its `\b`.
        let replacement = lookAhead.hasPrefix("\\b") ? "\\b" : ""
        plain[index].beforeBreak = plain[index].beforeBreak.replacingOccurrences(of: lookAhead, with: replacement)
        changed += 1
      }
    }
    #expect(changed == 2)
    let iterator = try BreakIterator(.sentence, locale: Language.sentenceLocale("en"))
    let withLookAheads = try SRXSegmenter(rules: rules)
    let without = try SRXSegmenter(rules: plain)
    var generator = SplitMix(seed: 29)
    for _ in 0..<2_000 {
      let text = Self.randomText(&generator)
      let boundaries = try iterator.boundaries(in: text)
      #expect(withLookAheads.apply(to: text, boundaries: boundaries).ends == without.apply(to: text, boundaries: boundaries).ends, "\(text.debugDescription)")
    }
  }
}

@Suite struct SRXPrefilterSlotsTests {
  /// Rules needing more distinct characters than one 64-bit word holds: their sets span
  /// several words of the block's bitset (the English built-in rules need some 70 characters).
  @Test("with more than 64 required characters the prefilter still gives the same ends as a full scan")
  func manySlots() throws {
    let characters = Array("一二三四五六七八九十百千万亿零甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥东南西北中上下左右前后里外天地人和山水火木金土日月星风云雨雪春夏秋冬")
    #expect(characters.count > 64)
    // Each rule needs its own character, and one of a set spread over the words (the first and
    // the last characters).
    let rules = characters.enumerated().map { index, character in
      SRXRule(isBreak: index % 2 == 0, beforeBreak: String(character) + "[一冬。]", afterBreak: "")
    }
    let iterator = try BreakIterator(.sentence, locale: "zh")
    let fast = try SRXSegmenter(rules: rules)
    let full = try SRXSegmenter(rules: rules, prefilter: false)
    var generator = SplitMix(seed: 31)
    let alphabet = characters + Array("。，的了")
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int.random(in: 0..<80, using: &generator) { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
      let boundaries = try iterator.boundaries(in: text)
      #expect(fast.apply(to: text, boundaries: boundaries).ends == full.apply(to: text, boundaries: boundaries).ends, "\(text)")
    }
  }
}

/// The English quote and address rules' look-behind conditions (``SRXPrefilter/OpenerCondition``).
@Suite struct SRXQuoteConditionTests {
  func starts(_ pattern: String, _ text: String) throws -> [Int] {
    let condition = try #require(SRXPrefilter.OpenerCondition(pattern: pattern))
    let units = Array(text.utf16)
    var scan = SRXPrefilter.OpenerCondition.Scan()
    let found = units.indices.filter { condition.mayStart(at: $0, in: units, scan: &scan) }
    #expect(condition.holds(in: units) == !found.isEmpty)
    return found
  }

  @Test("a double quote opens only after a space, a bracket or a dash, or at the start")
  func doubleQuote() throws {
    let pattern = "[.!?](?<=(?:^|[\\s(\\[\\-–—])\"[^\"\\n]{0,1000}[.!?])[.!?]*['’]*"
    // The full stop inside the quote (11); not the one after the closing quote, which follows a
    // letter and so opens nothing.
    #expect(try starts(pattern, "He said \"Go. Now\" and left.") == [11])
    #expect(try starts(pattern, "\"Go. Now,\" he said.") == [3])
    #expect(try starts(pattern, "a\"Go. Now") == [])
  }

  @Test("a single quote: an apostrophe inside a word neither opens nor closes, one before a non-letter closes")
  func singleQuote() throws {
    let pattern = "[.!?](?<=(?:^|[\\s(\\[])['‘`](?:[^'‘’`\\n]|['’]\\p{L}){0,300}[.!?])[.!?]*"
    #expect(try starts(pattern, "She said 'they'll go. Now' then.") == [20])
    // After 'Really?' the quote is closed: the later full stop is not a candidate.
    #expect(try starts(pattern, "'Really?' she asked.") == [7])
    #expect(try starts(pattern, "it's late. Yes.") == [])
  }

  @Test("an address: the full stops after a scheme or www. with no space between")
  func address() throws {
    let pattern = "[.!?](?<=(?:https?://|www\\.)[^\\s]{0,200}[.!?])"
    #expect(try starts(pattern, "See www.example.com. Then") == [15, 19])
    // Any full stop opens: after "e." the one of "g." may still be in an address; after a space
    // none is.
    #expect(try starts(pattern, "Mr. Smith. e.g. this.") == [14])
  }
}
