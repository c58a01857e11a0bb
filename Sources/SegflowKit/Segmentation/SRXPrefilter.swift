import SegflowICU

/// A cheap test that tells, for a whole block, that a rule's pattern cannot match anywhere in it,
/// so the block is not scanned with the rule at all.
///
/// The test is derived from the pattern conservatively: each element at the top level of a
/// pattern that must consume at least one character (no `|` at the top level, quantifier minimum
/// at least 1) and is a literal character or a class of literal characters and ranges gives a set
/// of UTF-16 units; every match contains one unit of each such set, so a block that lacks all the
/// units of one set has no match. Anything the parser does not understand (inline flags, `\Q`,
/// `\x`, properties in a required class, …) just gives no set for that element.
///
/// Patterns with a quantified group that itself holds a quantifier or `|` get no prefilter: they
/// may backtrack catastrophically, and a block must run out of time exactly as without the
/// prefilter.
struct SRXPrefilter {
  /// Sets of UTF-16 units; a block may hold a match only if it contains a unit of every set.
  let required: [Set<UInt16>]
  /// For a `beforebreak` of the bracket rules' shape, what its look-behind needs (see
  /// ``OpenerCondition``); nil for other rules.
  let opener: OpenerCondition?

  /// The prefilter for a rule, nil when nothing can be derived.
  init?(rule: SRXRule) {
    let parts = [rule.beforeBreak, rule.afterBreak].filter { !$0.isEmpty }
    var required: [Set<UInt16>] = []
    for part in parts {
      guard let sets = Self.requiredSets(part) else { return nil }
      required += sets
    }
    guard !required.isEmpty else { return nil }
    self.required = required
    opener = OpenerCondition(pattern: rule.beforeBreak)
  }

  /// A match of `[C](?<=P O B{0,N}[D])…` starts on a character of C and D that has, at most N
  /// repetitions of B back, an opening mark O still open: the bracket and quote rules
  /// (`[。！？…](?<=“[^“”\n]{0,200}[。！？…])…`, `[.!?](?<=(?:^|[\s(\[])['‘`](?:[^'‘’`\n]|['’]\p{L}){0,300}[.!?])…`)
  /// can only match after an opening mark that is still open. O is a literal or a class of
  /// literals; B either `[^X]` (X literals) or a group of alternatives of one-character elements;
  /// the characters no repetition of B can hold close the mark (for `[^X]`: X); P, if given as
  /// `(?:^|[…])`, is what must come before O (the start of the text or one of those characters),
  /// any other P is ignored. A block where no character is in that position cannot match, so it
  /// is not scanned (ICU's bounded look-behind would try every start offset at every full stop).
  struct OpenerCondition: Equatable {
    /// C ∩ D: the units a match can start with.
    let starts: Set<UInt16>
    /// O.
    let openers: Set<UInt16>
    /// The units the look-behind cannot cross: for `[^X]`, X.
    let stops: Set<UInt16>
    /// N times the most characters one repetition of B takes.
    let maxGap: Int
    /// Per UTF-16 unit: 1 in `starts`, 2 in `stops`, 4 a low surrogate, 8 an opening mark, 16
    /// cannot come before one, 32 allowed in B only before a unit with 64 (hashing the sets for
    /// every unit of a block cost more than the scans it saved).
    private let kinds: [UInt8]
    /// Every opening mark is a stop, and no unit has 16 or 32.
    private let plain: Bool

    static func == (a: Self, b: Self) -> Bool {
      a.starts == b.starts && a.openers == b.openers && a.stops == b.stops && a.maxGap == b.maxGap && a.kinds == b.kinds
    }

