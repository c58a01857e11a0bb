import Foundation
import SegflowICU
import Testing

@testable import SegflowKit

/// The candidate filter of rules without a start set: it may only skip positions where the rule's
/// pattern cannot match.
@Suite struct SRXCandidateFilterTests {
  /// The paths of `pattern`'s filter, each as `offset:class` checks (`!` for a negated one).
  func describe(_ pattern: String) -> [String]? {
    let classes = SRXUnitClasses()
    guard let filter = SRXCandidateFilter(pattern: pattern, classIndex: classes.index(of:)) else { return nil }
    return filter.paths.map { path in
      path.map { check in
        let names = classes.patterns.indices.filter {
          $0 / SRXUnitClasses.bitsPerWord == check.word && check.mask & (1 << UInt64($0 % SRXUnitClasses.bitsPerWord)) != 0
        }.map { classes.patterns[$0] }
        return check.textStart ? "\(check.offset):^" : "\(check.offset):\(check.negated ? "!" : "")\(names.joined(separator: "|"))"
      }.joined(separator: " ")
    }
  }

  @Test("paths come from one-character elements, short quantifiers, alternatives and look-arounds")
  func derivation() {
    #expect(describe("\\p{L}\\.") == ["0:\\p{L} 1:\\."])
    #expect(describe("(?:\\p{L}\\.)(?=\\s+\\p{Lu})") == ["0:\\p{L} 1:\\. 2:\\s"])
    #expect(describe("(?<![\\p{L}\\p{N}])(?:\\d{1,2}|[a-z])[.)]") == [
      "-1:![\\p{L}\\p{N}] 0:\\d 1:[.)]", "-1:![\\p{L}\\p{N}] 0:\\d 1:\\d 2:[.)]", "-1:![\\p{L}\\p{N}] 0:[a-z] 1:[.)]",
    ])
    // `\b` before a word character: the unit before is none (or a mark or format character).
    let nonWord = "-1:" + SRXCandidateFilter.nonWordClass
    #expect(describe("\\b(?:Inc|Co)\\.") == ["\(nonWord) 0:I 1:n 2:c 3:\\.", "\(nonWord) 0:C 1:o 2:\\."])
    // An open-ended quantifier keeps its minimum and ends the path.
    #expect(describe("[?!]x+\\s") == ["0:[?!] 1:x"])
    // `^` is the start of the text; a look-behind of fixed width checks the units before; a
    // longer one and a negative look-ahead add nothing.
    #expect(describe("(?:^|(?<=[.?!]\\s))\\p{Lu}(?!a)\\.") == ["0:^ 0:\\p{Lu} 1:\\.", "-2:[.?!] -1:\\s 0:\\p{Lu} 1:\\."])
    #expect(describe("(?<=a\\s{1,2})b") == ["-2:a -1:\\s 0:b", "-3:a -2:\\s -1:\\s 0:b"])
    #expect(describe("(?<=a\\s*)b") == ["0:b"])
    // A match that may be empty, or nothing to check: no filter.
    #expect(describe("a?") == nil)
    #expect(describe("\\s*") == nil)
    #expect(describe("(?<=x)") == nil)
    // Not guessed at.
    #expect(describe("\\Ga") == nil)
    #expect(describe("(?i)a") == nil)
    #expect(describe("(a") == nil)
  }

  /// Random text over what the English rules look at, with characters outside the BMP.
  static func randomUnits(_ generator: inout some RandomNumberGenerator) -> [UInt16] {
    let pieces = ["Mr.", "Dr.", "Jan.", "e.g.", "i.e.", "a.m.", "U.S.", "Inc.", "Co.", "N°.", "St.", "p.", "al.", "Smith", "the", "it", "A.",
      "J.", "iv.", "xii)", "1.", "23.", "1,000.", "5", "a)", "b.", "(a)", "Q.", "•", "?", "!", ":", ";", ",", "(", ")", "[", "]", "[1]", ".",
      "…", ". . .", "--", "-", "–", "\"", "“", "”", "'", "‘", "’", "`", "www.", "http://x.y", "@", "jane.doe", " ", " ", " ", "  ", "\n", "\t",
      "Ab", "ab", "ÉTÉ", "°", "．", "𝐀", "😀", "x", "é"]
    var text = ""
    for _ in 0..<Int.random(in: 1..<70, using: &generator) {
      text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      if Int.random(in: 0..<3, using: &generator) == 0 { text += " " }
    }
    var units = Array(text.utf16)
    // Now and then a lone surrogate, which Swift strings cannot hold.
    if Int.random(in: 0..<10, using: &generator) == 0 {
      units.insert(Bool.random(using: &generator) ? 0xD835 : 0xDC00, at: Int.random(in: 0...units.count, using: &generator))
    }
    return units
  }

  /// Positions where `regex` matches but `filter` says no (a start inside a surrogate pair is
  /// never asked, as ICU's scan never starts there).
  static func misses(_ filter: SRXCandidateFilter, _ regex: ICURegex, _ classes: SRXUnitClasses, _ units: [UInt16]) throws -> [Int] {
    let surrogates = classes.prepare(units)
    try regex.setText(units)
    var misses: [Int] = []
    for position in units.indices {
      if position > 0, UTF16.isTrailSurrogate(units[position]), UTF16.isLeadSurrogate(units[position - 1]) { continue }
      var fresh = 0
      let allowed = units.withUnsafeBufferPointer { units in
        classes.table.withUnsafeBufferPointer { table in
          filter.firstCandidate(from: position, units: units, classes: table, surrogates: surrogates, cursor: &fresh) == position
        }
      }
      if !allowed, try regex.match(at: position, limit: units.count) != nil { misses.append(position) }
    }
    return misses
  }

  /// The built-in rules that get a filter, each with its compiled scan pattern.
  static func filteredRules() throws -> [(rule: SRXRule, filter: SRXCandidateFilter, regex: ICURegex, classes: SRXUnitClasses)] {
    var result: [(SRXRule, SRXCandidateFilter, ICURegex, SRXUnitClasses)] = []
    for language in ["en", "zh", "de"] {
      for rule in try #require(SRXRules.builtIn).rules(for: language) where SRXPrefilter.startUnits(rule.beforeBreak.isEmpty ? rule.afterBreak : rule.beforeBreak) == nil {
        let classes = SRXUnitClasses()
        guard let filter = SRXSegmenter.candidateFilter(rule, classes: classes), let pattern = SRXSegmenter.scanPattern(rule).pattern else { continue }
        result.append((rule, filter, try ICURegex(pattern), classes))
      }
    }
    return result
  }

  @Test("every position where a built-in rule matches passes its filter")
  func soundOnBuiltInRules() throws {
    let rules = try Self.filteredRules()
    #expect(rules.count >= 20)
    var generator = SplitMix(seed: 37)
    for _ in 0..<2_000 {
      let units = Self.randomUnits(&generator)
      for (rule, filter, regex, classes) in rules {
        let misses = try Self.misses(filter, regex, classes, units)
        #expect(misses.isEmpty, "line \(rule.line) at \(misses) of \(String(decoding: units, as: UTF16.self).debugDescription)")
      }
    }
  }

  @Test("the random texts catch a filter narrowed by one path or one check")
  func narrowedFiltersFail() throws {
    let rules = try Self.filteredRules()
    var generator = SplitMix(seed: 41)
    let texts = (0..<600).map { _ in Self.randomUnits(&generator) }
    var caught = 0
    var narrowings = 0
    for (_, filter, regex, classes) in rules {
      // Without its first path, or with a check on the unit after the first path's last one.
      var variants: [SRXCandidateFilter] = []
      if filter.paths.count > 1, let fewer = SRXCandidateFilter(paths: Array(filter.paths.dropFirst())) { variants.append(fewer) }
      var stricter = filter.paths
      let last = stricter[0].last!
      stricter[0].append(last.moved(by: 1))
      variants.append(SRXCandidateFilter(paths: stricter)!)
      for variant in variants {
        narrowings += 1
        if try texts.contains(where: { try !Self.misses(variant, regex, classes, $0).isEmpty }) { caught += 1 }
      }
    }
    // Every narrowing of a filter whose first path the texts reach is caught; a few paths are
    // for text the generator does not make (German titles, CJK numbering).
    #expect(narrowings >= 30)
    #expect(Double(caught) >= 0.8 * Double(narrowings), "\(caught) of \(narrowings)")
  }

  @Test("after an open-ended repeat of one character a path goes on from each end the repeat allows")
  func runs() throws {
    let classes = SRXUnitClasses()
    let filter = try #require(SRXCandidateFilter(pattern: "[?!]x+\\s", classIndex: classes.index(of:)))
    #expect(describe("[?!]x+\\s") == ["0:[?!] 1:x"])
    let run = try #require(filter.runs.first ?? nil)
    #expect(run.run.offset == 2 && run.run.limit == nil && run.tails.map { $0.map(\.offset) } == [[0]])
    // The list-label rule's alternatives after `\s+` share one run.
    let rule = try #require(SRXRules.builtIn?.rules(for: "en").first { $0.beforeBreak == "[\\p{L}\\p{N},;:]\\s+" })
    let label = try #require(SRXSegmenter.candidateFilter(rule, classes: SRXUnitClasses()))
    #expect(label.runs.count == 1 && (label.runs[0]?.tails.count ?? 0) > 1)
    // Inside a look-around, or after a run, an open-ended repeat still ends the path (its
    // minimum still checked).
    #expect(try #require(SRXCandidateFilter(pattern: "a(?=x+b)", classIndex: SRXUnitClasses().index(of:))).runs.allSatisfy { $0 == nil })
    let twice = try #require(SRXCandidateFilter(pattern: "ax+by+c", classIndex: SRXUnitClasses().index(of:)))
    #expect(twice.runs.compactMap { $0?.tails.map { $0.map(\.offset) } } == [[[0, 1]]])
  }

  @Test("spaces count as a narrow class: the list-label rule's scan looks for its space first")
  func spacesFirst() throws {
    let rule = try #require(SRXRules.builtIn?.rules(for: "en").first { $0.beforeBreak == "[\\p{L}\\p{N},;:]\\s+" })
    let classes = SRXUnitClasses()
    let filter = try #require(SRXSegmenter.candidateFilter(rule, classes: classes))
    #expect(filter.common.map(\.offset) == [1, 0])
    #expect(classes.breadth(of: 0, filter.common[0].mask) < classes.breadth(of: 0, filter.common[1].mask))
  }

  @Test("every position where a pattern with runs matches passes its filter")
  func soundWithRuns() throws {
    let patterns = ["a\\s+b", "a\\s{2,}b", "a\\s{1,5}(?:b|cc)", "(?:a|b)x+y", "ax+(?:y|zz)\\.", "a\\s+(?=[bc]\\.)", "ax+(?<=xx)y",
      "a\\s+(?!b)c", "a\\s+\\b", "a\\s+$", "ax+(?:y|x)", "ax+x", "a[xy]+y", "ax{1,}y"]
    var generator = SplitMix(seed: 59)
    let alphabet = Array("abcxyz. \n") + ["𠀀"]
    var withRuns = 0
    for pattern in patterns {
      let classes = SRXUnitClasses()
      let filter = try #require(SRXCandidateFilter(pattern: pattern, classIndex: classes.index(of:)), "\(pattern)")
      if filter.runs.contains(where: { $0 != nil }) { withRuns += 1 }
      let regex = try ICURegex(pattern)
      for _ in 0..<1_500 {
        var text = ""
        for _ in 0..<Int.random(in: 0..<16, using: &generator) { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
        let units = Array(text.utf16)
        let misses = try Self.misses(filter, regex, classes, units)
        #expect(misses.isEmpty, "\(pattern) at \(misses) of \(text.debugDescription)")
      }
    }
    #expect(withRuns >= 10)
  }

  @Test("a scan from any start and before any limit stops where a scan of one position would")
  func scanMatchesOnePositionAtATime() throws {
    let rules = try Self.filteredRules()
    var generator = SplitMix(seed: 53)
    var plain = 0
    for _ in 0..<400 {
      let units = Self.randomUnits(&generator)
      if !units.contains(where: { UTF16.isLeadSurrogate($0) || UTF16.isTrailSurrogate($0) }) { plain += 1 }
      for (rule, filter, _, classes) in rules {
        let surrogates = classes.prepare(units)
        // Each position alone (the first check's loop runs once at most), then whole scans.
        let accepted = units.indices.filter { position in
          var cursor = 0
          return units.withUnsafeBufferPointer { units in
            classes.table.withUnsafeBufferPointer { table in
              filter.firstCandidate(from: position, before: position + 1, units: units, classes: table, surrogates: surrogates, cursor: &cursor)
                == position
            }
          }
        }
        for _ in 0..<4 {
          let start = Int.random(in: 0...units.count, using: &generator)
          let limit = Int.random(in: start...units.count, using: &generator)
          var cursor = 0
          let found = units.withUnsafeBufferPointer { units in
            classes.table.withUnsafeBufferPointer { table in
              filter.firstCandidate(from: start, before: limit, units: units, classes: table, surrogates: surrogates, cursor: &cursor)
            }
          }
          let expected = accepted.first { $0 >= start && $0 < limit } ?? limit
          #expect(found == expected, "line \(rule.line) from \(start) before \(limit) in \(String(decoding: units, as: UTF16.self).debugDescription)")
        }
      }
    }
    #expect(plain >= 100)
  }

  @Test("with and without the filters the English rules give the same ends")
  func sameEndsAsFullScan() throws {
    let rules = try #require(SRXRules.builtIn).rules(for: "en")
    let iterator = try BreakIterator(.sentence, locale: Language.sentenceLocale("en"))
    let pairs = try ([rules] + rules.map { [$0] }).map { try (SRXSegmenter(rules: $0), SRXSegmenter(rules: $0, prefilter: false)) }
    var generator = SplitMix(seed: 43)
    for _ in 0..<2_000 {
      let text = String(decoding: Self.randomUnits(&generator), as: UTF16.self)
      let boundaries = try iterator.boundaries(in: text)
      for (fast, full) in pairs {
        let a = fast.apply(to: text, boundaries: boundaries)
        let b = full.apply(to: text, boundaries: boundaries)
        #expect(a.ends == b.ends && a.outcome == b.outcome, "\(fast.rules.map(\.line)) on \(text.debugDescription)")
      }
    }
  }
}

