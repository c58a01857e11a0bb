extension Reflower {
  /// Opening quotes and title marks with their closing partners.
  static let quotePairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [
    ("「", "」"), ("『", "』"), ("“", "”"), ("‘", "’"), ("《", "》"), ("〈", "〉"), ("【", "】"),
  ]

  /// The line opens a quotation or title mark that it does not close (`站牌上標示著「浪漫和傳奇的入`
  /// ⏎ `野松原」`): a line cut inside a quotation, as a paragraph's lines are, while a headline
  /// sets its quotations whole.
  static func hasUnclosedQuote(_ profile: LineProfile) -> Bool {
    // (A stray closing mark with no opening one before it counts for nothing.)
    var depth = [Int](repeating: 0, count: quotePairs.count)
    for scalar in profile.source.unicodeScalars {
      for (slot, pair) in quotePairs.enumerated() {
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
