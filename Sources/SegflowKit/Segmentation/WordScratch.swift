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
  /// The word layer's per-segment arrays (``WordRefiner/refine(_:scratch:)``), kept for the next
  /// segment.
  var cut: [Bool] = []
  var status: [WordRuleStatus] = []
  var space: [Bool] = []
  var forbidden: [Bool] = []
  var spanAt: [Int] = []
  var taken: [Bool] = []
  var cuts: [Int] = []
  /// ICU's raw results, sized to the longest segment so far.
  private var boundaries = ICUBoundaries()

  /// Decodes `text` into ``scalars``, ``utf8Offsets`` and ``utf16`` (in one pass over its UTF-8)
  /// and clears the words.
  mutating func load(_ text: String) {
    scalars.removeAll(keepingCapacity: true)
    utf8Offsets.removeAll(keepingCapacity: true)
    utf16.removeAll(keepingCapacity: true)
    words.removeAll(keepingCapacity: true)
    statuses.removeAll(keepingCapacity: true)
    var copy = text
    copy.withUTF8 { bytes in
      scalars.reserveCapacity(bytes.count)
      utf8Offsets.reserveCapacity(bytes.count + 1)
      utf16.reserveCapacity(bytes.count)
      utf8Offsets.append(0)
      UTF8Decoder.forEachScalar(in: bytes) { value, end in
        scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        utf8Offsets.append(end)
        UTF8Decoder.appendUTF16(value, to: &utf16)
      }
    }
  }

  /// Fills ``words`` and ``statuses`` with `iterator`'s words of the loaded text, leaving out the
  /// pieces that are only white space (as ``WordSplitter/tokens(of:)`` does).
  mutating func breakWords(with iterator: BreakIterator) throws {
    words.removeAll(keepingCapacity: true)
    statuses.removeAll(keepingCapacity: true)
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

  /// ICU's words as tokens of `text` (the loaded text).
  func tokens(of text: String) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(words.count)
    for (range, status) in zip(words, statuses) {
      let start = utf8Offsets[range.lowerBound]
      let end = utf8Offsets[range.upperBound]
      tokens.append(Token(in: text, from: start, to: end, type: status, start: start, end: end))
    }
    return tokens
  }
}
