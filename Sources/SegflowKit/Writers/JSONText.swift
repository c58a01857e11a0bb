/// JSON string escaping that keeps real characters (`"党建"`, not `"\u515a\u5efa"`), escaping
/// only what JSON requires and the invisible line separators.
///
/// Works on UTF-8 bytes: writers escape every segment, so this is on the hot path.
public enum JSONText {
  public static func quoted(_ text: String) -> String {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(text.utf8.count + 2)
    append(text, to: &buffer)
    return String(decoding: buffer, as: UTF8.self)
  }

  /// Appends `text` as a quoted JSON string to `buffer`.
  public static func append(_ text: String, to buffer: inout [UInt8]) {
    var bytes = OutputBytes(capacity: text.utf8.count * maxEscapedWidth + 2)
    bytes.appendQuoted(text)
    bytes.withBytes { buffer.append(contentsOf: $0) }
  }

  /// The most bytes one input byte becomes (`\u0001` for 0x01; `\u2028` for three bytes).
  static let maxEscapedWidth = 6

  /// Writes UTF-8 `bytes` escaped for the inside of a JSON string to `out`, which has room for
  /// ``maxEscapedWidth`` bytes per input byte; returns the number of bytes written.
  static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
    guard let source = bytes.baseAddress else { return 0 }
    let count = bytes.count
    var written = 0
    var runStart = 0
    var index = 0
    /// Copies the bytes from `runStart` up to `end` as they are.
    func copyRun(to end: Int) {
      (out + written).update(from: source + runStart, count: end - runStart)
      written += end - runStart
    }
    while true {
      // The next byte that may need anything (see `escapeCandidates`), sixteen bytes a test:
      // the bytes of CJK text are skipped without a test each.
      index = ByteVector.nextMark(EscapeCandidates.self, in: source, count: count, from: index)
      guard index < count else { break }
      let byte = source[index]
      // A two-character escape, or the code of a `\uXXXX` one.
      var short: UInt8 = 0
      var code: UInt32 = 0x1_0000
      var width = 1
      switch byte {
      case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
      case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
      case 0x0A: short = UInt8(ascii: "n")
      case 0x0D: short = UInt8(ascii: "r")
      case 0x09: short = UInt8(ascii: "t")
      case 0x00..<0x20: code = UInt32(byte)
      case 0xE2 where index + 2 < count && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9 || source[index + 2] == 0x8B):
        // U+2028, U+2029 (line separators JavaScript chokes on), U+200B (invisible).
        code = 0x2000 + UInt32(source[index + 2] - 0x80)
        width = 3
      case 0xEF where index + 2 < count && source[index + 1] == 0xBB && source[index + 2] == 0xBF:
        code = 0xFEFF
        width = 3
      default: break  // another character with lead byte E2 or EF (`“`, `，`): nothing
      }
      if short != 0 {
        copyRun(to: index)
        out[written] = UInt8(ascii: "\\")
        out[written + 1] = short
        written += 2
      } else if code < 0x1_0000 {
        copyRun(to: index)
        out[written] = UInt8(ascii: "\\")
        out[written + 1] = UInt8(ascii: "u")
        for k in 0..<4 { out[written + 2 + k] = hexDigit(UInt8(truncatingIfNeeded: code >> UInt32(12 - 4 * k)) & 0x0F) }
        written += 6
      } else {
        index += 1
        continue
      }
      index += width
      runStart = index
    }
    copyRun(to: count)
    return written
  }

  /// The lower-case hexadecimal digit of `value` (0–15), as `String(_:radix: 16)` writes it.
  @inline(__always)
  static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }

  /// The bytes the escaping loop looks at: below 0x20, a quotation mark, a backslash, 0xE2 or
  /// 0xEF.
  enum EscapeCandidates: ByteMarks {
    @inline(__always)
    static func marks(_ lanes: ByteVector.Lanes) -> ByteVector.Lanes {
      ByteVector.marks(lanes, belowPowerOfTwo: 0x20) | ByteVector.marks(lanes, equalTo: UInt8(ascii: "\"")) | ByteVector.marks(lanes, equalTo: UInt8(ascii: "\\"))
        | ByteVector.marks(lanes, equalTo: 0xE2) | ByteVector.marks(lanes, equalTo: 0xEF)
    }
  }

  /// Appends the decimal digits of `value` (as `String(value)` writes it) to `buffer`.
  public static func appendNumber(_ value: Int, to buffer: inout [UInt8]) {
    var bytes = OutputBytes(capacity: 24)
    bytes.appendNumber(value)
    bytes.withBytes { buffer.append(contentsOf: $0) }
  }
}

