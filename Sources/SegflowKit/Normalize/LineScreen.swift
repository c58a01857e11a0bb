import SegflowICU

/// Tells, in one pass over a line's UTF-8 bytes, that the normalize stage would leave the line
/// as it is: no vertical form or zero-width character to replace, and only characters that are
/// in the normalization form whatever surrounds them (quick-check Yes, combining class 0).
///
/// Nearly every line of Chinese text passes, and then the stage skips the three scalar passes,
/// the UTF-16 copy and ICU's check it would otherwise make per line. A line that does not pass
/// takes the full path, so the outcome is the same either way (`LineScreenTests`).
struct LineScreen: Sendable {
  /// Quick-check Yes and combining class 0 for the form (nil: no normalization).
  private let stable: [Bool]?
  private let verticalForms: Bool
  private let removeZeroWidth: Bool
  /// Every scalar from U+4000 to U+9FFF (lead bytes E4–E9: CJK ideographs, most of a Chinese
  /// line) is stable, so those three bytes need no decoding. Read from the table, not assumed.
  private let ideographsStable: Bool

  init(form: NormalizationForm?, verticalForms: Bool, removeZeroWidth: Bool) {
    let table = form.map(Self.table)
    stable = table?.stable
    self.verticalForms = verticalForms
    self.removeZeroWidth = removeZeroWidth
    ideographsStable = table?.ideographsStable ?? true
  }

  /// True when the line is certainly unchanged by the stage; false when the full path must decide.
  func passes(_ text: Substring) -> Bool {
    text.withUTF8Bytes { passes($0) }
  }

  func passes(_ text: String) -> Bool {
    passes(Substring(text))
  }

  func passes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    guard let base = bytes.baseAddress else { return true }
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        // ASCII needs nothing: the rest of a run eight bytes a test (a line's few digits in
        // Chinese cost one test more; a Latin line is skipped eight times faster).
        index &+= 1
        while index &+ 8 <= count, ByteWord.load(base + index) & ByteWord.highs == 0 { index &+= 8 }
        continue
      }
      // (No vertical form or zero-width character lies there either.)
      if lead >= 0xE4 && lead <= 0xE9 && ideographsStable {
        index &+= 3
        // The ideographs that follow two at a time: the text is well-formed UTF-8, so a lead
        // E4–E9 has its two continuation bytes and the next character starts three bytes on.
        while index &+ 6 <= count, bytes[index] &- 0xE4 < 6, bytes[index &+ 3] &- 0xE4 < 6 { index &+= 6 }
        continue
      }
      // Swift strings hold well-formed UTF-8, so the continuation bytes are there.
      let value: UInt32
      if lead < 0xE0 {
        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        index += 2
      } else if lead < 0xF0 {
        value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        index += 3
      } else {
        return false  // beyond the BMP (rare): let the full path decide
      }
      if let stable, !stable[Int(value)] { return false }
      if verticalForms, value >= 0xFE10, value <= 0xFE4F { return false }
      if removeZeroWidth, value == 0x200B || value == 0x200C || value == 0x200D || value == 0x2060 || value == 0xFEFF { return false }
    }
    return true
  }

  /// One table per form, built once from ICU's properties.
  private static func table(_ form: NormalizationForm) -> Table {
    switch form {
    case .nfc: nfc
    case .nfd: nfd
    case .nfkc: nfkc
    case .nfkd: nfkd
    }
  }

  private struct Table {
    let stable: [Bool]
    let ideographsStable: Bool

    init(_ form: NormalizationForm) {
      let stable = Normalizer.quickCheckYesTable(form)
      self.stable = stable
      ideographsStable = (0x4000...0x9FFF).allSatisfy { stable[$0] }
    }
  }

  private static let nfc = Table(.nfc)
  private static let nfd = Table(.nfd)
  private static let nfkc = Table(.nfkc)
  private static let nfkd = Table(.nfkd)
}