    init?(pattern: String) {
      var parser = Parser(chars: Array(pattern.unicodeScalars))
      guard parser.current == "[", let first = parser.characterClass().flatMap(\.units), parser.take("(?<=") else { return nil }
      // P: `(?:^|[…])` gives the characters before O; any other group is passed over, unless B
      // follows it: then O is the last character of each of its alternatives
      // (`(?:https?://|www\.)[^\s]{0,200}`).
      var before: [Bool]?
      var groupOpeners: Set<UInt16>?
      if parser.current == "(" {
        let groupStart = parser.index
        guard parser.element() != nil, parser.chars[parser.index - 1] == ")" else { return nil }
        let alternatives = parser.lastAlternatives
        let group = String(String.UnicodeScalarView(parser.chars[groupStart..<parser.index]))
        if group.hasPrefix("(?:^|"), group.hasSuffix(")") {
          let inner = String(group.dropFirst(5).dropLast())
          var check = Parser(chars: Array(inner.unicodeScalars))
          if check.element() != nil, check.index == check.chars.count, !check.unsafe { before = Self.members(of: inner) }
        } else if parser.current == "(" || (parser.current == "[" && parser.index + 1 < parser.chars.count && parser.chars[parser.index + 1] == "^") {
          var lasts = Set<UInt16>()
          for alternative in alternatives {
            guard let last = alternative.last, !last.isGroup, !last.quantified, last.minimum == 1, let units = last.units else { return nil }
            lasts.formUnion(units)
          }
          groupOpeners = lasts
        }
      }
      let openers: Set<UInt16>
      if let groupOpeners {
        openers = groupOpeners
      } else {
        guard let open = parser.element(), !open.isGroup, let units = open.units, !units.isEmpty else { return nil }
        openers = units
      }
      // B: `[^X]`, or alternatives of one-character elements.
      var stops: Set<UInt16>
      var width = 1
      var stopTable: [Bool]?
      // Units allowed only before one of `followers` (`'` in `['’]\p{L}`), and those.
      var conditional: [Bool]?
      var followers: [Bool]?
      if parser.current == "[" {
        let classStart = parser.index
        if let excluded = parser.negatedClassUnits() {
          stops = excluded
        } else {
          // `[^\s]` and the like: ICU says what it holds.
          parser.index = classStart
          guard parser.characterClass() != nil,
            let member = Self.members(of: String(String.UnicodeScalarView(parser.chars[classStart..<parser.index])))
          else { return nil }
          (stops, stopTable) = Self.complement(of: member)
        }
      } else if parser.take("(?:") {
        var alternatives: [[[Bool]]] = [[]]
        while let c = parser.current, c != ")" {
          if c == "|" {
            parser.index += 1
            alternatives.append([])
            continue
          }
          let start = parser.index
          guard let element = parser.element(), !element.isGroup, element.minimum >= 1 else { return nil }
          if let next = parser.current, "*+?{".unicodeScalars.contains(next) { return nil }
          guard let units = Self.members(of: String(String.UnicodeScalarView(parser.chars[start..<parser.index]))) else { return nil }
          alternatives[alternatives.count - 1].append(units)
          width = max(width, alternatives[alternatives.count - 1].count)
        }
        guard parser.take(")"), alternatives.allSatisfy({ !$0.isEmpty }) else { return nil }
        // A unit no element can match closes the mark; one that only starts an alternative of
        // two or more closes it unless the next unit can be that alternative's second.
        var member = [Bool](repeating: false, count: 0x10000)
        var anywhere = [Bool](repeating: false, count: 0x10000)
        var leading = [Bool](repeating: false, count: 0x10000)
        var second = [Bool](repeating: false, count: 0x10000)
        for alternative in alternatives {
          for (position, units) in alternative.enumerated() {
            for unit in 0..<0x10000 where units[unit] {
              member[unit] = true
              if position > 0 || alternative.count == 1 { anywhere[unit] = true } else { leading[unit] = true }
              if position == 1 { second[unit] = true }
            }
          }
        }
        conditional = (0..<0x10000).map { leading[$0] && !anywhere[$0] }
        followers = second
        (stops, stopTable) = Self.complement(of: member)
      } else {
        return nil
      }
      guard parser.take("{0,"), let repeats = parser.number(), parser.take("}"),
        parser.current == "[", let last = parser.characterClass().flatMap(\.units), parser.take(")"), !parser.unsafe
      else { return nil }
      self.starts = first.intersection(last)
      self.openers = openers
      self.stops = stops
      self.maxGap = repeats * width
      var kinds = [UInt8](repeating: 0, count: 0x10000)
      for unit in starts { kinds[Int(unit)] |= 1 }
      if let stopTable {
        for unit in 0..<0x10000 where stopTable[unit] { kinds[unit] |= 2 }
      } else {
        for unit in stops { kinds[Int(unit)] |= 2 }
      }
      for unit in 0xDC00...0xDFFF { kinds[unit] |= 4 }
      for unit in openers { kinds[Int(unit)] |= 8 }
      if let conditional, let followers {
        for unit in 0..<0x10000 {
          if conditional[unit] { kinds[unit] |= 32 }
          // A surrogate may start or end a follower outside the BMP.
          if followers[unit] || (0xD800...0xDFFF).contains(unit) { kinds[unit] |= 64 }
        }
      }
      if let before {
        // A low surrogate before an opening mark may end a character of P's class: never barred.
        for unit in 0..<0x10000 where !before[unit] && !(0xDC00...0xDFFF).contains(unit) { kinds[unit] |= 16 }
      }
      self.kinds = kinds
      plain = openers.isSubset(of: stops) && before == nil && conditional == nil
    }

    /// The BMP units (surrogates aside) that `member` leaves out, as a set and as a table: the
    /// units that close a mark.
    static func complement(of member: [Bool]) -> (units: Set<UInt16>, table: [Bool]) {
      var table = [Bool](repeating: false, count: 0x10000)
      var units: Set<UInt16> = []
      for unit in 0..<0x10000 where !member[unit] && !(0xD800...0xDFFF).contains(unit) {
        table[unit] = true
        units.insert(UInt16(unit))
      }
      return (units, table)
    }

    /// The BMP units (surrogates aside) the one-character pattern `element` matches, by ICU;
    /// asked once per element for the process (``SRXMemberCache``).
    static func members(of element: String) -> [Bool]? {
      SRXMemberCache.shared.members(of: element) { computeMembers(of: element) }
    }

