/// XML 1.0 text escaping and the characters XML 1.0 forbids.
public enum XMLText {
  /// Characters XML 1.0 cannot carry even as references: C0 controls other than tab, line
  /// feed and carriage return, and U+FFFE, U+FFFF.
  public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
    return value == 0xFFFE || value == 0xFFFF
  }

  /// Escapes `&`, `<`, `>` (and quotes, for attributes). Forbidden characters are passed to
  /// `forbidden`, whose result is inserted as markup.
  public static func escaped(_ text: String, attribute: Bool = false, forbidden: (Unicode.Scalar) -> String = { _ in "\u{FFFD}" }) -> String {
    // Most segments need nothing: one pass over the bytes, and the text itself is the result.
    if text.utf8.withContiguousStorageIfAvailable({ !needsEscaping($0, attribute: attribute) }) == true { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where attribute: result += "&quot;"
      case "'" where attribute: result += "&apos;"
      case "\r": result += "&#13;"
      case "\n" where attribute: result += "&#10;"
      case "\t" where attribute: result += "&#9;"
      default:
        if isForbidden(scalar) { result += forbidden(scalar) } else { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }

  /// Whether `bytes` (UTF-8) hold anything ``escaped(_:attribute:forbidden:)`` changes.
  static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x0D: return true
      case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x0A, 0x09: if attribute { return true }
      case 0x00..<0x20: return true  // forbidden C0 controls
      case 0xEF:
        // U+FFFE, U+FFFF (EF BF BE, EF BF BF)
        if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
      default: break
      }
      index += 1
    }
    return false
  }

  /// An attribute value, quoted.
  public static func attribute(_ text: String) -> String { "\"" + escaped(text, attribute: true) + "\"" }
}

extension XMLText {
  /// The characters of `text` XML 1.0 forbids, in order, each once: what writers without an
  /// escape for them (XLIFF 1.2, TMX) replace with U+FFFD and report.
  public static func forbiddenScalars(in text: String) -> [Unicode.Scalar] {
    var seen: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars where isForbidden(scalar) && !seen.contains(scalar) { seen.append(scalar) }
    return seen
  }

  /// `U+0001 U+001B`.
  public static func codePoints(_ scalars: [Unicode.Scalar]) -> String {
    scalars.map { scalar in
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }.joined(separator: " ")
  }
}

extension OutputBytes {
  /// Appends `text` as ``XMLText/escaped(_:attribute:forbidden:)`` writes it: as it is when
  /// nothing in it needs escaping (nearly every segment; one pass over the bytes), through that
  /// function otherwise.
  mutating func appendXMLEscaped(_ text: String, attribute: Bool = false, forbidden: (Unicode.Scalar) -> String = { _ in "\u{FFFD}" }) {
    let copied = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard !XMLText.needsEscaping(bytes, attribute: attribute) else { return false }
      append(bytes)
      return true
    }
    if copied == true { return }
    append(utf8: XMLText.escaped(text, attribute: attribute, forbidden: forbidden))
  }
}
