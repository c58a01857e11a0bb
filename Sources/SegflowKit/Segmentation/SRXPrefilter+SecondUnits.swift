extension SRXPrefilter {
  /// What the first two units of every match of a start-set rule can be, from one reading of
  /// its pattern (the English full-stop rule's look-behind of some 200 words costs about 3 M
  /// instructions to read).
  struct Leading: Equatable {
    /// ``startUnits(_:)``.
    let starts: Set<UInt16>
    /// ``secondUnits(_:then:)``.
    let seconds: Set<UInt16>?
    /// ``matchesOneUnit(_:)``, and no look-ahead.
    let oneUnit: Bool
  }

  /// ``Leading`` for `pattern` followed by `lookahead` (a rule's `afterbreak`, matched where
  /// the pattern ends; empty: none); nil when the pattern has no start set.
  static func leadingUnits(_ pattern: String, then lookahead: String = "") -> Leading? {
    guard let tokens = plainSequence(pattern), let first = tokens.first, !first.isGroup, first.minimum >= 1, let units = first.units, !units.isEmpty
    else { return nil }
    return Leading(starts: units, seconds: secondUnits(tokens, then: lookahead), oneUnit: lookahead.isEmpty && isOneUnit(tokens))
  }

  /// The units the second unit of every match can be, for a pattern whose matches start with a
  /// unit of ``startUnits(_:)``, followed by `lookahead`; nil when unknown.
  ///
  /// A start set alone sends every full stop of a block to ICU (about 1,200 instructions a try),
  /// although most rules need a particular mark right after it: `[aApP]\.[mM]\.` a full stop,
  /// `[。．！？!?…]+[》〉]` another stop or a closing title mark. The set is that of the first
  /// element when it may repeat, and of the following literal elements up to the first one that
  /// must consume a character; zero-width anchors (`\b`, `^`, `$`) are passed over. A group, a
  /// class that is not a set of literals, or an end with nothing mandatory after the first
  /// element gives nil: a match may need no second unit, or any.
  static func secondUnits(_ pattern: String, then lookahead: String = "") -> Set<UInt16>? {
    guard let tokens = plainSequence(pattern), let first = tokens.first, !first.isGroup, first.minimum >= 1, first.units != nil else { return nil }
    return secondUnits(tokens, then: lookahead)
  }

  /// Whether every match of `pattern` is its first unit alone: one literal class (of BMP units)
  /// without quantifier, as the opening-mark rule `[《“‘「『（〈【〔(\[]` with an empty
  /// `afterbreak`. Such a rule matches at every unit of its start set, one unit long, without
  /// asking ICU.
  static func matchesOneUnit(_ pattern: String) -> Bool {
    plainSequence(pattern).map(isOneUnit) ?? false
  }

  private static func isOneUnit(_ tokens: [Token]) -> Bool {
    guard tokens.count == 1, let token = tokens.first else { return false }
    return !token.isGroup && !token.quantified && token.minimum == 1 && !(token.units ?? []).isEmpty
  }

  /// ``secondUnits(_:then:)`` from the pattern's elements (the first a literal class); the
  /// look-ahead is read only when the pattern's own elements do not settle it.
  private static func secondUnits(_ tokens: [Token], then lookahead: String) -> Set<UInt16>? {
    guard let first = tokens.first, let firstUnits = first.units else { return nil }
    var units = Set<UInt16>()
    if first.quantified {
      units = firstUnits
      if first.minimum >= 2 { return units }
    }
    /// Adds the elements' units up to a mandatory one: true when settled (`units` or nil).
    func read(_ elements: ArraySlice<Token>) -> Set<UInt16>?? {
      for token in elements {
        if !token.isGroup, token.units == nil, !token.quantified, token.minimum == 0 { continue }  // an anchor
        guard !token.isGroup, let tokenUnits = token.units else { return .some(nil) }
        units.formUnion(tokenUnits)
        if token.minimum >= 1 { return .some(units) }
      }
      return nil
    }
    if let settled = read(tokens.dropFirst()) { return settled }
    guard !lookahead.isEmpty, let after = plainSequence(lookahead) else { return nil }
    return read(after[...]) ?? nil
  }

  /// The elements of `pattern`, nil when it is not read to its end, has `|` at its top level or
  /// may backtrack badly.
  private static func plainSequence(_ pattern: String) -> [Token]? {
    let chars = Array(pattern.unicodeScalars)
    var parser = Parser(chars: chars)
    guard let tokens = parser.sequence(depth: 0), parser.index == chars.count, !parser.unsafe, !parser.topLevelAlternation else { return nil }
    return tokens
  }
}
