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
  /// Sixteen bytes a test (``TextCandidates``, ``AttributeCandidates``),
  /// and only the bytes it marks looked at one by one: every XML writer asks this of every
  /// segment, some three times.
  static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var index = 0
    while true {
      index = attribute
        ? ByteVector.nextMark(AttributeCandidates.self, in: base, count: bytes.count, from: index)
        : ByteVector.nextMark(TextCandidates.self, in: base, count: bytes.count, from: index)
      guard index < bytes.count else { return false }
      switch base[index] {
      case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x0D: return true
      case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x0A, 0x09: if attribute { return true }
      case 0x00..<0x20: return true  // forbidden C0 controls
      case 0xEF: if isNonCharacter(bytes, at: index) { return true }
      default: break
      }
      index += 1
    }
  }

  /// Whether U+FFFE or U+FFFF (EF BF BE, EF BF BF) starts at `index`, where `bytes` hold EF.
  /// EF is also the lead of the full-width forms (`，`), so the next two bytes decide.
  @inline(__always)
  private static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
  }

  /// The bytes ``needsEscaping(_:attribute:)`` looks at in text: below 0x20, `&`, `<`, `>`,
  /// 0xEF (the lead of U+FFFE and U+FFFF, and of the full-width forms).
  enum TextCandidates: ByteMarks {
    @inline(__always)
    static func marks(_ lanes: ByteVector.Lanes) -> ByteVector.Lanes {
      ForbiddenCandidates.marks(lanes) | ByteVector.marks(lanes, equalTo: UInt8(ascii: "&")) | ByteVector.marks(lanes, equalTo: UInt8(ascii: "<"))
        | ByteVector.marks(lanes, equalTo: UInt8(ascii: ">"))
    }
  }

  /// The bytes ``needsEscaping(_:attribute:)`` looks at in an attribute: those of
  /// ``TextCandidates``, `"` and `'`.
  enum AttributeCandidates: ByteMarks {
    @inline(__always)
    static func marks(_ lanes: ByteVector.Lanes) -> ByteVector.Lanes {
      TextCandidates.marks(lanes) | ByteVector.marks(lanes, equalTo: UInt8(ascii: "\"")) | ByteVector.marks(lanes, equalTo: UInt8(ascii: "'"))
    }
  }

  /// The bytes ``holdsForbidden(_:)`` looks at: below 0x20, and 0xEF.
  enum ForbiddenCandidates: ByteMarks {
    @inline(__always)
    static func marks(_ lanes: ByteVector.Lanes) -> ByteVector.Lanes {
      ByteVector.marks(lanes, belowPowerOfTwo: 0x20) | ByteVector.marks(lanes, equalTo: 0xEF)
    }
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
    guard let base = bytes.baseAddress else { return false }
    var index = 0
    while true {
      // Only bytes below 0x20 and 0xEF are looked at, sixteen bytes a test (as in ``needsEscaping``).
      index = ByteVector.nextMark(ForbiddenCandidates.self, in: base, count: bytes.count, from: index)
      guard index < bytes.count else { return false }
      let byte = base[index]
      if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
      if byte == 0xEF, isNonCharacter(bytes, at: index) { return true }
      index += 1
    }
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
