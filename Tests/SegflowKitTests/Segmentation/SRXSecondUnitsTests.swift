import Foundation
import SegflowICU
import Testing

@testable import SegflowKit

/// The tests a start-set rule passes before ICU is asked (``SRXPrefilter/secondUnits(_:then:)``
/// and ``SRXPrefilter/matchesOneUnit(_:)``): they may only skip starts where the rule cannot
/// match.
@Suite struct SRXSecondUnitsTests {
  func seconds(_ pattern: String, then lookahead: String = "") -> Set<Character>? {
    SRXPrefilter.secondUnits(pattern, then: lookahead).map { Set($0.map { Character(Unicode.Scalar($0)!) }) }
  }

  @Test("the second unit comes from a repeated first element and the literal elements up to a mandatory one")
  func derivation() {
    #expect(seconds("[aApP]\\.[mM]\\.(?<=x)") == ["."])
    #expect(seconds("[。．！？!?…]+[》〉]") == Set("。．！？!?…》〉"))
    #expect(seconds("[。．！？!?]+[”’」』]*", then: "[《“]") == Set("。．！？!?”’」』《“"))
    #expect(seconds("a{2,}b") == ["a"])
    #expect(seconds("a\\bb?c") == ["b", "c"])
    #expect(seconds("a", then: "b") == ["b"])
    // Nothing mandatory after the first element, or something that is not a set of literals.
    #expect(seconds("a") == nil)
    #expect(seconds("ab?") == nil)
    #expect(seconds("a\\s") == nil)
    #expect(seconds("a(?:b)") == nil)
    #expect(seconds("a[^b]") == nil)
    #expect(seconds("a.") == nil)
    #expect(seconds("a\\p{L}") == nil)
    #expect(seconds("a", then: "\\s+x") == nil)
    #expect(seconds("a", then: "(?i)c") == nil)
    // The look-ahead is read only when the pattern's own elements leave the unit open.
    #expect(seconds("ab", then: "(?i)c") == ["b"])
    #expect(seconds("a|b") == nil)
    #expect(seconds("\\p{L}b") == nil)
  }

  @Test("a rule is its first unit alone only when it is one literal class without quantifier")
  func oneUnit() {
    #expect(SRXPrefilter.matchesOneUnit("[《“‘「『（〈【〔(\\[]"))
    #expect(SRXPrefilter.matchesOneUnit("!"))
    #expect(!SRXPrefilter.matchesOneUnit("a+"))
    #expect(!SRXPrefilter.matchesOneUnit("ab"))
    #expect(!SRXPrefilter.matchesOneUnit("a\\b"))
    #expect(!SRXPrefilter.matchesOneUnit("\\p{L}"))
    #expect(!SRXPrefilter.matchesOneUnit("[^a]"))
    #expect(!SRXPrefilter.matchesOneUnit("(?:a)"))
    #expect(!SRXPrefilter.matchesOneUnit("a|b"))
  }