    /// ``members(of:)`` by ICU, over a text of every BMP unit. An element that always matches
    /// exactly one code point is searched as runs, `(?:E)+`: ICU then reads each run in its
    /// matching loop instead of starting a search at every unit (the English rules' six elements
    /// cost some 24 M instructions each unit by unit, at every process start).
    static func computeMembers(of element: String) -> [Bool]? {
      let asRuns = matchesOneCodePoint(element)
      guard let regex = try? ICURegex(asRuns ? "(?:" + element + ")+" : element) else { return nil }
      var text: [UInt16] = []
      text.reserveCapacity(0x10000 - 0x800)
      for unit in 0..<0x10000 where !(0xD800...0xDFFF).contains(unit) { text.append(UInt16(unit)) }
      var result = [Bool](repeating: false, count: 0x10000)
      do {
        try regex.setText(text)
        for range in try regex.matches(from: 0) {
          guard asRuns || range.count == 1 else { return nil }
          for index in range { result[Int(text[index])] = true }
        }
      } catch {
        return nil
      }
      return result
    }

    /// Whether `element` is a set (`[…]`), a property (`\p{…}`, `\P{…}`) or one of `\s \S \d \D
    /// \w \W`: in an ICU regex without flags each matches one code point, never more.
    static func matchesOneCodePoint(_ element: String) -> Bool {
      let chars = Array(element.unicodeScalars)
      if chars.first == "[" {
        var parser = Parser(chars: chars)
        return parser.characterClass() != nil && parser.index == chars.count && !parser.unsafe
      }
      guard chars.count >= 2, chars[0] == "\\" else { return false }
      if chars.count == 2 { return "sSdDwW".unicodeScalars.contains(chars[1]) }
      return (chars[1] == "p" || chars[1] == "P") && chars[2] == "{" && chars.last == "}"
        && chars[3..<(chars.count - 1)].allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_ =:.-".unicodeScalars.contains($0)) }
    }

    /// What the look-behind can see at a position, carried left to right over a block.
    struct Scan {
      /// The units before this one are read.
      var position = 0
      /// An opening mark came after the last stop.
      var open = false
      /// Characters since the last opening mark (low surrogates not counted: at most the true
      /// count).
      var gap = 0
      /// The kind of the unit before (at the start of the text: none, which P allows).
      var previous: UInt8 = 0
      /// The unit before opened the mark (it is O, not part of B).
      var opened = false

      /// Whether the mark is open for a unit of kind `kind`: the unit before, if it may only come
      /// before certain units, must have one of them next.
      @inline(__always)
      func isOpen(before kind: UInt8) -> Bool {
        open && !(previous & 32 != 0 && !opened && kind & 64 == 0)
      }

      @inline(__always)
      mutating func read(_ kind: UInt8) {
        open = isOpen(before: kind)
        if kind & 8 != 0, previous & 16 == 0 {
          open = true
          gap = 0
          opened = true
        } else {
          if kind & 2 != 0 {
            open = false
            gap = 0
          } else if kind & 4 == 0 {
            gap += 1
          }
          opened = false
        }
        previous = kind
        position += 1
      }
    }

    /// The units the plain form of ``holds(in:)`` reacts to (those with a kind other than a low
    /// surrogate's alone, low surrogates aside), when the condition is plain and they are few;
    /// nil otherwise. Any other unit only lengthens the gap, so with these marked in a block's
    /// ``SRXPrefilterTable`` events the condition is tested on the events alone
    /// (``holds(in:events:)``).
    var markedUnits: [UInt16]? {
      // A plain condition's kinds are those of `starts`, `stops` and `openers` (and low
      // surrogates); a class like `[^\s]` makes nearly every unit a stop.
      guard plain, stops.count <= 512 else { return nil }
      return Array(starts.union(stops).union(openers))
    }

    /// ``holds(in:)`` for a plain condition (``markedUnits`` not nil) read at `events` alone: the
    /// positions of `units`, ascending, of every unit in ``markedUnits`` and every low surrogate
    /// (others may be among them). The units between two events are of no kind: each adds one
    /// to the gap, as the loop over every unit counts them.
    func holds(in units: [UInt16], events: UnsafeBufferPointer<Int>) -> Bool {
      var open = false
      var gap = 0
      var previous = -1
      return kinds.withUnsafeBufferPointer { kinds in
        units.withUnsafeBufferPointer { units in
          for position in events {
            gap += position - previous - 1
            previous = position
            if plainStep(kinds[Int(units[position])], open: &open, gap: &gap) { return true }
          }
          return false
        }
      }
    }

    /// One unit of a plain condition's scan, of kind `kind`: true when it is a stop reached with
    /// the condition open and the gap small enough; otherwise an opener or closer sets `open`
    /// and restarts the gap, and a unit of no kind lengthens it.
    @inline(__always)
    private func plainStep(_ kind: UInt8, open: inout Bool, gap: inout Int) -> Bool {
      if kind & 1 != 0, open, gap <= maxGap { return true }
      if kind & 2 != 0 {
        open = kind & 8 != 0
        gap = 0
      } else if kind & 4 == 0 {
        gap += 1
      }
      return false
    }

