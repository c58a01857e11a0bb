internal import CICU

/// Unicode normalization forms, as ICU implements them.
public enum NormalizationForm: String, Sendable, CaseIterable {
  case nfc = "NFC", nfd = "NFD", nfkc = "NFKC", nfkd = "NFKD"

  var code: Int32 {
    switch self {
    case .nfc: Int32(CICU_NFC)
    case .nfd: Int32(CICU_NFD)
    case .nfkc: Int32(CICU_NFKC)
    case .nfkd: Int32(CICU_NFKD)
    }
  }
}

/// ICU normalization of Swift strings.
public enum Normalizer {
  /// `text` in `form`. Returns the string itself, without copying, when it is already normalized.
  public static func normalize(_ text: String, to form: NormalizationForm) throws(ICUError) -> String {
    let units = Array(text.utf16)
    var status: Int32 = 0
    let already = CICU_isNormalized(form.code, units, Int32(units.count), &status)
    try ICUError.check(status, "checking \(form.rawValue) normalization")
    if already != 0 { return text }
    var capacity = units.count + units.count / 2 + 16
    while true {
      var output = [UInt16](repeating: 0, count: capacity)
      status = 0
      let needed = CICU_normalize(form.code, units, Int32(units.count), &output, Int32(capacity), &status)
      if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ || Int(needed) > capacity {
        capacity = Int(needed) + 1
        continue
      }
      try ICUError.check(status, "normalizing to \(form.rawValue)")
      return String(decoding: output[0..<Int(needed)], as: UTF16.self)
    }
  }

  /// For each code point of the Basic Multilingual Plane, whether it has the quick-check value
  /// Yes for `form` and combining class 0: a string made only of such characters is already in
  /// `form` (ICU's `isNormalized` takes the same shortcut character by character), so a caller
  /// can skip the UTF-16 copy and the check for most lines. Index by the scalar value.
  /// (Built from a set of the two properties, range by range.)
  public static func quickCheckYesTable(_ form: NormalizationForm) -> [Bool] {
    table(form, CICU_quickCheckYesTable)
  }

  /// ``quickCheckYesTable(_:)`` asked of ICU code point by code point: the tests' reference.
  public static func quickCheckYesTableByCodePoint(_ form: NormalizationForm) -> [Bool] {
    table(form, CICU_quickCheckYesTableByCodePoint)
  }

  private static func table(_ form: NormalizationForm, _ fill: (Int32, UnsafeMutablePointer<UInt8>, Int32) -> Void) -> [Bool] {
    var bytes = [UInt8](repeating: 0, count: 0x10000)
    bytes.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress { fill(form.code, base, Int32(buffer.count)) }
    }
    return bytes.map { $0 != 0 }
  }

  /// Whether `text` is already in `form`.
  public static func isNormalized(_ text: String, _ form: NormalizationForm) throws(ICUError) -> Bool {
    let units = Array(text.utf16)
    var status: Int32 = 0
    let result = CICU_isNormalized(form.code, units, Int32(units.count), &status)
    try ICUError.check(status, "checking \(form.rawValue) normalization")
    return result != 0
  }
}
