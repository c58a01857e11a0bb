extension SRXPrefilter {
  /// The units the second unit of every match can be, for a pattern whose matches start with a
  /// unit of ``startUnits(_:)``, followed by `lookahead` (a rule's `afterbreak`, matched where
  /// the pattern ends; empty: none); nil when unknown.
  ///
  /// A start set alone sends every full stop of a block to ICU (about 1,200 instructions a try),
  /// although most rules need a particular mark right after it: `[aApP]\.[mM]\.` a full stop,
  /// `[。．！？!?…]+[》〉]` another stop or a closing title mark. The set is that of the first
  /// element when it may repeat, and of the following literal elements up to the first one that
  /// must consume a character; zero-width anchors (`\b`, `^`, `$`) are passed over. A group, a
  /// class that is not a set of literals, or an end with nothing mandatory after the first
  /// element gives nil: a match may need no second unit, or any.
  static func secondUnits(_ pattern: String, then lookahead: String = "") -> Set<UInt16>? {
    guard let tokens = plainSequence(pattern), let first = tokens.first, !first.isGroup, first.minimum >= 1, let firstUnits = first.units,
      let after = lookahead.isEmpty ? [] : plainSequence(lookahead)
    else { return nil }
    var units = Set<UInt16>()
    if first.quantified {
      units = firstUnits
      if first.minimum >= 2 { return units }
    }
    for token in tokens.dropFirst() + after {
      if !token.isGroup, token.units == nil, !token.quantified, token.minimum == 0 { continue }  // an anchor
      guard !token.isGroup, let tokenUnits = token.units else { return nil }
      units.formUnion(tokenUnits)
      if token.minimum >= 1 { return units }
    }
    return nil
  }

  /// Whether every match of `pattern` is its first unit alone: one literal class (of BMP units)
  /// without quantifier, as the opening-mark rule `[《“‘「『（〈【〔(\[]` with an empty
  /// `afterbreak`. Such a rule matches at every unit of its start set, one unit long, without
  /// asking ICU.
  static func matchesOneUnit(_ pattern: String) -> Bool {
    guard let tokens = plainSequence(pattern), tokens.count == 1, let token = tokens.first else { return false }
    return !token.isGroup && !token.quantified && token.minimum == 1 && !(token.units ?? []).isEmpty
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
