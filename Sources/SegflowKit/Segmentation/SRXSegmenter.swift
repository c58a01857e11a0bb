import SegflowICU

/// Applies the SRX rules of one language on top of ICU's sentence boundaries over a whole block.
///
/// Semantics, mirroring SRX 2.0 with ICU as the default:
/// - A rule *matches at* position p when `beforebreak` matches text ending at p and `afterbreak`
///   matches text starting at p. Each rule is compiled once as `(?:before)(?=after)` and found
///   with a left-to-right scan over the block (ICU `find`), so a rule costs one pass, not one
///   match per position; the positions are the ends of the (non-overlapping) matches. An empty
///   `beforebreak` scans for `afterbreak` starts instead.
/// - A position followed by white space is moved past it: ICU ends a sentence after its trailing
///   spaces, and so do rules (`\.` + `\s` breaks after the space, not before it).
/// - A rule whose pattern needs characters the block does not contain (``SRXPrefilter``, derived
///   from the pattern) is not scanned over that block: it has no match there, exactly as the scan
///   would find. A rule whose matches must start with one of a set of characters (its first
///   element is a literal class, ``SRXPrefilter/startUnits(_:)``) is matched only at those
///   characters, left to right, each match from the end of the one before: the matches of ICU's
///   scan, without its test of every character against a `UnicodeSet`. For the bracket and
///   quote rules only the starts whose look-behind can hold are tried (a full stop inside a
///   still open quote, ``SRXPrefilter/OpenerCondition``), and only those followed by a unit a
///   match can go on with (``SRXPrefilter/secondUnits(_:then:)``); a rule that is one literal
///   class matches at each of its starts without ICU. A rule without a start set is matched
///   the same way at the positions its pattern's first characters allow
///   (``SRXCandidateFilter``), and where a long look-behind can hold (``SRXGapCondition``).
/// - Candidates are ICU's boundaries plus every position where a `break="yes"` rule matches. At
///   each candidate the first rule in file order that matches decides (yes: break, no: no break);
///   when none matches, ICU's decision stands.
///
/// Every scan runs under ICU's time limit (``timeLimit`` per 1,000 characters of the block, so
/// the budget is linear in its length); if a rule runs out of time the block keeps ICU's
/// boundaries and the caller is told (``Outcome/timedOut``), so a pathological rule cannot hang a
/// batch.
public final class SRXSegmenter {
  /// ICU's `U_REGEX_TIME_OUT`.
  static let timeOutCode: Int32 = 66321

  /// A class, so that the loops over the rules (for every block and every candidate) read it
  /// through one reference instead of copying its fields.
  final class Compiled {
    let rule: SRXRule
    /// nil when both patterns are empty: the rule matches everywhere.
    let regex: ICURegex?
    /// True when the regex finds `afterbreak` starts (empty `beforebreak`).
    let matchesStart: Bool
    /// A bitmap of the UTF-16 units every match starts with (``SRXPrefilter/startUnits(_:)``),
    /// nil when unknown or when prefiltering is off.
    let starts: [UInt64]?
    /// For a rule of the bracket shape, where its look-behind lets a match start
    /// (``SRXPrefilter/OpenerCondition``); nil for other rules or when prefiltering is off.
    let opener: SRXPrefilter.OpenerCondition?
    /// For a rule without `starts`, where a match can start (``SRXCandidateFilter``); nil when
    /// nothing can be derived or when prefiltering is off.
    let candidates: SRXCandidateFilter?
    /// With `starts`: a bitmap of the units the unit after a start must be for a match there
    /// (``SRXPrefilter/secondUnits(_:then:)``); nil when unknown.
    let seconds: [UInt64]?
    /// With `starts`: every match is the start unit alone (``SRXPrefilter/matchesOneUnit(_:)``),
    /// so each start is a match without asking ICU.
    let oneUnit: Bool

    init(rule: SRXRule, regex: ICURegex?, matchesStart: Bool, starts: [UInt64]?, opener: SRXPrefilter.OpenerCondition?,
         candidates: SRXCandidateFilter? = nil, seconds: [UInt64]? = nil, oneUnit: Bool = false) {
      self.rule = rule
      self.regex = regex
      self.matchesStart = matchesStart
      self.starts = starts
      self.opener = opener
      self.candidates = candidates
      self.seconds = seconds
      self.oneUnit = oneUnit
    }