  @Test("one reading of a built-in rule gives its start set, its second units and whether it is one unit", arguments: ["zh", "en", "de"])
  func leadingAsSeparately(language: String) throws {
    var withStarts = 0
    for rule in try #require(SRXRules.builtIn).rules(for: language) {
      let (_, matchesStart) = SRXSegmenter.scanPattern(rule)
      let (pattern, lookahead) = matchesStart ? (rule.afterBreak, "") : (rule.beforeBreak, rule.afterBreak)
      let leading = SRXPrefilter.leadingUnits(pattern, then: lookahead)
      guard let starts = SRXPrefilter.startUnits(pattern) else {
        #expect(leading == nil, "line \(rule.line)")
        continue
      }
      withStarts += 1
      let separately = SRXPrefilter.Leading(
        starts: starts, seconds: SRXPrefilter.secondUnits(pattern, then: lookahead), oneUnit: lookahead.isEmpty && SRXPrefilter.matchesOneUnit(pattern))
      #expect(leading == separately, "line \(rule.line)")
    }
    #expect(language == "de" || withStarts >= 2)
  }

  /// Random text over what the built-in rules look at, with characters outside the BMP and now
  /// and then a lone surrogate.
  static func randomUnits(_ generator: inout some RandomNumberGenerator) -> [UInt16] {
    let pieces = ["a.m.", "P.M.", "a", "p", "m", ".", "。", "．", "！", "？", "!", "?", "…", "》", "〉", "《", "〈", "“", "”", "’", "‘", "」",
      "『", "』", "（", "）", "(", ")", "[", "]", "\"", "'", "--", "我们", "Mr.", " ", "\n", "1.", "𠀀", "😀", "x"]
    var text = ""
    for _ in 0..<Int.random(in: 1..<60, using: &generator) { text += pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
    var units = Array(text.utf16)
    if Int.random(in: 0..<10, using: &generator) == 0 {
      units.insert(Bool.random(using: &generator) ? 0xD840 : 0xDC00, at: Int.random(in: 0...units.count, using: &generator))
    }
    return units
  }

  /// The built-in rules with a start set, each with its compiled scan pattern, its start units,
  /// its second units (nil: none) and whether it is its first unit alone.
  static func startSetRules() throws -> [(rule: SRXRule, regex: ICURegex, starts: Set<UInt16>, seconds: Set<UInt16>?, oneUnit: Bool)] {
    var result: [(SRXRule, ICURegex, Set<UInt16>, Set<UInt16>?, Bool)] = []
    for language in ["en", "zh", "de"] {
      for rule in try #require(SRXRules.builtIn).rules(for: language) {
        let (pattern, matchesStart) = SRXSegmenter.scanPattern(rule)
        let leading = matchesStart ? rule.afterBreak : rule.beforeBreak
        guard let pattern, let starts = SRXPrefilter.startUnits(leading) else { continue }
        let lookahead = matchesStart ? "" : rule.afterBreak
        let oneUnit = lookahead.isEmpty && SRXPrefilter.matchesOneUnit(leading)
        result.append((rule, try ICURegex(pattern), starts, SRXPrefilter.secondUnits(leading, then: lookahead), oneUnit))
      }
    }
    return result
  }

  /// Starts where the rule matches although the tests say no: the unit after is missing or not
  /// in `seconds`, or (`oneUnit`) the match is not the start unit alone.
  static func misses(_ regex: ICURegex, starts: Set<UInt16>, seconds: Set<UInt16>?, oneUnit: Bool, _ units: [UInt16]) throws -> [Int] {
    try regex.setText(units)
    var misses: [Int] = []
    for position in units.indices where starts.contains(units[position]) {
      let end = try regex.match(at: position, limit: units.count)
      if oneUnit {
        if end != position + 1 { misses.append(position) }
      } else if let seconds, end != nil, position + 1 >= units.count || !seconds.contains(units[position + 1]) {
        misses.append(position)
      }
    }
    return misses
  }

  @Test("every start where a built-in rule matches passes its tests")
  func soundOnBuiltInRules() throws {
    let rules = try Self.startSetRules()
    #expect(rules.contains { $0.oneUnit })
    #expect(rules.filter { $0.seconds != nil }.count >= 5)
    var generator = SplitMix(seed: 41)
    for _ in 0..<2_000 {
      let units = Self.randomUnits(&generator)
      for (rule, regex, starts, seconds, oneUnit) in rules {
        let misses = try Self.misses(regex, starts: starts, seconds: seconds, oneUnit: oneUnit, units)
        #expect(misses.isEmpty, "line \(rule.line) at \(misses) of \(String(decoding: units, as: UTF16.self).debugDescription)")
      }
    }
  }

  @Test("the random texts catch second units narrowed by one unit")
  func narrowedSetsFail() throws {
    var generator = SplitMix(seed: 43)
    let texts = (0..<2_000).map { _ in Self.randomUnits(&generator) }
    var checked = 0
    for (rule, regex, starts, seconds, _) in try Self.startSetRules() {
      // The title-mark rule: the random pieces hold every unit of its set (the fronted-time rule's
      // look-behind needs more than random pieces give).
      guard let seconds, rule.beforeBreak == "[。．！？!?…]+[》〉]" else { continue }
      checked += 1
      for unit in seconds {
        let narrowed = seconds.subtracting([unit])
        let caught = try texts.contains { try !Self.misses(regex, starts: starts, seconds: narrowed, oneUnit: false, $0).isEmpty }
        #expect(caught, "line \(rule.line) without \(Character(Unicode.Scalar(unit)!))")
      }
    }
    #expect(checked == 1)
  }

  @Test("with and without the tests, rules with a second unit or one unit give the same ends near the block's end and surrogates")
  func sameEnds() throws {
    let rules = [
      SRXRule(isBreak: false, beforeBreak: "[《“(]", afterBreak: ""),
      SRXRule(isBreak: true, beforeBreak: "[。！]+[》〉]", afterBreak: ""),
      SRXRule(isBreak: true, beforeBreak: "[。！]+[”’]*", afterBreak: "[《“]"),
      SRXRule(isBreak: false, beforeBreak: "a\\b\\.", afterBreak: "\\s"),
      SRXRule(isBreak: true, beforeBreak: "", afterBreak: "x{2,}y"),
    ]
    let iterator = try BreakIterator(.sentence, locale: "zh")
    let pairs = try ([rules] + rules.map { [$0] }).map { try (SRXSegmenter(rules: $0), SRXSegmenter(rules: $0, prefilter: false)) }
    var generator = SplitMix(seed: 47)
    let alphabet = Array("《“(。！》〉”’a.xy 我𠀀\n")
    for _ in 0..<500 {
      var text = ""
      for _ in 0..<Int.random(in: 0..<24, using: &generator) { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
      let boundaries = try iterator.boundaries(in: text)
      for (fast, full) in pairs {
        let a = fast.apply(to: text, boundaries: boundaries)
        let b = full.apply(to: text, boundaries: boundaries)
        #expect(a.ends == b.ends && a.outcome == b.outcome, "\(fast.rules.map(\.beforeBreak)) on \(text.debugDescription)")
      }
    }
  }
}