    /// Whether some position of `units` satisfies the condition (false: no match in the block).
    func holds(in units: [UInt16]) -> Bool {
      if plain {
        // O a single stop, nothing required before it, no unit allowed only before others (the
        // CJK bracket rules): the shorter loop.
        var open = false
        var gap = 0
        return kinds.withUnsafeBufferPointer { kinds in
          units.withUnsafeBufferPointer { units in
            for unit in units where plainStep(kinds[Int(unit)], open: &open, gap: &gap) { return true }
            return false
          }
        }
      }
      var scan = Scan()
      return kinds.withUnsafeBufferPointer { kinds in
        units.withUnsafeBufferPointer { units in
          var index = 0
          while index < units.count {
            if !scan.open {
              // Closed, only an opening mark can open it (reading any other unit keeps it closed
              // and allows no start): the units up to the next one are passed over, the last of
              // them kept as the one before it. English text is mostly closed stretches, which
              // cost some 26 instructions a unit read one by one.
              var next = index
              while next < units.count, kinds[Int(units[next])] & 8 == 0 { next += 1 }
              guard next < units.count else { return false }
              if next > index {
                scan.previous = kinds[Int(units[next - 1])]
                scan.opened = false
                scan.position = next
              }
              index = next
            }
            let kind = kinds[Int(units[index])]
            if kind & 1 != 0, scan.isOpen(before: kind), scan.gap <= maxGap { return true }
            scan.read(kind)
            index += 1
          }
          return false
        }
      }
    }

    /// Whether a match may start at `position` of `units` (false: it certainly does not), the
    /// units before it read into `scan` (positions asked in ascending order, from a fresh
    /// ``Scan`` per block). The per-position form of ``holds(in:)``: ICU's look-behind tries
    /// every start offset back to the opening mark, so a full stop outside any open quote costs a
    /// long failed match.
    func mayStart(at position: Int, in units: [UInt16], scan: inout Scan) -> Bool {
      kinds.withUnsafeBufferPointer { kinds in
        while scan.position < position { scan.read(kinds[Int(units[scan.position])]) }
        let kind = kinds[Int(units[position])]
        return kind & 1 != 0 && scan.isOpen(before: kind) && scan.gap <= maxGap
      }
    }
  }

  /// The required sets of `pattern`; nil when the pattern must not be prefiltered at all (see
  /// the type's comment), an empty array when nothing can be derived.
  static func requiredSets(_ pattern: String) -> [Set<UInt16>]? {
    let chars = Array(pattern.unicodeScalars)
    var parser = Parser(chars: chars)
    guard let tokens = parser.sequence(depth: 0), parser.index == chars.count else { return nil }
    if parser.unsafe { return nil }
    if parser.topLevelAlternation { return [] }
    return Self.required(tokens)
  }

  /// The units every match of `pattern` starts with, when its first element is a literal
  /// character or a class of literal characters and ranges that must match (no `|` at the top
  /// level, minimum at least 1); nil otherwise, and for patterns that must not be prefiltered.
  ///
  /// ICU's own scan for the start of a match tests every character against a `UnicodeSet` (a
  /// binary search); with these units the segmenter finds the candidates itself and asks ICU
  /// only there (``SRXSegmenter``).
  static func startUnits(_ pattern: String) -> Set<UInt16>? {
    leadingUnits(pattern)?.starts
  }

  /// Whether alternatives are one-character elements without quantifiers (at least one each) whose
  /// first characters are pairwise distinct: known literal sets that do not meet, or a literal
  /// set inside what a `[^…]` excludes.
  static func isDeterministic(_ alternatives: [[Token]]) -> Bool {
    guard alternatives.count >= 2,
      alternatives.allSatisfy({ !$0.isEmpty && $0.allSatisfy { !$0.isGroup && !$0.quantified && $0.minimum == 1 } })
    else { return false }
    let firsts = alternatives.map { $0[0] }
    for i in firsts.indices {
      for j in firsts.indices where j > i {
        let (a, b) = (firsts[i], firsts[j])
        if let x = a.units, let y = b.units, x.isDisjoint(with: y) { continue }
        if let x = a.excluded, let y = b.units, y.isSubset(of: x) { continue }
        if let x = a.units, let y = b.excluded, x.isSubset(of: y) { continue }
        return false
      }
    }
    return true
  }

  /// Whether repeating the group `body` (one alternative) cannot backtrack badly because every
  /// repetition is delimited: it starts with a literal (`\[`, a space) that nothing else in it
  /// can match, so repetitions can only begin at those characters, and a quantified element is
  /// followed by a literal it cannot match, so it has one way to end. The footnote rules'
  /// `(?:\[\d{1,3}\])+` and `(?: \d{1,3})*`. Elements are one character each (literals, classes
  /// ICU is asked about, `[^…]`); anything else says no.
  static func isDelimited(_ body: [Token]) -> Bool {
    guard body.count >= 2, let first = body.first, !first.isGroup, !first.quantified, first.minimum == 1, let opening = first.units,
      body.allSatisfy({ !$0.isGroup && ($0.units != nil || $0.excluded != nil || $0.classPattern != nil) })
    else { return false }
    for (position, token) in body.enumerated().dropFirst() {
      guard opening.allSatisfy({ canMatch(token, $0) == false }) else { return false }
      guard token.quantified else { continue }
      // A quantified last element ends where the next repetition's opening or what follows the
      // group begins; otherwise the next element must be a literal it cannot match.
      guard position + 1 < body.count else { continue }
      let next = body[position + 1]
      guard !next.quantified, next.minimum == 1, let units = next.units, units.allSatisfy({ canMatch(token, $0) == false }) else { return false }
    }
    return true
  }

