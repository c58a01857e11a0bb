/// Splits decoded text into ``SourceLine``s at LF, CRLF, CR, U+2028 and U+2029 (mixed endings
/// allowed). A form feed ends a page: the line after it is marked `startsPage`.
public enum LineSplitter {
  public static func split(_ text: String) -> [SourceLine] {
    // The string's own UTF-8 in place (copying the document into an array first cost as much
    // as the scan).
    if let lines = text.utf8.withContiguousStorageIfAvailable({ split(text, utf8: $0) }) { return lines }
    var native = text
    native.makeContiguousUTF8()
    return native.utf8.withContiguousStorageIfAvailable { split(native, utf8: $0) } ?? []
  }

  /// `utf8` is `text`'s contiguous UTF-8.
  private static func split(_ text: String, utf8: UnsafeBufferPointer<UInt8>) -> [SourceLine] {
    var lines: [SourceLine] = []
    let count = utf8.count
    // Room for a line every 32 bytes, more than newspaper columns need (about 40 bytes a line):
    // growing the array by doubling copied every line again, as much work as finding the ends.
    lines.reserveCapacity(count / 32 + 1)
    var lineStart = 0
    var index = 0
    var pageNext = false
    var number = 1
    let base = text.utf8.startIndex

    func emit(_ end: Int) {
      // A slice of the document's text: no string of its own to allocate, no bytes to decode
      // or validate again (that was most of the split). Line ends fall on scalar boundaries.
      let start = text.utf8.index(base, offsetBy: lineStart)
      let stop = text.utf8.index(start, offsetBy: end - lineStart)
      lines.append(SourceLine(number: number, textSlice: text[start..<stop], offset: lineStart, startsPage: pageNext))
      pageNext = false
      number += 1
    }

    guard let bytes = utf8.baseAddress else { return [] }
    while index < count {
      // The next byte that can end a line, sixteen bytes a test (see `LineEndCandidates`).
      index = ByteVector.nextMark(LineEndCandidates.self, in: bytes, count: count, from: index)
      guard index < count else { break }
      switch utf8[index] {
      case 0x0A:
        emit(index)
        index += 1
        lineStart = index
      case 0x0D:
        emit(index)
        index += (index + 1 < count && utf8[index + 1] == 0x0A) ? 2 : 1
        lineStart = index
      case 0x0C:
        // A form feed: text before it on the line stays a line; what follows starts a page.
        if index > lineStart { emit(index) }
        pageNext = true
        index += 1
        lineStart = index
      case 0xA8...0xA9 where index >= lineStart + 2 && utf8[index - 2] == 0xE2 && utf8[index - 1] == 0x80:
        emit(index - 2)
        index += 1
        lineStart = index
      default:
        index += 1
      }
    }
    if lineStart < count { emit(count) }
    return lines
  }

  /// The bytes that can end a line: below 0x10 (LF, CR, FF and a few other controls) or A8/A9
  /// (the last byte of U+2028 and U+2029, E2 80 A8/A9; `“ ” — …` start with E2 80 too).
  enum LineEndCandidates: ByteMarks {
    @inline(__always)
    static func marks(_ lanes: ByteVector.Lanes) -> ByteVector.Lanes {
      // A8 and A9 alike, with the low bit cleared.
      ByteVector.marks(lanes, belowPowerOfTwo: 0x10) | ByteVector.marks(lanes & ByteVector.Lanes(repeating: 0xFE), equalTo: 0xA8)
    }
  }
}