extension SRXCandidateFilterTests {
  @Test("with the classes shared as in the segmenter, every English rule without a start set has a filter")
  func englishCoverage() throws {
    let classes = SRXUnitClasses()
    var unfiltered: [String] = []
    for rule in try #require(SRXRules.builtIn).rules(for: "en") where SRXPrefilter.startUnits(rule.beforeBreak.isEmpty ? rule.afterBreak : rule.beforeBreak) == nil {
      if SRXSegmenter.candidateFilter(rule, classes: classes) == nil { unfiltered.append(rule.beforeBreak) }
    }
    // The footnote rules' `(?:\[\d{1,3}\])+` and `(?: \d{1,3})*` included: their repetitions are
    // delimited (``SRXPrefilter/isDelimited(_:)``).
    #expect(unfiltered.isEmpty, "\(unfiltered)")
  }
}

/// The long look-behind of the list-label rule (``SRXGapCondition``).
@Suite struct SRXGapConditionTests {
  static func labelRule() throws -> SRXRule {
    let rules = try #require(SRXRules.builtIn).rules(for: "en")
    return try #require(rules.first { !$0.isBreak && $0.beforeBreak.hasPrefix("(?<![\\p{L}\\p{N}])(?:\\d{1,2}|[a-z])") })
  }

  @Test("the list-label rule's look-behind gives a gap condition: P, [^\\n]{0,1000}, S")
  func derivation() throws {
    let gaps = try #require(SRXSegmenter.candidateFilter(try Self.labelRule(), classes: SRXUnitClasses())).gaps
    #expect(gaps.count == 1)
    let gap = try #require(gaps.first)
    #expect(gap.gap == 0...1000 && gap.before == 3...13 && gap.after == 3...5 && gap.offsets == 2...4, "\(gap.before) \(gap.after) \(gap.offsets)")
    // Inside an alternative, or of fixed width: none.
    let classes = SRXUnitClasses()
    #expect(SRXCandidateFilter(pattern: "(?:x|a(?<=b[^c]{0,90}a))", classIndex: classes.index(of:))?.gaps.isEmpty ?? true)
    #expect(SRXCandidateFilter(pattern: "a(?<=b[^c]{0,90}a)", classIndex: classes.index(of:))?.gaps.count == 1)
  }

