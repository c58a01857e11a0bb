import SegflowICU

/// Unicode properties the segmentation and word layers test on every character, looked up in a
/// table for the Basic Multilingual Plane (built once from the same `Unicode.Scalar.Properties`
/// calls) instead of asked from the standard library each time. Characters beyond the BMP are
/// computed as before.
enum ScalarTraits {
  private static let whitespaceBit: UInt8 = 1 << 3
  private static let alphabeticBit: UInt8 = 1 << 4
  private static let punctuationBit: UInt8 = 1 << 5
  private static let statusMask: UInt8 = 0b111

  private static let statuses: [WordRuleStatus] = [.none, .number, .letter, .kana, .ideographic]

  private static func code(_ status: WordRuleStatus) -> UInt8 {
    switch status {
    case .none: 0
    case .number: 1
    case .letter: 2
    case .kana: 3
    case .ideographic: 4
    }
  }

  /// Per BMP code point: word status (bits 0–2), white space, alphabetic, punctuation.
  private static let table: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 0x10000)
    for value in 0..<0x10000 {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      table[value] = compute(scalar)
    }
    return table
  }()

  private static func compute(_ scalar: Unicode.Scalar) -> UInt8 {
    let properties = scalar.properties
    var bits = code(WordRefiner.computedStatus(of: scalar))
    if properties.isWhitespace { bits |= whitespaceBit }
    if properties.isAlphabetic { bits |= alphabeticBit }
    if properties.generalCategory.isPunctuation { bits |= punctuationBit }
    return bits
  }

  @inline(__always)
  private static func bits(_ scalar: Unicode.Scalar) -> UInt8 {
    scalar.value < 0x10000 ? table.withUnsafeBufferPointer { $0[Int(scalar.value)] } : compute(scalar)
  }

  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { bits(scalar) & whitespaceBit != 0 }
  static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool { bits(scalar) & alphabeticBit != 0 }
  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { bits(scalar) & punctuationBit != 0 }
  static func status(of scalar: Unicode.Scalar) -> WordRuleStatus { statuses[Int(bits(scalar) & statusMask)] }
}
