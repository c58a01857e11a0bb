import Testing

@testable import SegflowKit

/// The block prefilter lists where the rules' start sets and the plain opener conditions' units
/// stand (its events); the bracket conditions are then tested at the events alone and the start
/// sets found from them. Both must give what the loops over every unit give.
@Suite struct SRXEventTests {
  static let alphabet = Array("我a 。．！？!?…《》〈〉（）()“”「」『』【】\n𠀀’")

  static func randomUnits(_ generator: inout SplitMix, length: Int) -> [UInt16] {
    var text = ""
    for _ in 0..<length {
      text.append(Int.random(in: 0..<6, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : "我")
    }
    return Array(text.utf16)
  }

  @Test("a plain condition at its marked units and low surrogates holds as over every unit", arguments: ["zh", "en", "de"])
  func conditionOnEvents(language: String) throws {
    let conditions = try #require(SRXRules.builtIn).rules(for: language).compactMap { SRXPrefilter(rule: $0)?.opener }
    var generator = SplitMix(seed: 31)
    for condition in conditions {
      guard let marked = condition.markedUnits else { continue }
      let events = Set(marked).union(0xDC00...0xDFFF)
      for round in 0..<400 {
        let units = Self.randomUnits(&generator, length: Int.random(in: 0...(round % 5 == 0 ? 500 : 40), using: &generator))
        // Positions of other units may be among the events too (other rules' start sets).
        let listed = units.indices.filter { events.contains(units[$0]) || Int.random(in: 0..<8, using: &generator) == 0 }
        let onEvents = listed.withUnsafeBufferPointer { condition.holds(in: units, events: $0) }
        #expect(onEvents == condition.holds(in: units), "\(String(decoding: units, as: UTF16.self).debugDescription)")
      }
    }
    if language == "zh" { #expect(conditions.allSatisfy { $0.markedUnits != nil }) }
  }

  /// `holds(in:)` passes over closed stretches to the next opening mark; the per-position form
  /// (``SRXPrefilter/OpenerCondition/mayStart(at:in:scan:)``), which reads every unit, must find a
  /// start exactly when it holds. Texts of English and Chinese marks, quotes after spaces,
  /// brackets and letters, address parts, surrogates.
  @Test("a condition holds where some position may start a match, for every built-in condition", arguments: ["zh", "en", "de"])
  func holdsAsSomeStart(language: String) throws {
    let conditions = try #require(SRXRules.builtIn).rules(for: language).compactMap { SRXPrefilter(rule: $0)?.opener }
    let marks = Array("我a Z.!?\"'’“”‘«»()[]—-–/:w\n。《》「」𠀀")
    var generator = SplitMix(seed: 33)
    for condition in conditions {
      for round in 0..<300 {
        let length = Int.random(in: 0...(round % 5 == 0 ? 400 : 30), using: &generator)
        let text = String((0..<length).map { _ in Int.random(in: 0..<3, using: &generator) == 0 ? marks.randomElement(using: &generator)! : "a" })
        let units = Array(text.utf16)
        var scan = SRXPrefilter.OpenerCondition.Scan()
        let someStart = units.indices.contains { condition.mayStart(at: $0, in: units, scan: &scan) }
        #expect(condition.holds(in: units) == someStart, "\(text.debugDescription)")
      }
    }
  }

  @Test("a narrower gap is caught: the events' gap counts every unit between them")
  func gapCounted() throws {
    let quote = try #require(SRXPrefilter.OpenerCondition(pattern: "[。](?<=“[^“”\\n]{0,3}[。])"))
    let marked = Set(try #require(quote.markedUnits))
    for (text, holds) in [("“我我我。", true), ("“我我我我。", false), ("“𠀀𠀀𠀀。", true)] {
      let units = Array(text.utf16)
      let events = units.indices.filter { marked.contains(units[$0]) || (0xDC00...0xDFFF).contains(units[$0]) }
      #expect(events.withUnsafeBufferPointer { quote.holds(in: units, events: $0) } == holds, "\(text)")
      #expect(quote.holds(in: units) == holds)
    }
  }

  /// `mayMatch` reads four units a turn and, with one word of slots (the Chinese rules), tests a
  /// set with one AND; it must say what the rules' prefilters say read plainly: every required
  /// set has a unit in the text, and the look-behind condition holds. Every length, so that the
  /// units after the last four are read too.
  @Test("mayMatch says what the prefilters say, with one word of slots and with more", arguments: ["zh", "en", "de"])
  func mayMatchAsThePrefilters(language: String) throws {
    let rules = try #require(SRXRules.builtIn).rules(for: language)
    let prefilters = rules.map { SRXPrefilter(rule: $0) }
    let table = SRXPrefilterTable(prefilters: prefilters, events: Set(Array("。！？《“".utf16)))
    var generator = SplitMix(seed: 34)
    let letters = Array("abcdefghijklmnopqrstuvwxyzABC.,;:!?'\"()[]-0123 ")
    for round in 0..<600 {
      var units = Self.randomUnits(&generator, length: Int.random(in: 0...(round % 4 == 0 ? 150 : 13), using: &generator))
      if round % 2 == 1 {
        units = Array(String((0..<units.count).map { _ in letters.randomElement(using: &generator)! }).utf16)
      }
      var events: [Int] = []
      let flags = table.mayMatch(in: units, events: &events)
      let present = Set(units)
      let expected = prefilters.map { prefilter -> Bool in
        guard let prefilter else { return true }
        return prefilter.required.allSatisfy { !$0.isDisjoint(with: present) } && (prefilter.opener?.holds(in: units) ?? true)
      }
      #expect(flags == expected, "\(String(decoding: units, as: UTF16.self).debugDescription)")
    }
  }

  @Test("the segmenter's events hold every start-set unit, and mayMatch agrees with and without them", arguments: ["zh", "en", "de"])
  func startsFromEvents(language: String) throws {
    let rules = try #require(SRXRules.builtIn).rules(for: language)
    let table = SRXPrefilterTable(prefilters: rules.map { SRXPrefilter(rule: $0) }, events: Set(Array("。！？《“".utf16)))
    let bare = SRXPrefilterTable(prefilters: rules.map { SRXPrefilter(rule: $0) })
    let segmenter = try SRXSegmenter(rules: rules)
    let compiled = segmenter.compiled
    let startUnits = Set(rules.compactMap { SRXPrefilter.startUnits(SRXSegmenter.scanPattern($0).matchesStart ? $0.afterBreak : $0.beforeBreak) }.flatMap { $0 })
    var generator = SplitMix(seed: 32)
    // One result array for every text, as the segmenter keeps it: no flag of a text may stay.
    var reused: [Bool] = []
    var reusedEvents: [Int] = []
    for _ in 0..<300 {
      let units = Self.randomUnits(&generator, length: Int.random(in: 0...120, using: &generator))
      var events: [Int] = []
      var none: [Int] = []
      let fresh = table.mayMatch(in: units, events: &events)
      #expect(fresh == bare.mayMatch(in: units, events: &none))
      table.mayMatch(in: units, events: &reusedEvents, into: &reused)
      #expect(reused == fresh && reusedEvents == events)
      #expect(table.collectsEvents)
      for position in units.indices where "。！？《“".utf16.contains(units[position]) { #expect(events.contains(position)) }
      #expect(events == events.sorted())
      // With the segmenter's own events every start set is found as by the scan of every unit.
      var own: [Int] = []
      let ownTable = SRXPrefilterTable(prefilters: rules.map { SRXPrefilter(rule: $0) }, events: startUnits)
      _ = ownTable.mayMatch(in: units, events: &own)
      for rule in compiled where rule.starts != nil {
        var cursor = 0
        var start = 0
        while start < units.count {
          let plain = rule.firstStart(from: start, in: units)
          #expect(rule.firstStart(from: start, in: units, events: own, cursor: &cursor) == plain)
          start = plain + 1 + Int.random(in: 0..<3, using: &generator)
        }
      }
    }
  }
}
