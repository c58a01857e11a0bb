import SegflowICU

/// One segment's text in the forms the word layer reads (scalars, their UTF-8 offsets, UTF-16
/// for ICU) and ICU's words of it, in buffers kept from one segment to the next.
///
/// A tokenize stage fills one per document, segment after segment: the text is decoded once for
/// ICU and the word layer alike, ICU breaks UTF-16 (faster than a UTF-8 text), and no string is
/// built for an ICU word the word layer then replaces. Not shared between tasks.
struct WordScratch {
  /// The segment's scalars.
  var scalars: UnsafeBufferPointer<Unicode.Scalar> { scalarStorage.prefix(scalarCount) }
  /// The UTF-8 offset of each scalar, and the byte count last (`scalars.count + 1` entries).
  var utf8Offsets: UnsafeBufferPointer<Int> { offsetStorage.prefix(scalarCount + 1) }
  /// The segment in UTF-16, as ICU reads it.
  var utf16: UnsafeBufferPointer<UInt16> { unitStorage.prefix(unitCount) }
  /// ICU's words without its white-space pieces, as scalar ranges, in order, and their statuses.
  var words: UnsafeBufferPointer<Range<Int>> { wordStorage.prefix(wordCount) }
  var statuses: UnsafeBufferPointer<WordRuleStatus> { statusStorage.prefix(wordCount) }

  // The storage of the buffers above, kept from one segment to the next and grown only for a
  // longer one (``ScratchBuffer``); the counts are the current segment's.
  private let scalarStorage = ScratchBuffer<Unicode.Scalar>()
  private let offsetStorage = ScratchBuffer<Int>()
  private let unitStorage = ScratchBuffer<UInt16>()
  private let wordStorage = ScratchBuffer<Range<Int>>()
  private let statusStorage = ScratchBuffer<WordRuleStatus>()
  private(set) var scalarCount = 0
  private(set) var unitCount = 0
  private(set) var wordCount = 0
  /// ICU's raw results (UTF-16 offsets, turned into scalar indices in place, and rule statuses)
  /// and, for a text beyond the BMP, the scalar index of each UTF-16 offset.
  private let icuOffsets = ScratchBuffer<Int32>()
  private let icuStatuses = ScratchBuffer<Int32>()
  private let scalarAtUnit = ScratchBuffer<Int>()

  /// The word layer's per-segment flags (``WordRefiner/refine(scratch:)``: `cut`, `space`,
  /// `forbidden`, `spanAt`, `taken`), filled for each segment, and its tokens as they are found,
  /// before they are copied out.
  let cutStorage = ScratchBuffer<Bool>()
  let spaceStorage = ScratchBuffer<Bool>()
  let forbiddenStorage = ScratchBuffer<Bool>()
  let spanAtStorage = ScratchBuffer<Int>()
  let takenStorage = ScratchBuffer<Bool>()
  let foundTokenStorage = ScratchBuffer<Token>()
  /// The conventions' joins of the current segment, and what their pass over ICU's words left
  /// for after it.
  var joins = WordJoins()
  let conventionEventStorage = ScratchBuffer<WordRefiner.ConventionEvent>()
  /// The protected spans of the current segment (``WordRefiner/protectedSpans(_:bits:taken:seen:hasRun:starts:into:)``).
  let spanStorage = ScratchBuffer<WordRefiner.Span>()
  /// The positions where a protected span may start (``WordRefiner/spanInitialBits``), found in
  /// the word layer's pass over the characters.
  let spanStartStorage = ScratchBuffer<Int>()
  /// Each character's ``WordRefiner/CharacterBits``, from the same pass.
  let characterBitStorage = ScratchBuffer<UInt32>()

  /// Decodes `text` into ``scalars``, ``utf8Offsets`` and ``utf16`` (in one pass over its UTF-8)
  /// and clears the words.
  mutating func load(_ text: String) {
    wordCount = 0
    var copy = text
    copy.withUTF8 { bytes in
      // Room for the worst case (a scalar and a UTF-16 unit per byte), written through pointers.
      let count = bytes.count
      scalarStorage.reserve(count)
      offsetStorage.reserve(count + 1)
      unitStorage.reserve(count)
      guard let input = bytes.baseAddress else {
        (scalarCount, unitCount) = (0, 0)
        offsetStorage.base[0] = 0
        return
      }
      (scalarCount, unitCount) = Self.decode(input, count: count, scalars: scalarStorage.base, offsets: offsetStorage.base, units: unitStorage.base)
    }
  }

