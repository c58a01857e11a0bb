import Foundation

import SegflowICU

/// Turns a file's bytes into text: byte-order marks, UTF-8, and ICU-detected legacy charsets
/// (GB18030/GBK, Big5, Shift_JIS, …), with errors that name the byte offset.
public struct TextDecoder: Sendable {
  /// `auto`, or a charset name ICU knows (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, …).
  public var encoding: String
  /// Detection below this ICU confidence (0–100) is refused rather than guessed.
  public var minimumConfidence: Int

  public init(encoding: String = "auto", minimumConfidence: Int = 10) {
    self.encoding = encoding
    self.minimumConfidence = minimumConfidence
  }

  /// The decoded text, the charset used and the map back to byte offsets.
  public func decode(_ bytes: [UInt8], path: String) throws(DocumentError) -> (text: String, encoding: String, map: OffsetMap) {
    if bytes.isEmpty { throw DocumentError(path: path, message: "empty file") }
    if let bom = ByteOrderMark.detect(bytes) {
      if bom.charset == "UTF-8" {
        let body = Array(bytes.dropFirst(bom.length))
        return (try decodeUTF8(body, path: path, shift: bom.length), "UTF-8", .shifted(bom.length))
      }
      return try decodeLegacy(bytes, charset: bom.charset, path: path, skip: bom.length)
    }
    if encoding.caseInsensitiveCompare("auto") != .orderedSame {
      if encoding.uppercased().replacingOccurrences(of: "_", with: "-") == "UTF-8" {
        return (try decodeUTF8(bytes, path: path, shift: 0), "UTF-8", .identity)
      }
      return try decodeLegacy(bytes, charset: encoding, path: path, skip: 0)
    }
    if let text = String(wellFormedUTF8: bytes) {
      try rejectBinary(bytes, path: path)
      return (text, "UTF-8", .identity)
    }
    let scan = UTF8Scan(bytes)
    if let nul = Self.firstNUL(bytes) {
      throw DocumentError(path: path, message: "not a text file: NUL byte", byte: nul)
    }
    // Mostly well-formed UTF-8 with a few bad bytes is damaged UTF-8, not another charset.
    if scan.validMultibyte >= 4 * scan.invalid, let first = scan.firstInvalid {
      throw DocumentError(path: path, message: "invalid UTF-8", byte: first)
    }
    guard let guess = Charset.detect(bytes), guess.confidence >= minimumConfidence else {
      throw DocumentError(path: path, message: "invalid UTF-8 and no other charset detected; set the decode stage's encoding", byte: scan.firstInvalid)
    }
    // UTF-16 or UTF-32 without a byte-order mark would have NUL bytes (in every line end), which
    // were refused above: ICU guesses them for short Latin text with a stray byte or two.
    if guess.name.uppercased().hasPrefix("UTF-16") || guess.name.uppercased().hasPrefix("UTF-32") {
      throw DocumentError(path: path, message: "invalid UTF-8", byte: scan.firstInvalid)
    }
    // GB2312 and GBK are subsets of GB18030; decoding with the superset loses nothing.
    let charset = ["GB2312", "GBK"].contains(guess.name.uppercased()) ? "GB18030" : guess.name
    return try decodeLegacy(bytes, charset: charset, path: path, skip: 0)
  }

  private func decodeUTF8(_ bytes: [UInt8], path: String, shift: Int) throws(DocumentError) -> String {
    guard let text = String(wellFormedUTF8: bytes) else {
      throw DocumentError(path: path, message: "invalid UTF-8", byte: (UTF8Scan(bytes).firstInvalid ?? 0) + shift)
    }
    try rejectBinary(bytes, path: path, shift: shift)
    return text
  }

  private func decodeLegacy(_ bytes: [UInt8], charset: String, path: String, skip: Int) throws(DocumentError) -> (text: String, encoding: String, map: OffsetMap) {
    let body = skip == 0 ? bytes : Array(bytes.dropFirst(skip))
    let decoded: (text: String, utf16Offsets: [Int32])
    do {
      decoded = try Charset.decodeWithOffsets(body, from: charset)
    } catch {
      throw DocumentError(path: path, error, skip: skip)
    }
    if let nul = decoded.text.utf8.firstIndex(of: 0) {
      let offset = decoded.text.utf8.distance(from: decoded.text.utf8.startIndex, to: nul)
      throw DocumentError(path: path, message: "not a text file: NUL character", byte: offset)
    }
    return (decoded.text, charset, Self.offsetTable(decoded.text, utf16Offsets: decoded.utf16Offsets, skip: skip, total: bytes.count))
  }

  /// Builds the per-scalar map from UTF-8 offsets of `text` to source byte offsets.
  static func offsetTable(_ text: String, utf16Offsets: [Int32], skip: Int, total: Int) -> OffsetMap {
    var decoded: [Int32] = []
    var original: [Int32] = []
    decoded.reserveCapacity(utf16Offsets.count + 1)
    original.reserveCapacity(utf16Offsets.count + 1)
    var utf8Offset = 0
    var utf16Offset = 0
    for scalar in text.unicodeScalars {
      decoded.append(Int32(utf8Offset))
      let source = utf16Offset < utf16Offsets.count ? Int(utf16Offsets[utf16Offset]) + skip : total
      original.append(Int32(source))
      utf8Offset += UTF8.width(scalar)
      utf16Offset += UTF16.width(scalar)
    }
    decoded.append(Int32(utf8Offset))
    original.append(Int32(total))
    return .table(decoded: decoded, original: original)
  }

  /// Text files have no NUL bytes and few control characters.
  private func rejectBinary(_ bytes: [UInt8], path: String, shift: Int = 0) throws(DocumentError) {
    if let nul = Self.firstNUL(bytes) {
      throw DocumentError(path: path, message: "not a text file: NUL byte", byte: nul + shift)
    }
  }

  /// The offset of the first NUL byte, found with `memchr` (a byte loop was 8 % of decoding).
  static func firstNUL(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
  }
}

/// A byte-order mark at the start of a file.
struct ByteOrderMark {
  var charset: String
  var length: Int

  static func detect(_ bytes: [UInt8]) -> ByteOrderMark? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ByteOrderMark(charset: "UTF-8", length: 3) }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ByteOrderMark(charset: "UTF-32LE", length: 4) }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ByteOrderMark(charset: "UTF-32BE", length: 4) }
    if bytes.starts(with: [0xFF, 0xFE]) { return ByteOrderMark(charset: "UTF-16LE", length: 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return ByteOrderMark(charset: "UTF-16BE", length: 2) }
    return nil
  }
}
