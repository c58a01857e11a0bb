import SegflowICU

/// Cuts text into words with an ICU word iterator, keeping ICU's rule status as the token type.
public struct WordSplitter {
  public let iterator: BreakIterator

  public init(iterator: BreakIterator) {
    self.iterator = iterator
  }

  /// Tokens of `text`; white-space pieces are dropped.
  public func tokens(of text: String) throws -> [Token] {
    var tokens: [Token] = []
    var copy = text
    try copy.withUTF8 { buffer in
      var start = 0
      try iterator.forEachBoundary(in: buffer) { end, status in
        let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
        let word = String(decoding: piece, as: UTF8.self)
        // Only a piece starting with a space byte or a multi-byte space can be white space.
        let first = piece[0]
        let maybeSpace = first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D || first == 0xC2 || first == 0xE2 || first == 0xE3 || first == 0xE1
        if !maybeSpace || !word.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
          tokens.append(Token(text: word, type: WordRuleStatus(ruleStatus: status), start: start, end: end))
        }
        start = end
      }
    }
    return tokens
  }
}