  /// Whether the one-character element `token` matches the unit `unit`; nil when unknown.
  static func canMatch(_ token: Token, _ unit: UInt16) -> Bool? {
    if let units = token.units { return units.contains(unit) }
    if let excluded = token.excluded { return !excluded.contains(unit) }
    guard let pattern = token.classPattern, !(0xD800...0xDFFF).contains(unit), let regex = try? ICURegex(pattern) else { return nil }
    do {
      try regex.setText([unit])
      return try regex.match(at: 0, limit: 1) != nil
    } catch {
      return nil
    }
  }

  /// The sets of the mandatory elements of a sequence, those inside its groups included.
  static func required(_ tokens: [Token]) -> [Set<UInt16>] {
    tokens.flatMap { token -> [Set<UInt16>] in
      guard token.minimum >= 1 else { return [] }
      return (token.units.map { [$0] } ?? []) + token.inner
    }
  }

  struct Token {
    /// The units the element consumes, nil when unknown or not a simple literal.
    var units: Set<UInt16>?
    var minimum: Int = 1
    /// True for a group whose content has a quantifier or `|`.
    var complex = false
    var isGroup = false
    /// For a group without `|` at its own level (a positive look-around included): the sets its
    /// content requires.
    var inner: [Set<UInt16>] = []
    /// Followed by a quantifier.
    var quantified = false
    /// For `[^…]` of literal characters: the units it excludes.
    var excluded: Set<UInt16>?
    /// For an element that matches exactly one character and is not a literal (`\d`, `\p{L}`,
    /// `.`, `[…]`): its text, so ICU can be asked which units it matches.
    var classPattern: String?
    /// For a group: its alternatives are one-character elements without quantifiers, and the
    /// first characters of any two cannot be the same (`(?:[^'’\n]|['’]\p{L})`): repeating it
    /// cannot backtrack badly, as each repetition has at most one way to match.
    var deterministic = false
  }

  struct Parser {
    let chars: [Unicode.Scalar]
    var index = 0
    var unsafe = false
    var topLevelAlternation = false
    /// Whether the last parsed sequence had `|` at its own level.
    var sawBar = false
    /// Whether the last parsed sequence had a quantifier or `|` (for nested checks).
    var sawQuantifierOrBar = false
    /// The alternatives of the last parsed sequence.
    var lastAlternatives: [[Token]] = []

    init(chars: [Unicode.Scalar]) { self.chars = chars }

    var current: Unicode.Scalar? { index < chars.count ? chars[index] : nil }

    /// Parses elements up to a `)` at this depth (not consumed) or the end.
    mutating func sequence(depth: Int) -> [Token]? {
      var tokens: [Token] = []
      var alternatives: [[Token]] = [[]]
      var quantifiedOrBar = false
      var bar = false
      while let c = current, c != ")" {
        if c == "|" {
          if depth == 0 { topLevelAlternation = true }
          quantifiedOrBar = true
          bar = true
          index += 1
          alternatives.append([])
          continue
        }
        guard var token = element() else { return nil }
        if token.complex { quantifiedOrBar = true }
        if let minimum = quantifier() {
          quantifiedOrBar = true
          token.minimum = minimum
          token.quantified = true
          if token.isGroup && token.complex && !token.deterministic { unsafe = true }
        }
        tokens.append(token)
        alternatives[alternatives.count - 1].append(token)
      }
      sawQuantifierOrBar = quantifiedOrBar
      sawBar = bar
      lastAlternatives = alternatives
      return tokens
    }

    /// Reads a quantifier if one follows; returns its minimum.
    mutating func quantifier() -> Int? {
      guard let c = current else { return nil }
      var minimum: Int
      switch c {
      case "*": minimum = 0; index += 1
      case "?": minimum = 0; index += 1
      case "+": minimum = 1; index += 1
      case "{":
        var j = index + 1
        var digits = ""
        while j < chars.count, chars[j].properties.numericType != nil, chars[j].isASCII { digits.unicodeScalars.append(chars[j]); j += 1 }
        guard !digits.isEmpty, j < chars.count, chars[j] == "," || chars[j] == "}" else { return nil }
        while j < chars.count, chars[j] != "}" { j += 1 }
        guard j < chars.count else { unsafe = true; return nil }
        minimum = Int(digits) ?? 0
        index = j + 1
      default: return nil
      }
      // Lazy or possessive.
      if let m = current, m == "?" || m == "+" { index += 1 }
      return minimum
    }

