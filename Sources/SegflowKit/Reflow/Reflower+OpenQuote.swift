extension Reflower {
  /// Opening quotes and title marks with their closing partners.
  static let quotePairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [
    ("「", "」"), ("『", "』"), ("“", "”"), ("‘", "’"), ("《", "》"), ("〈", "〉"), ("【", "】"),
  ]

  /// The line opens a quotation or title mark that it does not close (`站牌上標示著「浪漫和傳奇的入`
  /// ⏎ `野松原」`): a line cut inside a quotation, as a paragraph's lines are, while a headline
  /// sets its quotations whole.
  static func hasUnclosedQuote(_ source: Substring) -> Bool {
    // (The line's bytes are scanned for the marks' first two bytes, `E2 80` or `E3 80`: every
    // mark of ``quotePairs`` is U+2018…U+201D or U+3008…U+3011, and in well-formed UTF-8 a lead
    // byte is never part of another character. Decoding every character, and matching each
    // against every pair, was a third of `standaloneKind`.)
    // (A stray closing mark with no opening one before it counts for nothing.)
    var depth: [Int] = []
    source.withUTF8Bytes { utf8 in
      var index = 0
      while index + 2 < utf8.count {
        let lead = utf8[index]
        guard (lead == 0xE2 || lead == 0xE3) && utf8[index + 1] == 0x80 else {
          index += 1
          continue
        }
        // (The middle byte, 0x80, adds nothing to the value.)
        let scalar = Unicode.Scalar(UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 2] & 0x3F))!
        for (slot, pair) in quotePairs.enumerated() {
          if scalar == pair.open {
            if depth.isEmpty { depth = [Int](repeating: 0, count: quotePairs.count) }
            depth[slot] += 1
          } else if scalar == pair.close, !depth.isEmpty, depth[slot] > 0 {
            depth[slot] -= 1
          }
        }
        index += 3
      }
    }
    return depth.contains { $0 > 0 }
  }
}