extension OutputBytes {
  /// Appends `text` as a quoted JSON string (``JSONText``'s escaping); returns whether any of
  /// it needed escaping.
  @discardableResult
  mutating func appendQuoted(_ text: String) -> Bool {
    // A native or small string's UTF-8 is read in place (no copy of the string to make it so).
    if let escaped = text.utf8.withContiguousStorageIfAvailable({ appendQuoted(utf8: $0) }) { return escaped }
    var copy = text
    return copy.withUTF8 { appendQuoted(utf8: $0) }
  }

  /// Appends UTF-8 `bytes` as a quoted JSON string; returns whether any of it needed escaping.
  @discardableResult
  mutating func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var escapedCount = 0
    appendWriting(maximum: bytes.count * JSONText.maxEscapedWidth + 2) { out in
      out[0] = UInt8(ascii: "\"")
      escapedCount = JSONText.escape(bytes, into: out + 1)
      out[1 + escapedCount] = UInt8(ascii: "\"")
      return escapedCount + 2
    }
    // Escaping only ever lengthens: the same length means every byte was copied as it is.
    return escapedCount != bytes.count
  }

  /// Appends the words `tokens` mark in `text` as quoted JSON strings separated by commas, as
  /// they are: for the words (slices on character boundaries) of a text that
  /// ``appendQuoted(utf8:)`` found needs no escaping, which then holds for each word too (every
  /// escape is of one whole character). Returns how many tokens were written: it stops at the
  /// first that does not start at or after the previous one's end or whose offsets are not
  /// character boundaries inside the text (a token some custom stage made), and the caller
  /// writes the rest.
  ///
  /// Words in order never hold more bytes than the text, so one reservation covers them all,
  /// and each word's bytes go eight at a time when the text holds them (the last word or so
  /// byte by byte): words are a few bytes each, and a `memcpy` call and the buffer's checks
  /// per word cost more than the copy. The quotes and comma between two words are one
  /// four-byte store (`","` and a byte the next word overwrites), the last two of them taken
  /// back at the end; a word's first byte is looked at only when it does not start where the
  /// previous word ended (that byte was looked at as the previous word's end, and the text's
  /// first byte is never inside a character). (An eight-byte store may write up to seven
  /// bytes past a word, inside the room reserved here; later appends overwrite them.)
  mutating func appendQuotedWords(_ tokens: UnsafeBufferPointer<Token>, of text: UnsafeBufferPointer<UInt8>) -> Int {
    guard let source = text.baseAddress else { return 0 }
    let count = text.count
    var index = 0
    // A comma and two quotes a word, the text's bytes once, the last stores' overrun.
    appendWriting(maximum: count + 3 * tokens.count + 8) { out in
      out[0] = UInt8(ascii: "\"")
      var written = 1
      var previousEnd = 0
      while index < tokens.count {
        let start = tokens[index].start
        let end = tokens[index].end
        guard previousEnd <= start, start <= end, end <= count else { break }
        if start != previousEnd, start < count, source[start] & 0xC0 == 0x80 { break }
        if end < count, source[end] & 0xC0 == 0x80 { break }
        let length = end &- start
        let from = UnsafeRawPointer(source + start)
        let to = UnsafeMutableRawPointer(out + written)
        if start &+ (length &+ 7) & ~7 <= count {
          var copied = 0
          while copied < length {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: copied, as: UInt64.self), toByteOffset: copied, as: UInt64.self)
            copied &+= 8
          }
        } else {
          for offset in 0..<length { out[written &+ offset] = source[start &+ offset] }
        }
        written &+= length
        UnsafeMutableRawPointer(out + written).storeBytes(of: Self.quoteCommaQuote, as: UInt32.self)
        written &+= 3
        previousEnd = end
        index += 1
      }
      // The comma and quote after the last word, or the first quote when there was none.
      return index > 0 ? written &- 2 : 0
    }
    return index
  }

  /// `","` and a zero byte as one little-endian word (a store of it writes the four bytes in
  /// this order). Computed: a stored one is read through its initializer's guard.
  private static var quoteCommaQuote: UInt32 { UInt32(littleEndian: 0x0022_2C22) }
}
