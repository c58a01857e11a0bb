/// Where a match of a rule without a start set can start, derived from its pattern, so that ICU is
/// asked only there instead of trying the whole pattern at every position of the block.
///
/// The pattern is read as the ways (``Path``) its first few characters can go: each a list of
/// checks "the unit at offset k from the start is (or, for a negative look-behind, is not) in
/// this one-character class". Elements consumed one character each give checks at successive
/// offsets; a positive look-ahead adds its own checks without moving on; a look-behind of one
/// character checks the unit before; `\b`, `^` and other look-arounds are skipped. A group's
/// alternatives and a short quantifier's counts become separate paths. The first open-ended
/// repeat of one character on a path (`\s+`) is a ``Run``: the checks after it count from its
/// end, wherever that is. Anything not understood (a long quantifier, a second run, a back
/// reference, …) ends a path: the checks gathered so far still hold for every match. A position
/// is a candidate when every check of some path holds.
///
/// The offsets assume one UTF-16 unit per character, so a position whose reach holds a
/// surrogate is always a candidate, and one inside a surrogate pair never is (ICU's scan steps by
/// code point). The classes are ICU's own, evaluated by ICU per unit (``SRXUnitClasses``).
///
/// A class, so that reading a rule's filter for every block takes one retain: as a structure of
/// a dozen arrays, copying it out of its rule and destroying the copy cost about 670
/// instructions a rule and block (English text: 35,440 times, 24 M).
final class SRXCandidateFilter {
  /// One check: the unit at `offset` is in one of the classes of `mask`, or in none when `negated`;
  /// for `^` (`textStart`), the offset is the start of the text.
  struct Check: Equatable {
    var offset: Int
    var mask: UInt64
    var negated: Bool
    var textStart = false
    /// Which of the table's words per unit `mask` is for (``SRXUnitClasses/words``).
    var word = 0

    /// The check of class `index` (its word and bit).
    init(offset: Int, classIndex index: Int, negated: Bool = false) {
      self.init(offset: offset, mask: 1 << UInt64(index % SRXUnitClasses.bitsPerWord), negated: negated, word: index / SRXUnitClasses.bitsPerWord)
    }

    init(offset: Int, mask: UInt64, negated: Bool, textStart: Bool = false, word: Int = 0) {
      self.offset = offset
      self.mask = mask
      self.negated = negated
      self.textStart = textStart
      self.word = word
    }

    /// The same check `shift` units on.
    func moved(by shift: Int) -> Check {
      var check = self
      check.offset += shift
      return check
    }
  }

  /// A way the pattern can begin. `offset` is where the next element starts; nil when unknown
  /// (the path ends there).
  struct Path: Equatable {
    var checks: [Check] = []
    var offset: Int? = 0
    /// Characters every match along this path consumes (at least).
    var consumed = 0
    /// Characters a match along this path consumes at most (nil: no bound).
    var most: Int? = 0
    /// After an open-ended repeat of one character (``Run``): `offset` and the checks from
    /// `run.head` on count from where the repeat ends.
    var run: Run?
    /// Where a `\b` stands (as `offset`), until an element consumes a character there: when that
    /// is a word character, the unit before is not one (``nonWordClass``).
    var boundary: Int?
  }

  /// The part of a path past an open-ended repeat `C{m,}` of a one-character class C (`\s+`):
  /// its units from `offset` on are in C up to some end q, which the checks after it count from.
  /// A match along the path has such a q between `offset` and the end of the C run there (at most
  /// `limit` further), so the path holds when its later checks hold at one of them.
  struct Run: Equatable {
    /// Where the repeat's optional part starts, from the match's start.
    var offset: Int
    var word: Int
    var mask: UInt64
    /// How many more units it may take (nil: any).
    var limit: Int?
    /// The path's checks before this index are the fixed ones.
    var head: Int
  }

  /// Per path, its checks (at least one each); a position is a candidate when one path holds.
  let paths: [[Check]]
  /// Long look-behinds every match must satisfy (``SRXGapCondition``), checked after the paths.
  let gaps: [SRXGapCondition]
  /// The paths' checks one after another, path `k` ending at `pathEnds[k]`.
  private let flatChecks: [Check]
  private let pathEnds: [Int]
  /// Per path, its run and the checks after it (counted from the run's end); nil for most.
  let runs: [(run: Run, tails: [[Check]])?]
  private let hasRuns: Bool
  /// ``runs`` as plain values for the scans: per path its run, and its tails as
  /// `tailChecks[tailRanges[j]]` for `j` in `pathTails[k]`.
  private let runOf: [Run?]
  private let tailChecks: [Check]
  private let tailRanges: [Range<Int>]
  private let pathTails: [Range<Int>]
  /// The offsets all checks reach, relative to the start.
  let reach: ClosedRange<Int>
  /// The offsets every path checks (not negated), each with the union of the paths' classes
  /// there, the narrowest first (by ``SRXUnitClasses/breadth(of:)``): tested first, as most
  /// positions fail one of them.
  let common: [(offset: Int, word: Int, mask: UInt64)]
  /// The last position where a path anchored by `^` can hold (-1: none); ``common`` leaves those
  /// paths out, so positions up to this one are always checked in full.
  let lastAnchored: Int

