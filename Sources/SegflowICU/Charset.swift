internal import CICU

/// Charset detection and conversion to Unicode with ICU (`ucsdet`, `ucnv`).
public enum Charset {
  /// ICU's best guess for the charset of `bytes`, with a confidence from 0 to 100.
  public static func detect(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
    // The detector only looks at a prefix in practice; 64 KiB is plenty and keeps it fast.
    let sample = bytes.prefix(65_536)
    var name = [CChar](repeating: 0, count: 64)
    var status: Int32 = 0
    let confidence = sample.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        CICU_detectCharset(chars.baseAddress, Int32(chars.count), &name, Int32(name.count), &status)
      }
    }
    guard CICU_isFailure(status) == 0, confidence >= 0 else { return nil }
    let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return (text, Int(confidence))
  }

  /// Whether ICU has a converter of this name (or alias), so a pipeline file can be checked
  /// before any document is read.
  public static func isKnown(_ charset: String) -> Bool {
    do {
      _ = try decode([0x20], from: charset)
      return true
    } catch {
      if case .unknownCharset = error { return false }
      return true
    }
  }

  /// Decodes `bytes` from `charset` (any name ICU's converters know: `GB18030`, `Big5`,
  /// `UTF-16LE`, `Shift_JIS`, …).
  ///
  /// - Throws: ``CharsetError/invalidBytes(charset:offset:)`` at the first byte sequence that is
  ///   invalid or unmappable, or ``CharsetError/unknownCharset(_:)``.
  public static func decode(_ bytes: [UInt8], from charset: String) throws(CharsetError) -> String {
    try decodeWithOffsets(bytes, from: charset, wantOffsets: false).text
  }

  /// Decodes like ``decode(_:from:)`` and also returns, for each UTF-16 unit of the result, the
  /// byte offset in `bytes` it came from.
  public static func decodeWithOffsets(
    _ bytes: [UInt8], from charset: String, wantOffsets: Bool = true
  ) throws(CharsetError) -> (text: String, utf16Offsets: [Int32]) {
    if bytes.isEmpty { return ("", []) }
    guard bytes.count < Int(Int32.max / 2) else { throw .tooLarge(bytes.count) }
    // Every byte yields at most one UTF-16 unit in the charsets we meet, plus slack for
    // surrogate pairs from 4-byte sequences.
    var capacity = bytes.count + 16
    while true {
      var units = [UInt16](repeating: 0, count: capacity)
      var offsets = [Int32](repeating: 0, count: wantOffsets ? capacity : 0)
      var errorOffset: Int64 = -1
      var status: Int32 = 0
      let written = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          offsets.withUnsafeMutableBufferPointer { offsetBuffer in
            // No offsets wanted: NULL, never the empty array's storage, which ICU would write
            // one offset per unit into.
            CICU_toUTF16(
              charset, chars.baseAddress, Int32(chars.count), &units, wantOffsets ? offsetBuffer.baseAddress : nil,
              Int32(capacity), &errorOffset, &status)
          }
        }
      }
      if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
        capacity = Int(written) + 16
        continue
      }
      if CICU_isFailure(status) != 0 {
        let name = String(cString: CICU_errorName(status))
        if errorOffset >= 0 { throw .invalidBytes(charset: charset, offset: Int(errorOffset)) }
        if name == "U_FILE_ACCESS_ERROR" || name == "U_INVALID_TABLE_FORMAT" {
          throw .unknownCharset(charset)
        }
        throw .failed(charset: charset, icuError: name)
      }
      let text = String(decoding: units[0..<Int(written)], as: UTF16.self)
      return (text, wantOffsets ? Array(offsets[0..<Int(written)]) : [])
    }
  }
}

extension Charset {
  /// Encodes `text` in `charset` (for tests, fixtures and legacy outputs).
  ///
  /// - Throws: ``CharsetError/failed(charset:icuError:)`` when a character has no mapping.
  public static func encode(_ text: String, to charset: String) throws(CharsetError) -> [UInt8] {
    let units = Array(text.utf16)
    var capacity = units.count * 4 + 16
    while true {
      var bytes = [CChar](repeating: 0, count: capacity)
      var status: Int32 = 0
      let written = CICU_fromUTF16(charset, units, Int32(units.count), &bytes, Int32(capacity), &status)
      if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
        capacity = Int(written) + 16
        continue
      }
      if CICU_isFailure(status) != 0 {
        throw .failed(charset: charset, icuError: String(cString: CICU_errorName(status)))
      }
      return bytes[0..<Int(written)].map { UInt8(bitPattern: $0) }
    }
  }
}

/// Why bytes could not be decoded.
public enum CharsetError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The bytes at `offset` are not valid in `charset`.
  case invalidBytes(charset: String, offset: Int)
  /// ICU has no converter of that name.
  case unknownCharset(String)
  case tooLarge(Int)
  case failed(charset: String, icuError: String)

  public var description: String {
    switch self {
    case let .invalidBytes(charset, offset): "invalid \(charset) at byte \(offset)"
    case let .unknownCharset(name): "unknown charset '\(name)'"
    case let .tooLarge(count): "\(count) bytes is too large to convert in one piece"
    case let .failed(charset, error): "cannot decode \(charset): \(error)"
    }
  }
}