  /// Paragraphs of words with labels after sentence ends, far apart or close.
  static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
    let pieces = ["word", "Word", "is", "a", "b", "i", "e.g.", "a.m.", "1.", "2)", "a.", "b)", "12.", "ab.", "The.", "Go!", "So:", "•", "\n", "(", ")"]
    var text = ""
    let length = Int.random(in: 1..<400, using: &generator)
    for _ in 0..<length {
      // Now and then a long run of plain words, to reach the look-behind's 1,000 characters.
      if Int.random(in: 0..<60, using: &generator) == 0 { text += String(repeating: "word ", count: Int.random(in: 150...210, using: &generator)) }
      text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      text += Int.random(in: 0..<5, using: &generator) == 0 ? "  " : " "
    }
    return text
  }

  @Test("with and without the condition the list-label rule gives the same ends")
  func sameEnds() throws {
    let rule = try Self.labelRule()
    let fast = try SRXSegmenter(rules: [rule])
    let full = try SRXSegmenter(rules: [rule], prefilter: false)
    let iterator = try BreakIterator(.sentence, locale: Language.sentenceLocale("en"))
    var generator = SplitMix(seed: 47)
    var decided = 0
    for _ in 0..<300 {
      let text = Self.randomText(&generator)
      let boundaries = try iterator.boundaries(in: text)
      let a = fast.apply(to: text, boundaries: boundaries)
      let b = full.apply(to: text, boundaries: boundaries)
      #expect(a.ends == b.ends && a.outcome == b.outcome, "\(text.debugDescription)")
      if b.ends != (try SRXSegmenter(rules: [])).apply(to: text, boundaries: boundaries).ends { decided += 1 }
    }
    // The rule removed breaks in a good share of the texts, so the condition was put to the test.
    #expect(decided >= 30, "\(decided)")
  }
}