    /// One element: a group, a class, an escape, `.`, an anchor or a literal.
    mutating func element() -> Token? {
      guard let c = current else { return nil }
      switch c {
      case "(":
        index += 1
        var consumes = true
        var positive = true
        if current == "?" {
          index += 1
          guard let kind = current else { return nil }
          switch kind {
          case ":": index += 1
          case "=", "!": positive = kind == "="; index += 1; consumes = false
          case "<":
            index += 1
            guard let next = current, next == "=" || next == "!" else { unsafe = true; return nil }
            positive = next == "="
            index += 1
            consumes = false
          case ">": index += 1
          default: unsafe = true; return nil  // inline flags and the like
          }
        }
        guard let content = sequence(depth: 1), current == ")" else { unsafe = true; return nil }
        let complex = sawQuantifierOrBar
        let inner = positive && !sawBar ? SRXPrefilter.required(content) : []
        let deterministic = consumes
          && (SRXPrefilter.isDeterministic(lastAlternatives) || (lastAlternatives.count == 1 && SRXPrefilter.isDelimited(lastAlternatives[0])))
        index += 1
        // A look-around consumes nothing, but a positive one must still match in the text.
        var token = Token(units: nil, minimum: consumes || positive ? 1 : 0, complex: complex, isGroup: true, inner: inner)
        token.deterministic = deterministic
        return token
      case "[":
        let start = index
        var token = characterClass()
        token?.classPattern = String(String.UnicodeScalarView(chars[start..<index]))
        return token
      case "\\":
        let start = index
        index += 1
        guard let e = current else { unsafe = true; return nil }
        index += 1
        if e.isASCII, e.properties.isAlphabetic || e.properties.numericType != nil {
          switch e {
          case "p", "P", "N":
            // \p{…}, or a one-letter name.
            if current == "{" {
              while let x = current, x != "}" { _ = x; index += 1 }
              guard current == "}" else { unsafe = true; return nil }
              index += 1
            } else {
              index += 1
            }
            var token = Token(units: nil)
            if e != "N" { token.classPattern = String(String.UnicodeScalarView(chars[start..<index])) }
            return token
          case "b", "B", "A", "z", "Z", "G":
            return Token(units: nil, minimum: 0)
          case "s", "S", "w", "W", "d", "D", "h", "H", "v", "V":
            var token = Token(units: nil)
            token.classPattern = String(String.UnicodeScalarView(chars[start..<index]))
            return token
          case "R", "X":
            // A line break or a grapheme cluster: may be more than one character.
            return Token(units: nil)
          default:
            if let control = Self.control(e) { return literal(control) }
            // \x, \u, \Q, back references, octal … : not understood.
            unsafe = true
            return nil
          }
        }
        return literal(e)
      case ".":
        index += 1
        var token = Token(units: nil)
        token.classPattern = "."
        return token
      case "^", "$":
        index += 1
        return Token(units: nil, minimum: 0)
      case "*", "+", "?", "{", "]", "}":
        // A quantifier or bracket without an element: leave it to ICU.
        unsafe = true
        return nil
      default:
        index += 1
        return literal(c)
      }
    }

    /// `\n`, `\t` and the like.
    static func control(_ e: Unicode.Scalar) -> Unicode.Scalar? {
      switch e {
      case "n": return "\n"
      case "t": return "\t"
      case "r": return "\r"
      case "f": return "\u{0C}"
      case "a": return "\u{07}"
      case "e": return "\u{1B}"
      default: return nil
      }
    }

    func literal(_ c: Unicode.Scalar) -> Token {
      guard c.value <= 0xFFFF, !(0xD800...0xDFFF).contains(c.value) else { return Token(units: nil) }
      return Token(units: [UInt16(c.value)])
    }

    /// `[…]`: the set of its units when it holds only literal characters and ranges.
    mutating func characterClass() -> Token? {
      index += 1
      var simple = true
      var members: [Unicode.Scalar] = []
      var ranges: [ClosedRange<UInt32>] = []
      var first = true
      var negated = false
      var literalsOnly = true
      if current == "^" { simple = false; negated = true; index += 1 }
      if current == "]" { unsafe = true; return nil }
      while let c = current {
        if c == "]" && !first { break }
        first = false
        var scalar: Unicode.Scalar
        if c == "[" {
          // A nested set: skip it.
          simple = false
          literalsOnly = false
          guard skipNestedClass() else { return nil }
          continue
        } else if c == "\\" {
          index += 1
          guard let e = current else { unsafe = true; return nil }
          index += 1
          if e.isASCII, e.properties.isAlphabetic || e.properties.numericType != nil {
            if Self.control(e) == nil {
              simple = false
              literalsOnly = false
            }
            if e == "p" || e == "P" || e == "N" || e == "x" || e == "u" || e == "U" {
              if current == "{" {
                while let x = current, x != "}" { _ = x; index += 1 }
                guard current == "}" else { unsafe = true; return nil }
                index += 1
              } else if e == "p" || e == "P" {
                index += 1
              } else {
                unsafe = true
                return nil
              }
              continue
            } else if "sSwWdDhHvV".unicodeScalars.contains(e) {
              continue
            } else if let control = Self.control(e) {
              scalar = control
            } else {
              unsafe = true
              return nil
            }
          } else {
            scalar = e
          }
        } else if c == "&" && index + 1 < chars.count && chars[index + 1] == "&" {
          simple = false
          literalsOnly = false
          index += 2
          continue
        } else {
          index += 1
          scalar = c
        }
        // A range?
        if current == "-", index + 1 < chars.count, chars[index + 1] != "]" {
          var j = index + 1
          var upper = chars[j]
          if upper == "[" { simple = false; literalsOnly = false; members.append(scalar); continue }
          if upper == "\\" {
            guard j + 1 < chars.count else { unsafe = true; return nil }
            upper = chars[j + 1]
            if upper.isASCII, upper.properties.isAlphabetic || upper.properties.numericType != nil { unsafe = true; return nil }
            j += 1
          }
          index = j + 1
          guard scalar.value <= upper.value else { unsafe = true; return nil }
          ranges.append(scalar.value...upper.value)
        } else {
          members.append(scalar)
        }
      }
      guard current == "]" else { unsafe = true; return nil }
      index += 1
      if negated, literalsOnly {
        // `[^…]` of literals: what it excludes.
        var excluded = Set<UInt16>()
        for m in members where m.value <= 0xFFFF { excluded.insert(UInt16(m.value)) }
        for r in ranges where r.upperBound <= 0xFFFF && r.count <= 4096 { for v in r { excluded.insert(UInt16(v)) } }
        if members.allSatisfy({ $0.value <= 0xFFFF }), ranges.allSatisfy({ $0.upperBound <= 0xFFFF && $0.count <= 4096 }) {
          var token = Token(units: nil)
          token.excluded = excluded
          return token
        }
      }
      guard simple else { return Token(units: nil) }
      var units = Set<UInt16>()
      for m in members {
        guard m.value <= 0xFFFF else { return Token(units: nil) }
        units.insert(UInt16(m.value))
      }
      for r in ranges {
        guard r.upperBound <= 0xFFFF, r.count <= 4096, !r.overlaps(0xD800...0xDFFF) else { return Token(units: nil) }
        for v in r { units.insert(UInt16(v)) }
      }
      return Token(units: units)
    }

