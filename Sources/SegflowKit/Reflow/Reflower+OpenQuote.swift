extension Reflower {
  /// Opening quotes and title marks with their closing partners.
  static let quotePairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [
    ("「", "」"), ("『", "』"), ("“", "”"), ("‘", "’"), ("《", "》"), ("〈", "〉"), ("【", "】"),
  ]

  /// Every mark of ``quotePairs``, opening or closing.
  static let quoteMarks = ScalarSet(String(String.UnicodeScalarView(quotePairs.flatMap { [$0.open, $0.close] })))

  /// The line opens a quotation or title mark that it does not close (`站牌上標示著「浪漫和傳奇的入`
  /// ⏎ `野松原」`): a line cut inside a quotation, as a paragraph's lines are, while a headline
  /// sets its quotations whole.
  static func hasUnclosedQuote(_ profile: LineProfile) -> Bool {
    // (One set lookup for each character, and the pairs searched only for a mark: matching every
    // character against every pair was a third of `standaloneKind`.)
    let marks = quoteMarks
    let pairs = quotePairs
    // (A stray closing mark with no opening one before it counts for nothing.)
    var depth: [Int] = []
    for scalar in profile.source.unicodeScalars where marks.contains(scalar) {
      if depth.isEmpty { depth = [Int](repeating: 0, count: pairs.count) }
      for (slot, pair) in pairs.enumerated() {
        if scalar == pair.open {
          depth[slot] += 1
        } else if scalar == pair.close, depth[slot] > 0 {
          depth[slot] -= 1
        }
      }
    }
    return depth.contains { $0 > 0 }
  }
}
