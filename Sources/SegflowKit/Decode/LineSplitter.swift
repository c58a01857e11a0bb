/// Splits decoded text into ``SourceLine``s at LF, CRLF, CR, U+2028 and U+2029 (mixed endings
/// allowed). A form feed ends a page: the line after it is marked `startsPage`.
public enum LineSplitter {
  public static func split(_ text: String) -> [SourceLine] {
    var lines: [SourceLine] = []
    let utf8 = Array(text.utf8)
    var lineStart = 0
    var index = 0
    var pageNext = false
    var number = 1

    func emit(_ end: Int) {
      let bytes = utf8[lineStart..<end]
      lines.append(SourceLine(number: number, text: String(decoding: bytes, as: UTF8.self), offset: lineStart, startsPage: pageNext))
      pageNext = false
      number += 1
    }

    while index < utf8.count {
      let byte = utf8[index]
      switch byte {
      case 0x0A:
        emit(index)
        index += 1
        lineStart = index
      case 0x0D:
        emit(index)
        index += (index + 1 < utf8.count && utf8[index + 1] == 0x0A) ? 2 : 1
        lineStart = index
      case 0x0C:
        // A form feed: text before it on the line stays a line; what follows starts a page.
        if index > lineStart { emit(index) }
        pageNext = true
        index += 1
        lineStart = index
      case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
        emit(index)
        index += 3
        lineStart = index
      default:
        index += 1
      }
    }
    if lineStart < utf8.count { emit(utf8.count) }
    return lines
  }
}