  /// The filter for `pattern`; nil when nothing useful can be derived, or a match may be empty.
  /// `classIndex` gives the bit of a one-character class (its pattern text), nil when no bit is
  /// left.
  convenience init?(pattern: String, classIndex: @escaping (String) -> Int?, breadth: (Int, UInt64) -> Int = { _, _ in 0 }) {
    var parser = Parser(chars: Array(pattern.unicodeScalars), classIndex: classIndex)
    guard let result = parser.alternatives([Path()]), parser.index == parser.chars.count, !parser.failed else { return nil }
    let paths = Self.merged(result)
    guard paths.allSatisfy({ $0.consumed >= 1 }) else { return nil }
    // Paths with the same fixed checks and run are one, with each of their tails: the fixed
    // checks and the run are read once a position (the list-label rule's alternatives after
    // `\s+` are a dozen paths).
    var heads: [[Check]] = []
    var runs: [(run: Run, tails: [[Check]])?] = []
    for path in paths {
      let head = path.run.map { Array(path.checks.prefix($0.head)) } ?? path.checks
      guard let run = path.run else {
        heads.append(head)
        runs.append(nil)
        continue
      }
      let tail = Array(path.checks.dropFirst(run.head))
      if let k = heads.indices.first(where: { heads[$0] == head && runs[$0]?.run == run }) {
        runs[k]!.tails.append(tail)
      } else {
        heads.append(head)
        runs.append((run, [tail]))
      }
    }
    self.init(paths: heads, gaps: parser.gaps, breadth: breadth, runs: runs)
  }

