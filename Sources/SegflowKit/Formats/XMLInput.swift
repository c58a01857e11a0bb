import SegflowICU

/// The checks every XML file we read passes before it reaches the parser. They refuse what the
/// parser would choke on: Foundation's `XMLParser` on Linux crashes on invalid UTF-8 inside a
/// comment. They also turn UTF-16 and UTF-32 files into UTF-8, because TMX exported by Trados
/// is often UTF-16.
enum XMLInput {
  /// `bytes` as UTF-8 with no byte-order mark, or the first problem with its line and byte.
  static func prepare(_ bytes: [UInt8], path: String) throws(DocumentError) -> [UInt8] {
    var utf8 = try transcoded(bytes, path: path)
    // (The check can fail only on bytes kept as they were, less a UTF-8 mark: the difference.)
    if declaresUTF8(utf8) {
      utf8 = try validUTF8(utf8, path: path, shift: bytes.count - utf8.count)
    }
    if let problem = forbiddenCharacter(in: utf8) {
      throw DocumentError(path: path, message: "the file contains \(XMLText.codePoints([problem.scalar])), a character XML 1.0 forbids (XLIFF 2 writes it as <cp hex=\"…\"/>; XLIFF 1.2, TMX cannot carry it)", line: problem.line)
    }
    if let line = entityDeclarationLine(in: utf8) {
      throw DocumentError(path: path, message: "the file declares an entity (<!ENTITY …>); Segflow's files need none, and Segflow never expands them", line: line)
    }
    return utf8
  }

  /// UTF-16 and UTF-32 (by byte-order mark, or by `<` and a NUL byte at the start) as UTF-8 with
  /// the declaration saying so; a UTF-8 byte-order mark dropped; anything else as it is.
  static func transcoded(_ bytes: [UInt8], path: String) throws(DocumentError) -> [UInt8] {
    let charset: String
    var skip = 0
    if let mark = ByteOrderMark.detect(bytes) {
      if mark.charset == "UTF-8" { return Array(bytes.dropFirst(mark.length)) }
      (charset, skip) = (mark.charset, mark.length)
    } else if bytes.starts(with: [0x3C, 0x00, 0x00, 0x00]) {
      charset = "UTF-32LE"
    } else if bytes.starts(with: [0x3C, 0x00]) {
      charset = "UTF-16LE"
    } else if bytes.starts(with: [0x00, 0x3C]) {
      charset = "UTF-16BE"
    } else {
      return bytes
    }
    let text: String
    do {
      text = try Charset.decode(Array(bytes.dropFirst(skip)), from: charset)
    } catch {
      throw DocumentError(path: path, error, skip: skip)
    }
    return relabelled(Array(text.utf8))
  }

  /// The XML declaration's `encoding="UTF-16"` (or UTF-32) replaced by UTF-8, the bytes now are.
  static func relabelled(_ bytes: [UInt8]) -> [UInt8] {
    guard let declaration = declaration(bytes), let encoding = encodingName(declaration),
          encoding.uppercased().hasPrefix("UTF-16") || encoding.uppercased().hasPrefix("UTF-32"),
          let range = bytes.firstRange(of: Array(encoding.utf8))
    else { return bytes }
    var result = bytes
    result.replaceSubrange(range, with: Array("UTF-8".utf8))
    return result
  }

  /// True unless the declaration names another encoding, which libxml2 converts itself.
  static func declaresUTF8(_ bytes: [UInt8]) -> Bool {
    guard let declaration = declaration(bytes), let encoding = encodingName(declaration) else { return true }
    return ["UTF-8", "UTF8"].contains(encoding.uppercased())
  }

  /// The text of a leading `<?xml … ?>`.
  static func declaration(_ bytes: [UInt8]) -> String? {
    guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
    let end = bytes.prefix(200).firstRange(of: Array("?>".utf8))?.lowerBound ?? min(bytes.count, 200)
    return String(decoding: bytes[..<end], as: UTF8.self)
  }

  /// The value of `encoding=` in a declaration.
  static func encodingName(_ declaration: String) -> String? {
    guard let key = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
  }

  /// `bytes` when they are UTF-8, or an error at the first bad byte.
  static func validUTF8(_ bytes: [UInt8], path: String, shift: Int) throws(DocumentError) -> [UInt8] {
    if UTF8Scan.isWellFormed(bytes) { return bytes }
    let offset = UTF8Scan(bytes).firstInvalid ?? 0
    let line = bytes[..<offset].count(where: { $0 == 0x0A }) + 1
    throw DocumentError(path: path, message: "invalid UTF-8", line: line, byte: offset + shift)
  }

  /// The line of the first `<!ENTITY` declaration, if any: refused outright, so that neither an
  /// external entity (a local file, a URL) nor an entity bomb ever reaches the parser.
  static func entityDeclarationLine(in bytes: [UInt8]) -> Int? {
    let marker = Array("<!ENTITY".utf8)
    var line = 1
    var index = 0
    while index + marker.count <= bytes.count {
      if bytes[index] == 0x0A { line += 1 }
      if bytes[index] == marker[0], Array(bytes[index..<index + marker.count]) == marker { return line }
      index += 1
    }
    return nil
  }

  /// The first literal character or character reference XML 1.0 forbids, with its line.
  static func forbiddenCharacter(in bytes: [UInt8]) -> (scalar: Unicode.Scalar, line: Int)? {
    var line = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A { line += 1 }
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
        return (Unicode.Scalar(byte), line)
      }
      if byte == UInt8(ascii: "&"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "#") {
        var cursor = index + 2
        var radix = 10
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "x") { radix = 16; cursor += 1 }
        var digits = ""
        while cursor < bytes.count, digits.count < 9, let scalar = Optional(Unicode.Scalar(bytes[cursor])), scalar.properties.isASCIIHexDigit {
          digits.unicodeScalars.append(scalar)
          cursor += 1
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";"), let value = UInt32(digits, radix: radix),
          let scalar = Unicode.Scalar(value), XMLText.isForbidden(scalar) || value == 0
        {
          return (scalar, line)
        }
      }
      index += 1
    }
    return nil
  }
}
