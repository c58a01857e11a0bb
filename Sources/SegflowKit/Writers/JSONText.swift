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
    buffer.append(UInt8(ascii: "\""))
    // A native or small string's UTF-8 is read in place (no copy of the string to make it so).
    if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &buffer) }) == nil {
      var copy = text
      copy.withUTF8 { appendEscaped($0, to: &buffer) }
    }
    buffer.append(UInt8(ascii: "\""))
  }

  /// Appends UTF-8 `bytes` escaped for the inside of a JSON string.
  static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
    var runStart = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      // Most bytes need nothing: printable ASCII other than `"` and `\`, and the bytes of every
      // character but U+2028, U+2029, U+200B (lead byte E2) and U+FEFF (lead byte EF).
      if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2, byte != 0xEF {
        index += 1
        continue
      }
      var escape: [UInt8]? = nil
      var width = 1
      switch byte {
      case UInt8(ascii: "\""): escape = Array("\\\"".utf8)
      case UInt8(ascii: "\\"): escape = Array("\\\\".utf8)
      case 0x0A: escape = Array("\\n".utf8)
      case 0x0D: escape = Array("\\r".utf8)
      case 0x09: escape = Array("\\t".utf8)
      case 0x00..<0x20: escape = hexEscape(UInt32(byte))
      case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 || bytes[index + 2] == 0x8B):
        // U+2028, U+2029 (line separators JavaScript chokes on), U+200B (invisible).
        escape = hexEscape(0x2000 + UInt32(bytes[index + 2] - 0x80))
        width = 3
      case 0xEF where index + 2 < count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
        escape = hexEscape(0xFEFF)
        width = 3
      default: break
      }
      if let escape {
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        buffer.append(contentsOf: escape)
        index += width
        runStart = index
      } else {
        index += 1
      }
    }
    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
  }

  /// Appends the decimal digits of `value` (as `String(value)` writes it) to `buffer`.
  public static func appendNumber(_ value: Int, to buffer: inout [UInt8]) {
    if value < 0 {
      buffer.append(UInt8(ascii: "-"))
      // The magnitude as unsigned, so Int.min works too.
      appendDigits(value.magnitude, to: &buffer)
    } else {
      appendDigits(UInt(value), to: &buffer)
    }
  }

  private static func appendDigits(_ value: UInt, to buffer: inout [UInt8]) {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, written backwards
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { space in
      repeat {
        space[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      } while rest > 0
      buffer.append(contentsOf: space[(24 - count)...])
    }
  }

  static func hexEscape(_ value: UInt32) -> [UInt8] {
    let hex = String(value, radix: 16)
    return Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
  }
}
