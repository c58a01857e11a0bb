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
  /// ICU's raw results (UTF-16 offsets and rule statuses), sized to the longest segment so far.
  private var boundaries: [Int32] = []
  private var ruleStatuses: [Int32] = []

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
      let count = bytes.count
      scalars.reserveCapacity(count)
      utf8Offsets.reserveCapacity(count + 1)
      utf16.reserveCapacity(count)
      utf8Offsets.append(0)
      var index = 0
      // A Swift string is valid UTF-8: the lead byte tells the width.
      while index < count {
        let lead = UInt32(bytes[index])
        var value: UInt32
        if lead < 0x80 {
          value = lead
          index += 1
        } else if lead < 0xE0 {
          value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
          index += 2
        } else if lead < 0xF0 {
          value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
          index += 3
        } else {
          value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
          index += 4
        }
        scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        utf8Offsets.append(index)
        if value < 0x10000 {
          utf16.append(UInt16(truncatingIfNeeded: value))
        } else {
          let offset = value - 0x10000
          utf16.append(0xD800 | UInt16(truncatingIfNeeded: offset >> 10))
          utf16.append(0xDC00 | UInt16(truncatingIfNeeded: offset & 0x3FF))
        }
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
    if boundaries.count < unitCount {
      boundaries = [Int32](repeating: 0, count: unitCount)
      ruleStatuses = [Int32](repeating: 0, count: unitCount)
    }
    let found = try utf16.withUnsafeBufferPointer { units in
      try boundaries.withUnsafeMutableBufferPointer { offsets in
        try ruleStatuses.withUnsafeMutableBufferPointer { codes in
          try iterator.boundaries(inUTF16: units, offsets: offsets, ruleStatuses: codes)
        }
      }
    }
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
    var start = 0
    for k in 0..<found {
      let end16 = Int(boundaries[k])
      let end = scalarAt.isEmpty ? end16 : scalarAt[end16]
      guard end > start else { continue }
      // A piece is white space when all of it is, except one starting with U+000B or U+000C
      // (WordSplitter tests the lead byte first, and those two are not among its space bytes).
      let first = scalars[start].value
      let whiteSpace = first != 0x0B && first != 0x0C && (start..<end).allSatisfy { ScalarTraits.isWhitespace(scalars[$0]) }
      if !whiteSpace {
        words.append(start..<end)
        statuses.append(WordRuleStatus(ruleStatus: ruleStatuses[k]))
      }
      start = end
    }
  }

  /// ICU's words as tokens of `text` (the loaded text), with their strings.
  func tokens(of text: String) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(words.count)
    var copy = text
    copy.withUTF8 { bytes in
      for (range, status) in zip(words, statuses) {
        let start = utf8Offsets[range.lowerBound]
        let end = utf8Offsets[range.upperBound]
        tokens.append(Token(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), type: status, start: start, end: end))
      }
    }
    return tokens
  }
}
