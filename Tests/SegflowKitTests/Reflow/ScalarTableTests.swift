import SegflowICU
import Testing

@testable import SegflowKit

/// The class table is built with cheap lookups (white space asked only of separators and
/// controls, scripts compared by number); every entry must be what the plain reading of the
/// properties gives.
@Suite struct ScalarTableTests {
  /// The classification as first written: white space first, the script by its name.
  static func reference(_ scalar: Unicode.Scalar) -> ScalarClass {
    let value = scalar.value
    if value < 0x80 { return ScalarClass(computing: scalar) }
    if scalar == "\u{3000}" || scalar == "\u{00A0}" || scalar == "\u{2009}" || scalar == "\u{202F}" { return .space }
    if scalar.isICUWhiteSpace { return .space }
    switch scalar.icuCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark:
      switch scalar.scriptCode {
      case "Hani", "Hira", "Kana", "Bopo": return .ideograph
      case "Hang": return .latinLetter
      default:
        let width = scalar.eastAsianWidth
        return width == .wide || width == .fullwidth ? .ideograph : .latinLetter
      }
    case .decimalNumber:
      return scalar.eastAsianWidth == .fullwidth ? .ideograph : .digit
    case .otherNumber, .letterNumber:
      return scalar.eastAsianWidth.columns == 2 ? .ideograph : .digit
    default:
      return scalar.eastAsianWidth.columns == 2 ? .cjkPunctuation : .other
    }
  }

  @Test("every BMP entry (class and wide flag) is what the properties say")
  func bmpTableMatchesProperties() {
    var mismatches: [String] = []
    for value in 0..<0x10000 {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      // (ASCII and the middle dot are narrow: see `ScalarClass.width`.)
      let wide: UInt8 = value >= 0x80 && value != 0xB7 && scalar.eastAsianWidth.columns == 2 ? 0x10 : 0
      let expected = Self.reference(scalar).rawValue | wide
      if ScalarTable.bmp[value] & 0x1F != expected { mismatches.append(String(value, radix: 16)) }
    }
    #expect(mismatches.isEmpty, "entries differ at U+\(mismatches.prefix(20).joined(separator: ", U+"))")
  }

  @Test("the class of every entry read unchecked is its raw value's case")
  func uncheckedClassMatchesRawValue() {
    var mismatches: [String] = []
    for value in 0..<0x10000 {
      let entry = ScalarTable.bmp[value]
      if ScalarClass(rawValue: entry & 0x0F) != ScalarClass.fromTable(entry) { mismatches.append(String(value, radix: 16)) }
    }
    #expect(mismatches.isEmpty, "entries differ at U+\(mismatches.prefix(20).joined(separator: ", U+"))")
    for kind in [ScalarClass.ideograph, .cjkPunctuation, .latinLetter, .digit, .other, .space] {
      #expect(ScalarClass.fromTable(kind.rawValue) == kind)
      #expect(ScalarClass.fromTable(kind.rawValue | 0xF0) == kind)
    }
  }

  @Test("the punctuation flags of every BMP entry are the sets' membership")
  func punctuationFlagsMatchSets() {
    var mismatches: [String] = []
    for value in 0..<0x10000 {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      var expected: UInt8 = 0
      if Punctuation.terminal.contains(scalar) { expected |= ScalarTable.terminalFlag }
      if Punctuation.clauseInternal.contains(scalar) { expected |= ScalarTable.clauseFlag }
      if Punctuation.continuing.contains(scalar) { expected |= ScalarTable.continuingFlag }
      if ScalarTable.punctuationFlags(scalar) != expected { mismatches.append(String(value, radix: 16)) }
    }
    #expect(mismatches.isEmpty, "flags differ at U+\(mismatches.prefix(20).joined(separator: ", U+"))")
    #expect(ScalarTable.punctuationFlags("\u{20000}") == 0)
    #expect(ScalarTable.terminalFlag | ScalarTable.clauseFlag | ScalarTable.continuingFlag == 0xE0)
  }

  @Test("widths: ASCII and the middle dot narrow, CJK and ambiguous marks wide")
  func widths() {
    #expect(ScalarClass.width("a") == 1)
    #expect(ScalarClass.width("·") == 1)
    #expect(ScalarClass.width("中") == 2)
    #expect(ScalarClass.width("“") == 2)
    #expect(ScalarClass.width("\u{20000}") == 2)
  }

  @Test("no sentence end or closing mark is an ideograph (a line that ends with one ends no sentence)")
  func marksAreNoIdeographs() {
    for scalar in "。！？!?．…”’」』）〕］｝】〗》〉)\"'.".unicodeScalars {
      #expect(ScalarClass(scalar) != .ideograph, "\(scalar)")
    }
  }

  @Test("astral scalars take the same path", arguments: [0x1F600, 0x20000, 0x2A6D6, 0x1D400, 0x1F1E6, 0xE0020, 0x10FFFD] as [UInt32])
  func astral(_ value: UInt32) {
    let scalar = Unicode.Scalar(value)!
    #expect(ScalarClass(scalar) == Self.reference(scalar))
  }

  @Test("script numbers name the scripts they stand for")
  func scriptNumbers() {
    #expect(UnicodeScript.han.shortName == "Hani")
    #expect(UnicodeScript.hiragana.shortName == "Hira")
    #expect(UnicodeScript.katakana.shortName == "Kana")
    #expect(UnicodeScript.bopomofo.shortName == "Bopo")
    #expect(UnicodeScript.hangul.shortName == "Hang")
    #expect(("中" as Unicode.Scalar).script == .han)
  }
}