    /// Consumes `text` when the pattern continues with it.
    mutating func take(_ text: String) -> Bool {
      let expected = Array(text.unicodeScalars)
      guard index + expected.count <= chars.count, Array(chars[index..<(index + expected.count)]) == expected else { return false }
      index += expected.count
      return true
    }

    /// A decimal number.
    mutating func number() -> Int? {
      var digits = ""
      while let c = current, ("0"..."9").contains(c) {
        digits.unicodeScalars.append(c)
        index += 1
      }
      return Int(digits)
    }

    /// `[^…]` of literal characters and ranges (at `[`): the units it excludes.
    mutating func negatedClassUnits() -> Set<UInt16>? {
      guard current == "[", index + 1 < chars.count, chars[index + 1] == "^" else { return nil }
      var inner = Parser(chars: ["["] + chars[(index + 2)...])
      guard let units = inner.characterClass()?.units, !inner.unsafe else { return nil }
      index += inner.index + 1
      return units
    }

    /// Skips a nested `[…]` (at `[`); false when it does not end.
    mutating func skipNestedClass() -> Bool {
      var depth = 0
      while let c = current {
        index += 1
        if c == "\\" { index += 1; continue }
        if c == "[" { depth += 1 }
        if c == "]" { depth -= 1; if depth == 0 { return true } }
      }
      unsafe = true
      return false
    }
  }
}

/// The prefilters of a rule list, checked together in one pass over a block.
struct SRXPrefilterTable {
  /// UTF-16 unit → index + 1 in the list of units any prefilter needs (0: none).
  private let slot: [UInt16]
  private let slotCount: Int
  /// The slots present in a block are a bitset of this many 64-bit words.
  private let wordCount: Int
  /// Every rule's required sets as bitsets over the slots, each set the (word, bits) pairs of
  /// the words it has slots in (one pair when there are at most 64 slots, as for the Chinese
  /// rules): set `k` is `setParts[setStarts[k]..<setStarts[k + 1]]`, and rule `i`'s sets are
  /// the `k` in `ruleSets[i]` (nil when the rule has no prefilter). A block's test is one AND
  /// per word of a set.
  private let setParts: [(word: Int, bits: UInt64)]
  private let setStarts: [Int]
  /// With one word of slots (``wordCount`` 1, as for the Chinese rules), each set's bits: its
  /// test is then one AND, without reading its parts.
  private let setMasks: [UInt64]
  private let ruleSets: [Range<Int>?]
  /// Per rule, the look-behind condition checked when the sets pass, and whether it is checked
  /// at the events alone.
  private let openers: [SRXPrefilter.OpenerCondition?]
  private let openersOnEvents: [Bool]
  /// Whether ``mayMatch(in:events:)`` lists the events: the table is in use and has some.
  let collectsEvents: Bool
  /// The flag of an event unit's entry in `slot`; slots are numbered below it.
  static let eventBit: UInt16 = 0x8000