  /// The filter of these paths (each needs a check); nil when there are none. `breadth` estimates
  /// how many characters the classes of a mask hold. `runs`: per path, a run and the ways the
  /// checks after it can go, one of which must hold (empty: none).
  init?(paths: [[Check]], gaps: [SRXGapCondition] = [], breadth: (Int, UInt64) -> Int = { _, _ in 0 }, runs: [(run: Run, tails: [[Check]])?] = []) {
    guard !paths.isEmpty, paths.allSatisfy({ !$0.isEmpty }) else { return nil }
    self.gaps = gaps
    self.runs = runs.isEmpty ? paths.map { _ in nil } : runs
    hasRuns = self.runs.contains { $0 != nil }
    runOf = self.runs.map { $0?.run }
    var tails: [Check] = []
    var ranges: [Range<Int>] = []
    var pathTails: [Range<Int>] = []
    for entry in self.runs {
      let first = ranges.count
      for tail in entry?.tails ?? [] {
        let begin = tails.count
        tails += tail
        ranges.append(begin..<tails.count)
      }
      pathTails.append(first..<ranges.count)
    }
    tailChecks = tails
    tailRanges = ranges
    self.pathTails = pathTails
    self.paths = paths.map { path in path.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element) }
    // Within a path the narrowest checks first (`^`, then by breadth, negated ones last): every
    // check of a path must hold, and the positions that get this far passed the shared checks, so
    // the check most likely to fail is the one to test first (the titles rule's paths share the
    // letter at 0 and differ in where their full stop stands).
    func cost(_ check: Check) -> Int { check.textStart ? -1 : check.negated ? Int.max : breadth(check.word, check.mask) }
    flatChecks = self.paths.flatMap { path in
      path.enumerated().map { (cost: cost($0.element), index: $0.offset, check: $0.element) }.sorted { ($0.cost, $0.index) < ($1.cost, $1.index) }.map(\.check)
    }
    var ends: [Int] = []
    for path in self.paths { ends.append((ends.last ?? 0) + path.count) }
    pathEnds = ends
    let offsets = self.paths.flatMap { $0.map(\.offset) }
    reach = min(0, offsets.min()!)...max(0, offsets.max()!)
    var common: [(offset: Int, word: Int, mask: UInt64)] = []
    let anchored = self.paths.compactMap { path in path.first(where: \.textStart).map { -$0.offset } }
    lastAnchored = anchored.max() ?? -1
    for offset in Set(offsets).sorted() {
      var mask: UInt64 = 0
      var word: Int?
      var everywhere = true
      for path in self.paths where !path.contains(where: \.textStart) {
        guard let check = path.first(where: { $0.offset == offset && !$0.negated && !$0.textStart }), word == nil || word == check.word else {
          everywhere = false
          break
        }
        mask |= check.mask
        word = check.word
      }
      if everywhere, let word { common.append((offset, word, mask)) }
    }
    self.common = Array(
      common.enumerated().sorted {
        (breadth($0.element.word, $0.element.mask), $0.offset) < (breadth($1.element.word, $1.element.mask), $1.offset)
      }.map(\.element).prefix(3))
  }

  /// One-character classes of word characters only (ICU's `\w`: Alphabetic, marks, decimal
  /// digits, connector punctuation, ZWNJ and ZWJ), besides single ASCII letters and digits.
  static let wordClasses: Set<String> = ["\\p{L}", "\\p{Lu}", "\\p{Ll}", "\\p{Lt}", "\\p{Lm}", "\\p{Lo}", "\\d", "\\w"]

  /// The units before a `\b` that stands before a word character: ICU's `\b` looks back past
  /// grapheme extenders and format characters to the first other character, which must not be a
  /// word character, so the unit just before is either no word character or one of those.
  static let nonWordClass = "[\\W\\p{Grapheme_Extend}\\p{Cf}]"

  /// More than this many paths are merged (see ``merged(_:)``).
  static let maximumPaths = 32

  /// `paths` without repeats; when more than ``maximumPaths`` remain, the paths that go on at the
  /// same offset and check the same offsets become one, with the union of their classes at each
  /// (`[a-z]\.` and `\d\.`: `[a-z\d]\.`), and if that is not enough, those that go on at the
  /// same offset, keeping at each offset checked by all of them the union of their first checks
  /// there. Weaker conditions, but still necessary.
  static func merged(_ paths: [Path]) -> [Path] {
    var unique: [Path] = []
    for path in paths where !unique.contains(path) { unique.append(path) }
    guard unique.count > maximumPaths else { return unique }
    // Merged paths keep their fixed checks only: a run ends them.
    unique = unique.map { path in
      guard let run = path.run else { return path }
      return Path(checks: Array(path.checks.prefix(run.head)), offset: nil, consumed: path.consumed, most: nil)
    }
    let shaped = merged(unique) { path in
      "\(path.offset ?? -999) " + path.checks.map { "\($0.offset)\($0.negated ? "!" : "")\($0.textStart ? "^" : "")" }.joined(separator: ",")
    }
    guard shaped.count > maximumPaths else { return shaped }
    return merged(shaped) { "\($0.offset ?? -999)" }
  }

  /// Merges the paths with the same `key`.
  static func merged(_ paths: [Path], by key: (Path) -> String) -> [Path] {
    var groups: [String: Path] = [:]
    var order: [String] = []
    for path in paths {
      let key = key(path)
      guard let existing = groups[key] else {
        groups[key] = path
        order.append(key)
        continue
      }
      var checks: [Check] = []
      var used = Array(repeating: false, count: path.checks.count)
      for check in existing.checks {
        // Paired in order with the other path's checks of the same kind at the same offset.
        guard let k = path.checks.indices.first(where: {
          !used[$0] && path.checks[$0].offset == check.offset && path.checks[$0].negated == check.negated
            && path.checks[$0].textStart == check.textStart && path.checks[$0].word == check.word
        }) else { continue }
        used[k] = true
        let other = path.checks[k]
        if check.negated || check.textStart {
          if other.mask == check.mask { checks.append(check) }
        } else {
          checks.append(Check(offset: check.offset, mask: check.mask | other.mask, negated: false, word: check.word))
        }
      }
      let most = existing.most.flatMap { a in path.most.map { max(a, $0) } }
      groups[key] = Path(checks: checks, offset: path.offset, consumed: min(existing.consumed, path.consumed), most: most)
    }
    return order.map { groups[$0]! }
  }

  /// The first position from `start` on, before `limit` (default: the end), where a match may
  /// start (`limit`: none). `classes` is the block's unit table (``SRXUnitClasses``); `surrogates`
  /// the positions of surrogate units in the block, ascending, and `cursor` an index into it kept
  /// across ascending calls.
  func firstCandidate(from start: Int, before limit: Int? = nil, units: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<UInt64>,
                      surrogates: [Int], cursor: inout Int) -> Int {
    let count = min(units.count, limit ?? units.count)
    // The shared checks as plain values (an always-true one where there are fewer than three).
    let none = (offset: 0, word: 0, mask: ~UInt64(0))
    let first = common.count > 0 ? common[0] : none
    let second = common.count > 1 ? common[1] : none
    let third = common.count > 2 ? common[2] : none
    let plain = surrogates.isEmpty
    return flatChecks.withUnsafeBufferPointer { checks in
      pathEnds.withUnsafeBufferPointer { ends in
        var position = start
        while position < count {
          defer { position += 1 }
          if plain, position > lastAnchored {
            // Most positions fail a check every path shares; past the end, so do all later ones.
            // The first check skips them in a loop of its own (bounds hoisted: about 8
            // instructions a position instead of 22), to the first position that passes it.
            var at = position + first.offset
            if at >= 0 {
              let end = min(units.count, count + first.offset)
              while at < end, classes[SRXUnitClasses.slot(units[at], first.word)] & first.mask == 0 { at &+= 1 }
              if at >= end { return count }
              position = at - first.offset
            }
            at = position + second.offset
            if at >= units.count { return count }
            if at >= 0, classes[SRXUnitClasses.slot(units[at], second.word)] & second.mask == 0 { continue }
            at = position + third.offset
            if at >= units.count { return count }
            if at >= 0, classes[SRXUnitClasses.slot(units[at], third.word)] & third.mask == 0 { continue }
          } else {
            // Inside a surrogate pair: ICU never starts there.
            if position > 0, UTF16.isTrailSurrogate(units[position]), UTF16.isLeadSurrogate(units[position - 1]) { continue }
            // A surrogate within reach: the offsets may be off, so ICU decides.
            while cursor < surrogates.count, surrogates[cursor] < position + reach.lowerBound { cursor += 1 }
            if cursor < surrogates.count, surrogates[cursor] <= position + reach.upperBound { return position }
            if position > lastAnchored,
              !passes(first, at: position, units: units, classes: classes) || !passes(second, at: position, units: units, classes: classes)
                || !passes(third, at: position, units: units, classes: classes) {
              continue
            }
          }
          if holds(at: position, units: units, classes: classes, checks: checks, ends: ends, plain: plain) { return position }
        }
        return count
      }
    }
  }

  @inline(__always)
  private func passes(_ check: (offset: Int, word: Int, mask: UInt64), at position: Int, units: UnsafeBufferPointer<UInt16>,
                      classes: UnsafeBufferPointer<UInt64>) -> Bool {
    let at = position + check.offset
    return at < 0 || (at < units.count && classes[SRXUnitClasses.slot(units[at], check.word)] & check.mask != 0)
  }

  /// Whether some path's checks all hold at `position`.
  @inline(__always)
  private func holds(at position: Int, units: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<UInt64>,
                     checks: UnsafeBufferPointer<Check>, ends: UnsafeBufferPointer<Int>, plain: Bool) -> Bool {
    var begin = 0
    for (path, end) in ends.enumerated() {
      var holds = true
      for index in begin..<end where !Self.passes(checks[index], at: position + checks[index].offset, units: units, classes: classes) {
        holds = false
        break
      }
      // With a surrogate in the block the units after a run may be off: its fixed checks decide.
      if holds, hasRuns, plain, let run = runOf[path] { holds = tailHolds(at: position, run: run, tails: pathTails[path], units: units, classes: classes) }
      if holds { return true }
      begin = end
    }
    return false
  }

  /// Whether the checks of one of `tails` hold at some end of `run`, for a match starting at `position`:
  /// each end from the run's optional part on while the units are in its class, and the first
  /// unit that is not (or the text's end).
  private func tailHolds(at position: Int, run: Run, tails: Range<Int>, units: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<UInt64>) -> Bool {
    let first = position + run.offset
    let last = run.limit.map { first + $0 } ?? Int.max
    var end = first
    while true {
      for tail in tails {
        var holds = true
        for index in tailRanges[tail] where !Self.passes(tailChecks[index], at: end + tailChecks[index].offset, units: units, classes: classes) {
          holds = false
          break
        }
        if holds { return true }
      }
      guard end >= 0, end < units.count, end < last, classes[SRXUnitClasses.slot(units[end], run.word)] & run.mask != 0 else { return false }
      end += 1
    }
  }

  /// Whether `check` holds at unit `at`: a unit before the text passes, one past its end passes
  /// a negated check only.
  @inline(__always)
  private static func passes(_ check: Check, at: Int, units: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<UInt64>) -> Bool {
    if check.textStart { return at == 0 }
    if at < 0 { return true }
    if at >= units.count { return check.negated }
    return (classes[SRXUnitClasses.slot(units[at], check.word)] & check.mask != 0) != check.negated
  }

  /// Reads a pattern into paths.
  struct Parser {
    let chars: [Unicode.Scalar]
    let classIndex: (String) -> Int?
    var index = 0
    /// Something the derivation must not guess about (`\G`, inline flags, an unbalanced group).
    var failed = false
    /// Inside an alternative, an optional group or a look-around: a look-behind here does not
    /// hold for every match.
    var optional = 0
    /// Inside a look-around: no ``Run`` starts there (its offsets would count from elsewhere).
    var lookaround = 0
    /// The long look-behinds every match must satisfy.
    var gaps: [SRXGapCondition] = []

    init(chars: [Unicode.Scalar], classIndex: @escaping (String) -> Int?) {
      self.chars = chars
      self.classIndex = classIndex
    }

    var current: Unicode.Scalar? { index < chars.count ? chars[index] : nil }

    /// Alternatives separated by `|`, up to a `)` (not consumed) or the end, each from `paths`.
    mutating func alternatives(_ paths: [Path]) -> [Path]? {
      var result: [Path] = []
      while true {
        guard let alternative = sequence(paths) else { return nil }
        result += alternative
        guard current == "|" else { break }
        index += 1
      }
      return SRXCandidateFilter.merged(result)
    }

    /// Elements up to `|`, `)` or the end.
    mutating func sequence(_ start: [Path]) -> [Path]? {
      var paths = start
      while let c = current, c != "|", c != ")" {
        guard let next = element(paths) else { return nil }
        paths = SRXCandidateFilter.merged(next)
      }
      return paths
    }

    /// One element and its quantifier, applied to `paths`.
    mutating func element(_ paths: [Path]) -> [Path]? {
      guard let c = current else { return nil }
      if c == "(" { return group(paths) }
      let begin = index
      switch c {
      case "[":
        guard skipClass() else { return nil }
      case "\\":
        index += 1
        guard let e = current else { return nil }
        index += 1
        switch e {
        case "b":
          // Not when a quantifier makes it optional.
          var probe = self
          guard probe.quantifier() == nil else { return zeroWidth(paths) }
          return paths.map { path in
            var next = path
            next.boundary = path.offset
            return next
          }
        case "B", "A", "z", "Z":
          return zeroWidth(paths)
        case "p", "P", "N":
          guard skipPropertyName() else { return nil }
        case "s", "S", "d", "D", "w", "W", "h", "H", "n", "t", "r", "f", "a", "e":
          break
        default:
          // \G, \x, \u, \Q, \R, \X, back references, …: not guessed at.
          if e.isASCII, e.properties.isAlphabetic || e.properties.numericType != nil {
            failed = true
            return nil
          }
        }
      case ".":
        index += 1
      case "^":
        index += 1
        // The start of the text (no multi-line flag; inside a look-behind too, with transparent
        // bounds).
        let anchored = paths.map { path -> Path in
          guard let offset = path.offset else { return path }
          var next = path
          next.checks.append(Check(offset: offset, mask: 0, negated: false, textStart: true))
          return next
        }
        return zeroWidth(anchored)
      case "$":
        index += 1
        return zeroWidth(paths)
      case "*", "+", "?", "{", "|", ")":
        failed = true
        return nil
      default:
        index += 1
      }
      return quantified(paths, classText: String(String.UnicodeScalarView(chars[begin..<index])), oneUnit: c.value <= 0xFFFF)
    }

    /// A zero-width element (and any quantifier after it): no check.
    mutating func zeroWidth(_ paths: [Path]) -> [Path]? {
      _ = quantifier()
      return failed ? nil : paths
    }

    /// A one-character element with class bit `classBit`, repeated as its quantifier says.
    /// `oneUnit` is false for a character outside the BMP (two units: the offsets end there).
    mutating func quantified(_ paths: [Path], classText: String, oneUnit: Bool = true) -> [Path]? {
      let (minimum, maximum) = quantifier() ?? (1, 1)
      if failed { return nil }
      // The class is registered only when a check uses it (each class costs ICU calls a block).
      var classBit = 0
      let counted = maximum.map { $0 - minimum <= 3 ? $0 : minimum } ?? minimum
      if oneUnit, counted >= 1, paths.contains(where: { $0.offset != nil }) {
        guard let bit = classIndex(classText) else {
          failed = true
          return nil
        }
        classBit = bit
      }
      // `\b` before a word character: the unit before it is no word character.
      var boundaryBit: Int?
      if oneUnit, SRXCandidateFilter.wordClasses.contains(classText) || classText.unicodeScalars.count == 1 && classText.unicodeScalars.allSatisfy({
        $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_")
      }), paths.contains(where: { $0.offset != nil && $0.boundary == $0.offset }) {
        boundaryBit = classIndex(SRXCandidateFilter.nonWordClass)
      }
      var result: [Path] = []
      for path in paths {
        guard let offset = path.offset else {
          var next = path
          next.boundary = nil
          next.consumed += minimum
          next.most = next.most.flatMap { most in maximum.map { most + $0 } }
          result.append(next)
          continue
        }
        /// `count` characters, where the path goes on only when the count is exact.
        func consume(_ count: Int, exact: Bool) -> Path {
          var next = path
          if oneUnit {
            for k in 0..<min(count, 8) { next.checks.append(Check(offset: offset + k, classIndex: classBit)) }
          }
          if count > 0 {
            if path.boundary == offset, let boundaryBit { next.checks.append(Check(offset: offset - 1, classIndex: boundaryBit)) }
            next.boundary = nil
          }
          next.consumed += count
          next.most = next.most.flatMap { most in exact ? most + count : maximum.map { most + $0 } }
          next.offset = exact && (oneUnit || count == 0) ? offset + count : nil
          return next
        }
        if let maximum, maximum - minimum <= 3 {
          for count in minimum...maximum { result.append(consume(count, exact: true)) }
        } else if oneUnit, minimum >= 1, path.run == nil, lookaround == 0 {
          // The path goes on from the repeat's end, wherever it is (``Run``).
          var next = consume(minimum, exact: true)
          next.run = Run(offset: offset + minimum, word: classBit / SRXUnitClasses.bitsPerWord,
                         mask: 1 << UInt64(classBit % SRXUnitClasses.bitsPerWord), limit: maximum.map { $0 - minimum }, head: next.checks.count)
          next.offset = 0
          next.most = nil
          result.append(next)
        } else {
          result.append(consume(minimum, exact: false))
        }
      }
      return result
    }

    /// `(…)`, `(?:…)`, `(?>…)`, `(?<name>…)` and the look-arounds.
    mutating func group(_ paths: [Path]) -> [Path]? {
      index += 1
      enum Kind { case plain, ahead, notAhead, behind, notBehind }
      var kind = Kind.plain
      if current == "?" {
        index += 1
        switch current {
        case ":", ">": index += 1
        case "=": kind = .ahead; index += 1
        case "!": kind = .notAhead; index += 1
        case "<":
          index += 1
          if current == "=" {
            kind = .behind
            index += 1
          } else if current == "!" {
            kind = .notBehind
            index += 1
          } else {
            // A named group.
            while let x = current, x != ">" { _ = x; index += 1 }
            guard current == ">" else { failed = true; return nil }
            index += 1
          }
        default:
          failed = true  // inline flags and the like
          return nil
        }
      }
      let contentStart = index
      switch kind {
      case .plain:
        // Optional when repeated from zero (seen past its end) or with alternatives.
        var probe = self
        let optionalGroup = !probe.skipGroupContent() || !probe.close() || (probe.quantifier()?.0 ?? 1) == 0 || hasBar(from: contentStart)
        if optionalGroup { optional += 1 }
        guard let inner = alternatives(paths), close() else { return nil }
        if optionalGroup { optional -= 1 }
        let (minimum, maximum) = quantifier() ?? (1, 1)
        if failed { return nil }
        if minimum == 1, maximum == 1 { return inner }
        if minimum == 0, maximum == 1 { return paths + inner }
        // Repeated: the first repetition's checks hold when there is one; where it ends is unknown.
        return (minimum == 0 ? paths : inner).map { path in
          var next = path
          next.offset = nil
          next.most = nil
          return next
        }
      case .ahead:
        // Each open path reads the content from where it stands, and goes on from there after it.
        var result: [Path] = []
        var end: Int?
        for path in paths {
          guard let offset = path.offset else {
            result.append(path)
            continue
          }
          index = contentStart
          optional += 1
          lookaround += 1
          var seed = path
          seed.consumed = 0
          seed.most = 0
          guard let inner = alternatives([seed]) else { return nil }
          optional -= 1
          lookaround -= 1
          end = index
          result += inner.map { inner in
            var next = inner
            next.offset = offset
            next.boundary = path.boundary
            next.consumed = path.consumed
            next.most = path.most
            return next
          }
        }
        if let end {
          index = end
        } else {
          guard skipGroupContent() else { return nil }
        }
        guard close() else { return nil }
        return optionalLookaround(paths, result)
      case .behind where oneCharacterClass() == nil:
        // A look-behind whose every way has a fixed number of characters: checks on the units
        // before, one path per way.
        var ways: [[Check]] = []
        let saved = (failed, gaps)
        optional += 1
        lookaround += 1
        defer { lookaround -= 1 }
        if let inner = alternatives([Path()]), current == ")", !failed, inner.count <= 8, inner.allSatisfy({ $0.offset != nil }) {
          ways = inner.map { way in way.checks.map { $0.moved(by: -way.offset!) } }
        }
        optional -= 1
        (failed, gaps) = saved
        index = contentStart
        if ways.isEmpty, optional == 0, let gap = gapCondition(contentStart, paths) { gaps.append(gap) }
        guard skipGroupContent(), close() else { return nil }
        guard !ways.isEmpty else { return optionalLookaround(paths, paths) }
        let result = paths.flatMap { path -> [Path] in
          guard let offset = path.offset else { return [path] }
          return ways.map { way in
            var next = path
            next.checks += way.map { $0.moved(by: offset) }
            return next
          }
        }
        return optionalLookaround(paths, result)
      case .behind, .notBehind:
        // One character looked at: a check on the unit before.
        let single = oneCharacterClass()
        guard skipGroupContent(), close() else { return nil }
        guard let bit = single else { return optionalLookaround(paths, paths) }
        let result = paths.map { path -> Path in
          guard let offset = path.offset else { return path }
          var next = path
          next.checks.append(Check(offset: offset - 1, classIndex: bit, negated: kind == .notBehind))
          return next
        }
        return optionalLookaround(paths, result)
      case .notAhead:
        guard skipGroupContent(), close() else { return nil }
        return optionalLookaround(paths, paths)
      }
    }

    /// Whether the group content from `start` has `|` at its own level.
    func hasBar(from start: Int) -> Bool {
      var probe = self
      probe.index = start
      var depth = 0
      while let c = probe.current {
        switch c {
        case "\\": probe.index += 2; continue
        case "[": guard probe.skipClass() else { return true }; continue
        case "(": depth += 1
        case ")":
          if depth == 0 { return false }
          depth -= 1
        case "|": if depth == 0 { return true }
        default: break
        }
        probe.index += 1
      }
      return true
    }

    /// For a look-behind content `P G{m,N} S` at `start` (G one character, N large, no `|` at its
    /// level) where every path stands at a known offset, its ``SRXGapCondition``.
    func gapCondition(_ start: Int, _ paths: [Path]) -> SRXGapCondition? {
      let offsets = paths.compactMap(\.offset)
      guard !paths.isEmpty, offsets.count == paths.count, paths.allSatisfy({ $0.run == nil }), !hasBar(from: start) else { return nil }
      // The content's elements, each with its quantifier.
      var probe = self
      probe.index = start
      var elements: [(start: Int, end: Int, single: Bool, quantifier: (Int, Int?)?)] = []
      while let c = probe.current, c != ")" {
        let begin = probe.index
        var single = true
        switch c {
        case "(":
          single = false
          probe.index += 1
          guard probe.skipGroupContent(), probe.close() else { return nil }
        case "[":
          guard probe.skipClass() else { return nil }
        case "\\":
          probe.index += 1
          guard let e = probe.current else { return nil }
          probe.index += 1
          if "pPN".unicodeScalars.contains(e) {
            if probe.current == "{" {
              while let x = probe.current, x != "}" { _ = x; probe.index += 1 }
              guard probe.current == "}" else { return nil }
            }
            probe.index += 1
          } else if "bBAzZG".unicodeScalars.contains(e) {
            single = false
          }
        case "^", "$":
          single = false
          probe.index += 1
        default:
          probe.index += 1
        }
        let end = probe.index
        let quantifier = probe.quantifier()
        if probe.failed { return nil }
        elements.append((begin, end, single, quantifier))
      }
      // G: the one-character element with the largest bounded quantifier (at least 16 apart).
      guard let gapIndex = elements.indices.filter({ k in
        guard elements[k].single, let (low, high) = elements[k].quantifier, let high else { return false }
        return high - low >= 16
      }).max(by: { elements[$0].quantifier!.1! < elements[$1].quantifier!.1! }) else { return nil }
      let gapElement = elements[gapIndex]
      guard let gapClass = classIndex(String(String.UnicodeScalarView(chars[gapElement.start..<gapElement.end]))) else { return nil }
      let beforeEnd = gapElement.start
      let afterStart = gapIndex + 1 < elements.count ? elements[gapIndex + 1].start : probe.index
      // P's starts and widths, S's widths.
      func read(_ range: Range<Int>, checked: Bool) -> [Path]? {
        // S only gives widths: its classes need no bits.
        var sub = Parser(chars: Array(chars[range]), classIndex: checked ? classIndex : { _ in 0 })
        sub.lookaround = 1
        guard let result = sub.alternatives([Path()]), sub.index == sub.chars.count, !sub.failed else { return nil }
        return result
      }
      guard let before = read(start..<beforeEnd, checked: true), let after = read(afterStart..<probe.index, checked: false),
        let beforeMost = before.map(\.most).reduce(Optional(0), { a, b in a.flatMap { a in b.map { max(a, $0) } } }),
        let afterMost = after.map(\.most).reduce(Optional(0), { a, b in a.flatMap { a in b.map { max(a, $0) } } }),
        let beforeLeast = before.map(\.consumed).min(), let afterLeast = after.map(\.consumed).min(),
        before.allSatisfy({ $0.consumed >= 1 }),
        let starts = SRXCandidateFilter(paths: before.map(\.checks))
      else { return nil }
      let (low, high) = gapElement.quantifier!
      return SRXGapCondition(
        start: starts, gapWord: gapClass / SRXUnitClasses.bitsPerWord, gapMask: 1 << UInt64(gapClass % SRXUnitClasses.bitsPerWord),
        gap: low...high!, before: beforeLeast...beforeMost, after: afterLeast...afterMost, offsets: offsets.min()!...offsets.max()!)
    }

    /// A look-around with a quantifier that allows none adds nothing.
    mutating func optionalLookaround(_ paths: [Path], _ result: [Path]) -> [Path]? {
      guard let (minimum, _) = quantifier() else { return failed ? nil : result }
      if failed { return nil }
      return minimum == 0 ? paths : result
    }

    /// The class bit of a look-behind's content when it is exactly one character element
    /// without quantifier (index left at the content's start).
    mutating func oneCharacterClass() -> Int? {
      let begin = index
      defer { index = begin }
      guard let c = current else { return nil }
      switch c {
      case "[":
        guard skipClass() else { return nil }
      case "\\":
        index += 1
        guard let e = current else { return nil }
        index += 1
        switch e {
        case "p", "P":
          guard skipPropertyName() else { return nil }
        case "s", "S", "d", "D", "w", "W", "h", "H", "n", "t", "r", "f":
          break
        default:
          if e.isASCII, e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
        }
      case "(", ")", "|", "*", "+", "?", "{", ".", "^", "$":
        return nil
      default:
        guard c.value <= 0xFFFF else { return nil }
        index += 1
      }
      guard current == ")" else { return nil }
      return classIndex(String(String.UnicodeScalarView(chars[begin..<index])))
    }

    /// After `\p`, `\P` or `\N`: skips the name, `{…}` or one letter; false at the pattern's end.
    mutating func skipPropertyName() -> Bool {
      if current == "{" {
        while let x = current, x != "}" { _ = x; index += 1 }
        guard current == "}" else { return false }
      } else {
        guard current != nil else { return false }
      }
      index += 1
      return true
    }

    /// Skips to the `)` that closes the current group (not consumed).
    mutating func skipGroupContent() -> Bool {
      var depth = 0
      while let c = current {
        switch c {
        case "\\": index += 2; continue
        case "[": guard skipClass() else { return false }; continue
        case "(": depth += 1
        case ")":
          if depth == 0 { return true }
          depth -= 1
        default: break
        }
        index += 1
      }
      failed = true
      return false
    }

    mutating func close() -> Bool {
      guard current == ")" else { failed = true; return false }
      index += 1
      return true
    }

    /// Skips `[…]` with nested sets and escapes (at `[`). A class that could hold strings
    /// (`\q{…}`, `{…}`) fails: its matches might not be one character.
    mutating func skipClass() -> Bool {
      var depth = 0
      while let c = current {
        index += 1
        switch c {
        case "\\":
          guard let e = current else { failed = true; return false }
          index += 1
          if e == "q" { failed = true; return false }
          if e == "p" || e == "P" || e == "N" || e == "x", current == "{" {
            while let x = current, x != "}" { _ = x; index += 1 }
            guard current == "}" else { failed = true; return false }
            index += 1
          }
        case "[":
          depth += 1
          if current == "^" { index += 1 }
          if current == "]" { failed = true; return false }
        case "]":
          depth -= 1
          if depth == 0 { return true }
        case "{":
          failed = true
          return false
        default:
          break
        }
      }
      failed = true
      return false
    }

    /// A quantifier, if one follows: its minimum and maximum (nil: unbounded).
    mutating func quantifier() -> (Int, Int?)? {
      guard let c = current else { return nil }
      var result: (Int, Int?)
      switch c {
      case "*": result = (0, nil); index += 1
      case "+": result = (1, nil); index += 1
      case "?": result = (0, 1); index += 1
      case "{":
        var j = index + 1
        func number() -> Int? {
          var digits = ""
          while j < chars.count, ("0"..."9").contains(chars[j]) { digits.unicodeScalars.append(chars[j]); j += 1 }
          return digits.isEmpty ? nil : Int(digits)
        }
        guard let low = number() else { failed = true; return nil }
        var high: Int? = low
        if j < chars.count, chars[j] == "," {
          j += 1
          high = number()
        }
        guard j < chars.count, chars[j] == "}" else { failed = true; return nil }
        index = j + 1
        result = (low, high)
      default:
        return nil
      }
      if let m = current, m == "?" || m == "+" { index += 1 }
      return result
    }
  }
}