/// `\b` before a word character (``SRXCandidateFilter/Path/boundary``).
@Suite struct SRXWordBoundaryTests {
  /// `pattern`'s paths as in ``SRXCandidateFilterTests/describe(_:)``.
  func describe(_ pattern: String) -> [String]? { SRXCandidateFilterTests().describe(pattern) }

  @Test("a \\b checks the unit before only when a word character follows it")
  func derivation() {
    let nonWord = "-1:" + SRXCandidateFilter.nonWordClass
    #expect(describe("\\b\\p{Lu}\\.") == ["\(nonWord) 0:\\p{Lu} 1:\\."])
    #expect(describe("x\\b\\d") == ["0:x 0:\(SRXCandidateFilter.nonWordClass) 1:\\d"])
    // Through a look-ahead, which consumes nothing; not before a class with other characters,
    // nor when optional.
    #expect(describe("\\b(?=[A-Z.]{1,6}\\.)Ab\\.") == ["\(nonWord) 0:[A-Z.] 0:A 1:b 2:\\."])
    #expect(describe("\\b[.a]b") == ["0:[.a] 1:b"])
    #expect(describe("\\b?Ab") == ["0:A 1:b"])
    #expect(describe("\\bx?Ab") == ["\(nonWord) 0:A 1:b", "\(nonWord) 0:x 1:A 2:b"])
  }

