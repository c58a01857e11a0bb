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
  ///
  /// Eight bytes at a time: a word without any byte the test acts on (``escapeCandidates(_:attribute:)``)
  /// is skipped whole, one with any is tested byte by byte. Every XML writer asks this of every
  /// segment, some three times.
  static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) -> Bool {
    ByteWord.any(in: bytes, marks: { escapeCandidates($0, attribute: attribute) }) { needsEscaping(bytes, from: $0, to: $1, attribute: attribute) }
  }

  /// The byte-by-byte test of `bytes[start..<end]` (reading past `end` for the rest of an
  /// EF BF BE or EF BF BF).
  private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, attribute: Bool) -> Bool {
    var index = start
    while index < end {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x0D: return true
      case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x0A, 0x09: if attribute { return true }
      case 0x00..<0x20: return true  // forbidden C0 controls
      case 0xEF:
        // U+FFFE, U+FFFF (EF BF BE, EF BF BF)
        if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
      default: break
      }
      index += 1
    }
    return false
  }

  /// The bytes of `word` the byte test acts on, each marked by its top bit: below 0x20, `&`, `<`,
  /// `>`, 0xEF (the lead of U+FFFE and U+FFFF, and of the full-width forms), and in an attribute
  /// `"` and `'`. Zero exactly when there are none (a borrow may mark a byte above a true one,
  /// which only sends the word to the byte test).
  @inline(__always)
  static func escapeCandidates(_ word: UInt64, attribute: Bool) -> UInt64 {
    var marks = ByteWord.marks(word, below: 0x20) | ByteWord.marks(word, equalTo: UInt8(ascii: "&")) | ByteWord.marks(word, equalTo: UInt8(ascii: "<"))
      | ByteWord.marks(word, equalTo: UInt8(ascii: ">")) | ByteWord.marks(word, equalTo: 0xEF)
    if attribute { marks |= ByteWord.marks(word, equalTo: UInt8(ascii: "\"")) | ByteWord.marks(word, equalTo: UInt8(ascii: "'")) }
    return marks
  }

  /// An attribute value, quoted.
  public static func attribute(_ text: String) -> String { "\"" + escaped(text, attribute: true) + "\"" }
}

extension XMLText {
  /// The characters of `text` XML 1.0 forbids, in order, each once: what writers without an
  /// escape for them (XLIFF 1.2, TMX) replace with U+FFFD and report.
  public static func forbiddenScalars(in text: String) -> [Unicode.Scalar] {
    // Nearly every text has none, which one pass over its bytes shows.
    if text.utf8.withContiguousStorageIfAvailable({ !holdsForbidden($0) }) == true { return [] }
    var seen: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars where isForbidden(scalar) && !seen.contains(scalar) { seen.append(scalar) }
    return seen
  }

  /// Whether `bytes` (UTF-8) hold a character XML 1.0 forbids: a C0 control other than tab,
  /// line feed and carriage return, or U+FFFE or U+FFFF (EF BF BE, EF BF BF).
  static func holdsForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Words with no byte below 0x20 and no 0xEF are skipped whole (as in ``needsEscaping``).
    ByteWord.any(in: bytes, marks: { ByteWord.marks($0, below: 0x20) | ByteWord.marks($0, equalTo: 0xEF) }) { holdsForbidden(bytes, from: $0, to: $1) }
  }

  /// The byte-by-byte test of `bytes[start..<end]` (reading past `end` for the rest of an
  /// EF BF BE or EF BF BF).
  private static func holdsForbidden(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
    for index in start..<end {
      let byte = bytes[index]
      if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
      // EF is also the lead of the full-width forms (`，`), so the next two bytes decide.
      if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
    }
    return false
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
