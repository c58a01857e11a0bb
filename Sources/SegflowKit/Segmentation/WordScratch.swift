import SegflowICU

/// One segment's text in the forms the word layer reads (scalars, their UTF-8 offsets, UTF-16
/// for ICU) and ICU's words of it, in buffers kept from one segment to the next.
///
/// A tokenize stage fills one per document, segment after segment: the text is decoded once for
/// ICU and the word layer alike, ICU breaks UTF-16 (faster than a UTF-8 text), and no string is
/// built for an ICU word the word layer then replaces. Not shared between tasks.
struct WordScratch {
  /// The segment's scalars.
  var scalars: [Unicode.Scalar] = []
  /// The UTF-8 offset of each scalar, and the byte count last (`scalars.count + 1` entries).
  var utf8Offsets: [Int] = []
  /// The segment in UTF-16, as ICU reads it.
  var utf16: [UInt16] = []
  /// ICU's words without its white-space pieces, as scalar ranges, in order, and their statuses.
  var words: [Range<Int>] = []
  var statuses: [WordRuleStatus] = []
  /// The word layer's per-segment arrays (``WordRefiner/refine(scratch:)``), kept for the next
  /// segment. They keep the longest segment's length: only the first `scalars.count` entries
  /// (one more for `cut` and `forbidden`) are the current segment's.
  var cut: [Bool] = []
  var space: [Bool] = []
  var forbidden: [Bool] = []
  var spanAt: [Int] = []
  var taken: [Bool] = []
  /// The tokens of the current segment as they are found, before they are copied out; at least
  /// one entry per character of the longest segment so far.
  var foundTokens: [Token] = []
  /// The conventions' joins of the current segment.
  var joins = WordJoins()
  /// ICU's raw results, sized to the longest segment so far.
  private var boundaries = ICUBoundaries()

  /// Decodes `text` into ``scalars``, ``utf8Offsets`` and ``utf16`` (in one pass over its UTF-8)
  /// and clears the words.
  mutating func load(_ text: String) {
    words.removeAll(keepingCapacity: true)
    statuses.removeAll(keepingCapacity: true)
    var copy = text
    copy.withUTF8 { bytes in
      // Sized for the worst case (a scalar and a UTF-16 unit per byte), written through
      // pointers, then cut to what was written: appending checked capacity and uniqueness three
      // times per character.
      let count = bytes.count
      scalars.resize(to: count, with: "\u{0}")
      utf8Offsets.resize(to: count + 1, with: 0)
      utf16.resize(to: count, with: 0)
      var scalarCount = 0
      var unitCount = 0
      scalars.withUnsafeMutableBufferPointer { scalarsOut in
        utf8Offsets.withUnsafeMutableBufferPointer { offsetsOut in
          utf16.withUnsafeMutableBufferPointer { unitsOut in
            guard let units = unitsOut.baseAddress else { return }
            offsetsOut[0] = 0
            UTF8Decoder.forEachScalar(in: bytes) { value, end in
              scalarsOut[scalarCount] = Unicode.Scalar(value) ?? "\u{FFFD}"
              scalarCount += 1
              offsetsOut[scalarCount] = end
              unitCount += UTF8Decoder.writeUTF16(value, to: units + unitCount)
            }
          }
        }
      }
      scalars.resize(to: scalarCount, with: "\u{0}")
      utf8Offsets.resize(to: scalarCount + 1, with: 0)
      utf16.resize(to: unitCount, with: 0)
    }
  }

  /// Fills ``words`` and ``statuses`` with `iterator`'s words of the loaded text, leaving out the
  /// pieces that are only white space (as ``WordSplitter/tokens(of:)`` does).
  mutating func breakWords(with iterator: BreakIterator) throws {
    // Filled as local arrays (taken out and put back, their storage kept): appending to a
    // stored property checked its uniqueness at every word.
    var words = WordRefiner.reused(&self.words, count: 0, filledWith: 0..<0)
    var statuses = WordRefiner.reused(&self.statuses, count: 0, filledWith: .none)
    defer {
      self.words = words
      self.statuses = statuses
    }
    let unitCount = utf16.count
    guard unitCount > 0 else { return }
    try boundaries.find(in: utf16, with: iterator)
    // UTF-16 offset → scalar index: the same unless a character lies beyond the BMP.
    var scalarAt: [Int] = []
    if unitCount != scalars.count {
      scalarAt = [Int](repeating: 0, count: unitCount + 1)
      var unit = 0
      for (index, scalar) in scalars.enumerated() {
        scalarAt[unit] = index
        unit += scalar.value < 0x10000 ? 1 : 2
      }
      scalarAt[unitCount] = scalars.count
    }
    let traits = ScalarTraits.shared
    let scalars = self.scalars
    words.reserveCapacity(boundaries.count)
    statuses.reserveCapacity(boundaries.count)
    var start = 0
    for k in 0..<boundaries.count {
      let end16 = Int(boundaries.offsets[k])
      let end = scalarAt.isEmpty ? end16 : scalarAt[end16]
      guard end > start else { continue }
      // A piece is white space when all of it is, except one starting with U+000B or U+000C:
      // the test has always looked at the lead byte first, and those two are not among its
      // space bytes, so they stay tokens.
      let first = scalars[start].value
      let whiteSpace = first != 0x0B && first != 0x0C && (start..<end).allSatisfy { traits.isWhitespace(scalars[$0]) }
      if !whiteSpace {
        words.append(start..<end)
        statuses.append(WordRuleStatus(ruleStatus: boundaries.ruleStatuses[k]))
      }
      start = end
    }
  }

  /// ICU's words as tokens of the loaded text.
  func tokens() -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(words.count)
    for (range, status) in zip(words, statuses) {
      tokens.append(Token(type: status, start: utf8Offsets[range.lowerBound], end: utf8Offsets[range.upperBound]))
    }
    return tokens
  }
}