  /// Builds the table for `prefilters` (one per rule, nil for a rule without); `events` are
  /// units whose positions ``mayMatch(in:events:)`` lists (the start sets of the rules, see
  /// ``SRXSegmenter``), to which the units the plain opener conditions react are added.
  init(prefilters: [SRXPrefilter?], events: Set<UInt16> = []) {
    var slot = [UInt16](repeating: 0, count: 65536)
    var count = 0
    var ruleSlots: [[[Int]]?] = []
    for prefilter in prefilters {
      guard let prefilter else { ruleSlots.append(nil); continue }
      var sets: [[Int]] = []
      for set in prefilter.required {
        var slots: [Int] = []
        for unit in set.sorted() {
          if slot[Int(unit)] == 0 {
            count += 1
            slot[Int(unit)] = UInt16(count)
          }
          slots.append(Int(slot[Int(unit)]) - 1)
        }
        sets.append(slots)
      }
      ruleSlots.append(sets)
    }
    // An event's entry has the top bit set (its slot, if any, below it).
    let usable = count > 0 && count < Self.eventBit
    var openersOnEvents: [Bool] = []
    if usable {
      for unit in events { slot[Int(unit)] |= Self.eventBit }
      for prefilter in prefilters {
        let marked = prefilter?.opener?.markedUnits
        openersOnEvents.append(marked != nil)
        for unit in marked ?? [] { slot[Int(unit)] |= Self.eventBit }
      }
      if openersOnEvents.contains(true) {
        for unit in 0xDC00...0xDFFF { slot[unit] |= Self.eventBit }
      }
    } else {
      openersOnEvents = prefilters.map { _ in false }
    }
    self.slot = usable ? slot : []
    self.collectsEvents = usable && (!events.isEmpty || openersOnEvents.contains(true))
    self.openersOnEvents = openersOnEvents
    self.slotCount = usable ? count : 0
    self.wordCount = (self.slotCount + 63) / 64
    var setParts: [(word: Int, bits: UInt64)] = []
    var setStarts: [Int] = [0]
    var ruleSets: [Range<Int>?] = []
    for sets in usable ? ruleSlots : prefilters.map({ _ in nil }) {
      guard let sets else {
        ruleSets.append(nil)
        continue
      }
      let first = setStarts.count - 1
      for slots in sets {
        var words: [Int: UInt64] = [:]
        for index in slots { words[index >> 6, default: 0] |= 1 << UInt64(index & 63) }
        setParts += words.sorted { $0.key < $1.key }.map { (word: $0.key, bits: $0.value) }
        setStarts.append(setParts.count)
      }
      ruleSets.append(first..<(setStarts.count - 1))
    }
    self.setParts = setParts
    self.setStarts = setStarts
    self.setMasks = wordCount == 1 ? (0..<(setStarts.count - 1)).map { k in setParts[setStarts[k]..<setStarts[k + 1]].reduce(0) { $0 | $1.bits } } : []
    self.ruleSets = ruleSets
    self.openers = prefilters.map { $0?.opener }
  }

  /// Per rule, whether it may match in `units` (false: it certainly does not); when
  /// ``collectsEvents``, `events` is set to the positions of the event units in `units`,
  /// ascending (it is emptied otherwise). One pass over the units serves both.
  func mayMatch(in units: [UInt16], events: inout [Int]) -> [Bool] {
    var result: [Bool] = []
    mayMatch(in: units, events: &events, into: &result)
    return result
  }

  /// ``mayMatch(in:events:)`` written into `result`, whose storage is kept from one block to the
  /// next (allocating an array per block was a fifth of this pass on Chinese text).
  func mayMatch(in units: [UInt16], events: inout [Int], into result: inout [Bool]) {
    events.removeAll(keepingCapacity: true)
    if result.count != ruleSets.count { result = [Bool](repeating: true, count: ruleSets.count) }
    guard slotCount > 0 else {
      for index in result.indices { result[index] = true }
      return
    }
    // The slots present, as a bitset on the stack (at most 512 words).
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: wordCount) { present in
      present.initialize(repeating: 0)
      // Every array read through a buffer: these loops run over every unit and every rule's
      // sets of every block, and the arrays' bounds and uniqueness checks were a third of them.
      slot.withUnsafeBufferPointer { slot in
        units.withUnsafeBufferPointer { units in
          @inline(__always)
          func note(_ entry: UInt16, at position: Int) {
            let k = Int(entry & ~Self.eventBit)
            if k != 0 { present[(k - 1) >> 6] |= 1 << UInt64((k - 1) & 63) }
            if entry & Self.eventBit != 0 { events.append(position) }
          }
          // Four units a turn: in Chinese text most have no entry, and one test of the four
          // entries together passes over them (the loop over one unit was 7 instructions a unit).
          var position = 0
          while position &+ 4 <= units.count {
            let a = slot[Int(units[position])]
            let b = slot[Int(units[position &+ 1])]
            let c = slot[Int(units[position &+ 2])]
            let d = slot[Int(units[position &+ 3])]
            if a | b | c | d != 0 {
              if a != 0 { note(a, at: position) }
              if b != 0 { note(b, at: position &+ 1) }
              if c != 0 { note(c, at: position &+ 2) }
              if d != 0 { note(d, at: position &+ 3) }
            }
            position &+= 4
          }
          while position < units.count {
            let entry = slot[Int(units[position])]
            if entry != 0 { note(entry, at: position) }
            position &+= 1
          }
        }
      }
      setParts.withUnsafeBufferPointer { setParts in
        setStarts.withUnsafeBufferPointer { setStarts in
          events.withUnsafeBufferPointer { events in
            result.withUnsafeMutableBufferPointer { result in
              for (index, sets) in ruleSets.enumerated() {
                guard let sets else {
                  result[index] = true
                  continue
                }
                var passes = true
                if wordCount == 1 {
                  let word = present[0]
                  for set in sets where word & setMasks[set] == 0 {
                    passes = false
                    break
                  }
                } else {
                  for set in sets {
                    var hit = false
                    for part in setStarts[set]..<setStarts[set + 1] where present[setParts[part].word] & setParts[part].bits != 0 {
                      hit = true
                      break
                    }
                    if !hit {
                      passes = false
                      break
                    }
                  }
                }
                guard passes, let opener = openers[index] else {
                  result[index] = passes
                  continue
                }
                result[index] = openersOnEvents[index] ? opener.holds(in: units, events: events) : opener.holds(in: units)
              }
            }
          }
        }
      }
    }
  }
}