    /// Whether the unit after `start` may follow a start in a match (always without ``seconds``).
    @inline(__always)
    func mayContinue(after start: Int, in units: [UInt16]) -> Bool {
      guard let seconds else { return true }
      let next = start + 1
      guard next < units.count else { return false }
      let unit = units[next]
      return seconds[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0
    }

    /// The first position from `start` whose unit is in ``starts`` (`start` itself without a
    /// start set), or `units.count`. A loop of its own over the buffers: testing each unit through the optional
    /// array (loaded, checked and bounds-checked every time) was most of the rule's scan.
    func firstStart(from start: Int, in units: [UInt16]) -> Int {
      guard let starts else { return start }
      return units.withUnsafeBufferPointer { units in
        starts.withUnsafeBufferPointer { starts in
          var position = start
          while position < units.count {
            let unit = units[position]
            if starts[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0 { break }
            position += 1
          }
          return position
        }
      }
    }

    /// ``firstStart(from:in:)`` read from `events`, the positions of every start set's units in
    /// the block (``SRXPrefilterTable/mayMatch(in:events:)``), ascending: `cursor` (from 0 per
    /// block and rule, `start` never decreasing) walks them instead of every unit.
    func firstStart(from start: Int, in units: [UInt16], events: [Int], cursor: inout Int) -> Int {
      guard let starts else { return start }
      return units.withUnsafeBufferPointer { units in
        starts.withUnsafeBufferPointer { starts in
          events.withUnsafeBufferPointer { events in
            var k = cursor
            while k < events.count {
              let position = events[k]
              if position >= start {
                let unit = units[position]
                if starts[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0 { break }
              }
              k += 1
            }
            cursor = k
            return k < events.count ? events[k] : units.count
          }
        }
      }
    }
  }

  /// What happened to one block.
  public enum Outcome: Equatable, Sendable {
    case applied
    /// A rule ran out of time; ICU's boundaries were kept. Carries the rule's line in the file.
    case timedOut(ruleLine: Int, ruleIndex: Int)
  }

  public let rules: [SRXRule]
  /// ICU's time limit per rule and paragraph, in its own steps per 1,000 UTF-16 units of the
  /// paragraph (0: none).
  public let timeLimit: Int32
  let compiled: [Compiled]
  /// Per rule, whether it has a pattern (`compiled[i].regex != nil`) and whether it breaks,
  /// read without the rule.
  private let hasRegex: [Bool]
  private let isBreak: [Bool]
  /// Skips, per block, the rules that cannot match in it (see ``SRXPrefilter``); nil: none.
  private let prefilters: SRXPrefilterTable?
  /// The classes the candidate filters check, and each BMP unit's (filled in block by block).
  private let unitClasses: SRXUnitClasses

  /// Compiles `rules` (already checked by ``SRXRules/validate()``).
  ///
  /// `prefilter: false` scans every rule over every block with ICU's own search (the same results,
  /// slower; for tests).
  public init(rules: [SRXRule], file: String = "rules", timeLimit: Int32 = 200, prefilter: Bool = true) throws(SRXError) {
    self.rules = rules
    self.timeLimit = timeLimit
    var compiled: [Compiled] = []
    let unitClasses = SRXUnitClasses()
    let derived = rules.map { SRXPrefilter(rule: $0) }
    // Every start set's units: the block prefilter lists where they stand (its events).
    var startUnion = Set<UInt16>()
    for (index, rule) in rules.enumerated() {
      let (pattern, matchesStart) = Self.scanPattern(rule)
      var starts: [UInt64]?
      var seconds: [UInt64]?
      var oneUnit = false
      if prefilter, pattern != nil,
        let leading = SRXPrefilter.leadingUnits(matchesStart ? rule.afterBreak : rule.beforeBreak, then: matchesStart ? "" : rule.afterBreak) {
        starts = Self.bitmap(leading.starts)
        startUnion.formUnion(leading.starts)
        oneUnit = leading.oneUnit
        seconds = leading.seconds.map(Self.bitmap)
      }
      let candidates = prefilter && starts == nil ? Self.candidateFilter(rule, classes: unitClasses) : nil
      do {
        compiled.append(Compiled(
          rule: rule, regex: try pattern.map { pattern throws(RegexError) in try ICURegex(pattern) }, matchesStart: matchesStart, starts: starts,
          opener: starts != nil && !matchesStart ? derived[index]?.opener : nil, candidates: candidates, seconds: seconds, oneUnit: oneUnit))
      } catch {
        throw SRXError(file: file, line: rule.line, message: "rule \(index + 1): \(error)")
      }
    }
    self.compiled = compiled
    self.unitClasses = unitClasses
    self.hasRegex = compiled.map { $0.regex != nil }
    self.isBreak = compiled.map(\.rule.isBreak)
    self.prefilters = prefilter && derived.contains { $0 != nil } ? SRXPrefilterTable(prefilters: derived, events: startUnion) : nil
  }

  /// A bitmap over the BMP with the bits of `units` set.
  static func bitmap(_ units: Set<UInt16>) -> [UInt64] {
    var bitmap = [UInt64](repeating: 0, count: 0x10000 / 64)
    for unit in units { bitmap[Int(unit >> 6)] |= 1 << UInt64(unit & 63) }
    return bitmap
  }

  /// The pattern a rule is scanned with (nil: both parts empty) and whether its matches' starts
  /// are the positions (an empty `beforebreak`) rather than their ends.
  static func scanPattern(_ rule: SRXRule) -> (pattern: String?, matchesStart: Bool) {
    switch (rule.beforeBreak.isEmpty, rule.afterBreak.isEmpty) {
    case (true, true): return (nil, false)
    case (true, false): return (rule.afterBreak, true)
    case (false, true): return ("(?:\(rule.beforeBreak))", false)
    case (false, false): return ("(?:\(rule.beforeBreak))(?=\(rule.afterBreak))", false)
    }
  }

  /// Where a rule's matches can start (``SRXCandidateFilter``), its classes added to `classes`;
  /// nil unless both parts are patterns the prefilter deems safe (one that may backtrack badly
  /// keeps ICU's scan, and so its time-out, unchanged).
  static func candidateFilter(_ rule: SRXRule, classes: SRXUnitClasses) -> SRXCandidateFilter? {
    guard let pattern = scanPattern(rule).pattern,
      [rule.beforeBreak, rule.afterBreak].allSatisfy({ $0.isEmpty || SRXPrefilter.requiredSets($0) != nil })
    else { return nil }
    return SRXCandidateFilter(pattern: pattern, classIndex: classes.index(of:), breadth: classes.breadth(of:_:))
  }

  /// Sentence ends (UTF-8 offsets into `text`, ascending, the last one `text.utf8.count`) after
  /// applying the rules to ICU's `boundaries` (UTF-8 offsets, as ``BreakIterator`` gives them).
  public func apply(to text: String, boundaries: [Int]) -> (ends: [Int], outcome: Outcome) {
    var transcoded = UTF16Text()
    transcoded.load(text)
    var scratch = SRXScratch()
    scratch.icuEnds = boundaries.filter { $0 > 0 && $0 < transcoded.utf8Count }
    let outcome = apply(to: transcoded, scratch: &scratch)
    return (scratch.ends, outcome)
  }

  /// ``apply(to:boundaries:)`` on a block already in UTF-16 (``SentenceSplitter`` transcodes it
  /// once for ICU and the rules), with ICU's ends inside the block in `scratch.icuEnds`; the ends
  /// are left in `scratch.ends`, the other lists of `scratch` reused.
  func apply(to text: UTF16Text, scratch: inout SRXScratch) -> Outcome {
    let utf8Count = text.utf8Count
    scratch.ends.removeAll(keepingCapacity: true)
    guard !compiled.isEmpty, utf8Count > 0 else {
      scratch.ends.append(contentsOf: scratch.icuEnds)
      scratch.ends.append(utf8Count)
      return .applied
    }
    let units = text.units
    var events = Self.emptied(&scratch.events)
    var flags: [Bool] = []
    swap(&flags, &scratch.mayMatch)
    defer {
      scratch.events = events
      scratch.mayMatch = flags
    }
    let mayMatch: [Bool]?
    if let prefilters {
      prefilters.mayMatch(in: units, events: &events, into: &flags)
      mayMatch = flags
    } else {
      mayMatch = nil
    }
    // Start sets are found from the events (all their units are among them) when listed.
    let onEvents = prefilters?.collectsEvents ?? false
    // No rule can match anywhere in the block: ICU's boundaries stand as they are.
    if let mayMatch, !zip(hasRegex, mayMatch).contains(where: { !$0 || $1 }) {
      scratch.ends.append(contentsOf: scratch.icuEnds)
      scratch.ends.append(utf8Count)
      return .applied
    }
    // UTF-16 offset → UTF-8 offset, and the white space after each position (every White_Space
    // character is in the BMP, so a surrogate is never space).
    let toUTF8 = text.utf8Offsets
    let traits = ScalarTraits.shared
    /// Moves a UTF-16 position past white space and converts it to UTF-8.
    func normalized(_ position: Int) -> Int {
      var p = position
      while p < units.count, let scalar = Unicode.Scalar(units[p]), traits.isWhitespace(scalar) { p += 1 }
      return toUTF8[p]
    }

    // One find scans the whole paragraph, so the budget grows with it: `timeLimit` per 1,000
    // UTF-16 units. Catastrophic backtracking is exponential and still runs out at once.
    let thousands = Int64(max(1, (units.count + 999) / 1000))
    let budget = timeLimit == 0 ? 0 : Int32(clamping: Int64(timeLimit) * thousands)
    // The rules that match somewhere in the block, in file order, each with its hits (UTF-8
    // offsets, ascending and without repeats: its matches are found left to right and
    // `normalized` keeps their order) as `allHits[start..<end]`, or matching everywhere (no
    // pattern). A rule without hits cannot decide any position, so it is left out.
    // The lists are the scratch's, moved out while they are filled (and back on every return).
    var active = Self.emptied(&scratch.active)
    var allHits = Self.emptied(&scratch.allHits)
    var breakHits = Self.emptied(&scratch.breakHits)
    let icuEnds = scratch.icuEnds
    defer {
      scratch.active = active
      scratch.allHits = allHits
      scratch.breakHits = breakHits
    }
    // The block's units classified for the candidate filters, on the first rule that needs them.
    var surrogates: [Int]?
    for index in compiled.indices {
      // Settled without reading the rule where possible (each read retains and releases it).
      guard hasRegex[index] else {
        active.append((index, 0, 0, true))
        continue
      }
      if let mayMatch, !mayMatch[index] { continue }
      let rule = compiled[index]
      guard let regex = rule.regex else {
        active.append((index, 0, 0, true))
        continue
      }
      // This rule's hits are appended to `allHits` from `first` on.
      let first = allHits.count
      var outOfOrder = false
      func hit(_ range: Range<Int>) {
        let position = rule.matchesStart ? range.lowerBound : range.upperBound
        guard position > 0, position < units.count else { return }
        let mapped = normalized(position)
        guard mapped > 0, mapped < utf8Count else { return }
        if allHits.count > first {
          let last = allHits[allHits.count - 1]
          if mapped == last { return }
          if mapped < last { outOfOrder = true }
        }
        allHits.append(mapped)
      }
      // ICU is given the block's text before its first try only: in many blocks no position
      // passes the tests before ICU (about 830 instructions a `setText`).
      var textSet = false
      /// `regex.match(at:limit:)`, the block's text set first if it is not yet.
      @inline(__always)
      func match(at position: Int, limit: Int) throws(ICUError) -> Int? {
        if !textSet {
          try regex.setText(units, timeLimit: budget)
          textSet = true
        }
        return try regex.match(at: position, limit: limit)
      }
      do {
        if rule.starts != nil {
          // The matches a left-to-right scan finds, found at their possible starts: the leftmost
          // start where the pattern matches, then on from the end of that match (never empty:
          // the first element consumes a unit).
          var start = 0
          var scan = SRXPrefilter.OpenerCondition.Scan()
          var eventCursor = 0
          while start < units.count {
            start = onEvents ? rule.firstStart(from: start, in: units, events: events, cursor: &eventCursor) : rule.firstStart(from: start, in: units)
            guard start < units.count else { break }
            guard rule.opener?.mayStart(at: start, in: units, scan: &scan) ?? true else {
              start += 1
              continue
            }
            if rule.oneUnit {
              hit(start..<(start + 1))
              start += 1
              continue
            }
            guard rule.mayContinue(after: start, in: units) else {
              start += 1
              continue
            }
            if let end = try match(at: start, limit: units.count) {
              hit(start..<end)
              start = max(end, start + 1)
            } else {
              start += 1
            }
          }
        } else if let candidates = rule.candidates, !unitClasses.broken {
          // The same, at the positions the rule's filter leaves (every match consumes a unit).
          if surrogates == nil { surrogates = unitClasses.prepare(units) }
          let surrogateList = surrogates ?? []
          var cursor = 0
          var start = 0
          let count = units.count
          let gapScans = scratch.gapScans.filled(candidates.gaps.count, with: SRXGapCondition.Scan())
          while start < count {
            let next = units.withUnsafeBufferPointer { units in
              unitClasses.table.withUnsafeBufferPointer { classes in
                candidates.firstCandidate(from: start, units: units, classes: classes, surrogates: surrogateList, cursor: &cursor)
              }
            }
            guard next < count else { break }
            if !candidates.gaps.isEmpty {
              // A long look-behind that cannot hold here: ICU need not try it.
              let holds = units.withUnsafeBufferPointer { units in
                unitClasses.table.withUnsafeBufferPointer { classes in
                  candidates.gaps.indices.allSatisfy {
                    candidates.gaps[$0].mayHold(at: next, units: units, classes: classes, surrogates: surrogateList, scan: &gapScans[$0])
                  }
                }
              }
              guard holds else {
                start = next + 1
                continue
              }
            }
            if let end = try match(at: next, limit: count) {
              hit(next..<end)
              start = max(end, next + 1)
            } else {
              start = next + 1
            }
          }
        } else {
          try regex.setText(units, timeLimit: budget)
          for range in try regex.matches(from: 0) { hit(range) }
        }
      } catch {
        scratch.ends.append(contentsOf: icuEnds)
        scratch.ends.append(utf8Count)
        return .timedOut(ruleLine: rule.rule.line, ruleIndex: index + 1)
      }
      if outOfOrder {  // not expected of a left-to-right scan; kept exact
        let sorted = Array(Set(allHits[first...])).sorted()
        allHits.replaceSubrange(first..., with: sorted)
      }
      guard allHits.count > first else { continue }
      if rule.rule.isBreak { breakHits.append(contentsOf: allHits[first...]) }
      active.append((index, first, allHits.count, false))
    }
    // Candidates: ICU's ends and every break rule's hits, ascending, each once. Visited in
    // order, so each rule's hits are walked with a cursor instead of searched.
    var candidates = Self.emptied(&scratch.candidates)
    candidates.append(contentsOf: icuEnds)
    candidates.append(contentsOf: breakHits)
    if !breakHits.isEmpty { candidates.sort() }
    var cursors = Self.emptied(&scratch.cursors)
    for rule in active { cursors.append(rule.start) }
    var ends = Self.emptied(&scratch.ends)
    defer {
      scratch.candidates = candidates
      scratch.cursors = cursors
      scratch.ends = ends
    }
    var icuCursor = 0
    var previous = -1
    for position in candidates where position != previous {
      previous = position
      while icuCursor < icuEnds.count, icuEnds[icuCursor] < position { icuCursor += 1 }
      var decision = icuCursor < icuEnds.count && icuEnds[icuCursor] == position
      for k in active.indices {
        let rule = active[k]
        if rule.everywhere {
          decision = isBreak[rule.rule]
          break
        }
        var cursor = cursors[k]
        while cursor < rule.end, allHits[cursor] < position { cursor += 1 }
        cursors[k] = cursor
        if cursor < rule.end, allHits[cursor] == position {
          decision = isBreak[rule.rule]
          break
        }
      }
      if decision { ends.append(position) }
    }
    ends.append(utf8Count)
    return .applied
  }

  /// `array`, emptied with its storage kept, moved out of `array` (left empty): a list filled in
  /// a loop is faster as a local than through the scratch it belongs to.
  @inline(__always)
  static func emptied<Element>(_ array: inout [Element]) -> [Element] {
    var taken: [Element] = []
    swap(&taken, &array)
    taken.removeAll(keepingCapacity: true)
    return taken
  }
}
