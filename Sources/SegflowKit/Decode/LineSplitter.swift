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

    let raw = UnsafeRawBufferPointer(utf8)
    var checked = 0  // bytes before this one were seen by the byte loop or the word loop
    while index < count {
      if index >= checked {
        // Eight bytes at a time while none can end a line: no byte below 0x0E (LF, CR, FF) and
        // no A8 or A9 (the last byte of U+2028 and U+2029, E2 80 A8/A9; `“ ” — …` start with
        // E2 80 too). Exact tests for "some byte below n" and "some byte equal to v".
        let start = index
        while index + 8 <= count {
          let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          let control = ByteWord.marks(word, below: 0x0E)
          // A8 and A9 alike, with the low bit cleared.
          let separator = ByteWord.marks(word & 0xFEFE_FEFE_FEFE_FEFE, equalTo: 0xA8)
          if control | separator != 0 { break }
          index += 8
        }
        // (A separator's E2 80 may end the last word skipped.)
        if index > start { index = max(start, index - 2) }
        checked = min(count, index + 10)
      }
      let byte = utf8[index]
      // Every byte that can end a line is at most CR or is the lead byte of U+2028/U+2029.
      if byte > 0x0D && byte != 0xE2 {
        index += 1
        continue
      }
      switch byte {
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
      case 0xE2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
        emit(index)
        index += 3
        lineStart = index
      default:
        index += 1
      }
    }
    if lineStart < count { emit(count) }
    return lines
  }
}