  /// Random text of letters, digits, marks, joiners and format characters, spaces and stops.
  static func randomUnits(_ generator: inout some RandomNumberGenerator) -> [UInt16] {
    let pieces = ["A", "Ab", "Inc", "Co", "x", "é", "e\u{301}", "\u{301}", "\u{20DD}", "\u{200D}", "\u{200C}", "\u{AD}", "\u{FEFF}", "_", "1", "٣",
      "²", "'", ".", " ", "\n", "-", "(", "𝐀", "中", "ﾞ"]
    var text = ""
    for _ in 0..<Int.random(in: 1..<24, using: &generator) { text += pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
    return Array(text.utf16)
  }

  static let patterns = ["\\bAb", "\\b\\p{Lu}\\p{Ll}", "x\\b\\d", "\\b(?=[A-Za-z.]{1,3}\\.)(?:Ab|Co)\\.", "\\b(?:Inc|Co)\\.", "\\b\\w\\.",
    "\\b\\p{L}{2}", "\\bx?Ab", "\\b_1"]

  @Test("every position where a pattern with \\b matches passes its filter")
  func sound() throws {
    var generator = SplitMix(seed: 61)
    var checked = 0
    for pattern in Self.patterns {
      let classes = SRXUnitClasses()
      let filter = try #require(SRXCandidateFilter(pattern: pattern, classIndex: classes.index(of:)), "\(pattern)")
      if try #require(describe(pattern)).allSatisfy({ $0.contains(SRXCandidateFilter.nonWordClass) }) { checked += 1 }
      let regex = try ICURegex(pattern)
      for _ in 0..<1_500 {
        let units = Self.randomUnits(&generator)
        let misses = try SRXCandidateFilterTests.misses(filter, regex, classes, units)
        #expect(misses.isEmpty, "\(pattern) at \(misses) of \(String(decoding: units, as: UTF16.self).debugDescription)")
      }
    }
    #expect(checked == Self.patterns.count)
  }

  @Test("the random texts catch a check before \\b that forgets marks or format characters")
  func narrowedFails() throws {
    var generator = SplitMix(seed: 67)
    let texts = (0..<1_500).map { _ in Self.randomUnits(&generator) }
    for narrower in ["\\W", "[\\W\\p{Grapheme_Extend}]", "[\\W\\p{Cf}]"] {
      let classes = SRXUnitClasses()
      let index = { (text: String) in classes.index(of: text == SRXCandidateFilter.nonWordClass ? narrower : text) }
      let filter = try #require(SRXCandidateFilter(pattern: "\\bAb", classIndex: index))
      let regex = try ICURegex("\\bAb")
      #expect(try texts.contains { try !SRXCandidateFilterTests.misses(filter, regex, classes, $0).isEmpty }, "\(narrower)")
    }
  }
}

/// The block table of the candidate filters' classes (``SRXUnitClasses``).
@Suite struct SRXUnitClassesTests {
  @Test("every block reports its surrogates, also when its other units were seen before")
  func surrogatesEveryBlock() throws {
    let classes = SRXUnitClasses()
    let letter = try #require(classes.index(of: "\\p{L}"))
    let units = Array("a𝐀b".utf16) + [0xDC00, 0x20]
    for _ in 0..<3 {
      #expect(classes.prepare(units) == [1, 2, 4])
      #expect(classes.prepare(Array("ab ".utf16)).isEmpty)
    }
    let bit = UInt64(1) << UInt64(letter % SRXUnitClasses.bitsPerWord)
    let word = letter / SRXUnitClasses.bitsPerWord
    #expect(classes.table[SRXUnitClasses.slot(0x61, word)] & bit != 0)
    #expect(classes.table[SRXUnitClasses.slot(0x20, word)] & bit == 0)
    #expect(classes.table[SRXUnitClasses.slot(0xD835, word)] & bit == 0)
  }
}