  /// Writes the scalars of the `count` bytes of valid UTF-8 at `input` (a string's, so each value
  /// decoded is a scalar) to `scalars`, the UTF-8 offset of each to `offsets` (then `count` after
  /// the last) and their UTF-16 to `units`, and returns how many scalars and units it wrote. One
  /// loop with the three-byte case (CJK) first: the shared per-scalar decoder with a closure cost
  /// about 40 instructions a character here, checking each value again as a scalar another 9.
  static func decode(
    _ input: UnsafePointer<UInt8>, count: Int, scalars: UnsafeMutablePointer<Unicode.Scalar>, offsets: UnsafeMutablePointer<Int>,
    units: UnsafeMutablePointer<UInt16>
  ) -> (scalars: Int, units: Int) {
    var index = 0
    var scalar = 0
    var unit = 0
    while index < count {
      offsets[scalar] = index
      let (value, width) = UTF8Decoder.decode(input + index)
      index &+= width
      scalars[scalar] = unsafeBitCast(value, to: Unicode.Scalar.self)
      scalar &+= 1
      if value < 0x10000 {
        units[unit] = UInt16(truncatingIfNeeded: value)
        unit &+= 1
      } else {
        unit &+= UTF8Decoder.writeUTF16(value, to: units + unit)
      }
    }
    offsets[scalar] = count
    return (scalar, unit)
  }

  /// Sets the words to `words` (scalar ranges of the loaded text, in order) and their statuses.
  mutating func setWords(_ words: [Range<Int>], statuses: [WordRuleStatus]) {
    let count = min(words.count, statuses.count)
    wordStorage.reserve(count)
    statusStorage.reserve(count)
    for index in 0..<count {
      wordStorage.base[index] = words[index]
      statusStorage.base[index] = statuses[index]
    }
    wordCount = count
  }

  /// Fills ``words`` and ``statuses`` with `iterator`'s words of the loaded text, leaving out the
  /// pieces that are only white space (as ``WordSplitter/tokens(of:)`` does).
  mutating func breakWords(with iterator: BreakIterator) throws {
    wordCount = 0
    let unitCount = self.unitCount
    guard unitCount > 0 else { return }
    icuOffsets.reserve(unitCount)
    icuStatuses.reserve(unitCount)
    let found = try iterator.boundaries(
      inUTF16: utf16, offsets: UnsafeMutableBufferPointer(start: icuOffsets.base, count: unitCount),
      ruleStatuses: UnsafeMutableBufferPointer(start: icuStatuses.base, count: unitCount))
    let scalars = self.scalars
    let offsets = icuOffsets.base
    // UTF-16 offsets → scalar indices, in place: the same unless a character lies beyond the BMP
    // (so the loop below has one kind of offset and fewer values to keep at hand).
    if unitCount != scalars.count {
      let scalarAt = scalarAtUnit
      scalarAt.reserve(unitCount + 1)
      var unit = 0
      for (index, scalar) in scalars.enumerated() {
        scalarAt.base[unit] = index
        unit += scalar.value < 0x10000 ? 1 : 2
      }
      scalarAt.base[unitCount] = scalars.count
      for k in 0..<found { offsets[k] = Int32(truncatingIfNeeded: scalarAt.base[Int(offsets[k])]) }
    }
    // At most one word per boundary, written through pointers.
    wordStorage.reserve(found)
    statusStorage.reserve(found)
    let words = wordStorage.base
    let statuses = statusStorage.base
    let codes = icuStatuses.base
    let traits = ScalarTraits.shared
    var written = 0
    var start = 0
    for k in 0..<found {
      let end = Int(offsets[k])
      guard end > start else { continue }
      // Most pieces start with a BMP character that is not white space, which settles it; the
      // rest are decided out of line (so this loop makes no call and keeps its values in
      // registers).
      let first = scalars[start].value
      if (first < 0x10000 && !ScalarTraits.isWhitespace(entry: traits.entry(Int(first)))) || !Self.isWhiteSpacePiece(scalars[start..<end]) {
        words[written] = start..<end
        statuses[written] = WordRuleStatus(ruleStatus: codes[k])
        written &+= 1
      }
      start = end
    }
    wordCount = written
  }

  /// Whether ICU's piece `piece` is white space: all of it is, except a piece starting with
  /// U+000B or U+000C (the test has always looked at the lead byte first, and those two are not
  /// among its space bytes, so they stay tokens).
  @inline(never)
  static func isWhiteSpacePiece(_ piece: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
    let traits = ScalarTraits.shared
    guard let first = piece.first, first.value != 0x0B, first.value != 0x0C else { return false }
    return piece.allSatisfy { traits.isWhitespace($0) }
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
