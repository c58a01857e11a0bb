import SegflowICU
import Testing

/// `Unicode.Scalar.icuCategory` maps ICU's category numbers to cases named as the standard
/// library names the categories; a wrong number would put whole ranges in the wrong category.
@Suite struct CharacterCategoryTests {
  /// One long-assigned character of every category but the surrogates (no scalar is one).
  static let samples: [(Unicode.Scalar, CharacterCategory)] = [
    ("\u{0378}", .unassigned), ("A", .uppercaseLetter), ("a", .lowercaseLetter), ("ǅ", .titlecaseLetter),
    ("ʰ", .modifierLetter), ("党", .otherLetter), ("\u{0301}", .nonspacingMark), ("\u{20DD}", .enclosingMark),
    ("\u{0903}", .spacingMark), ("5", .decimalNumber), ("Ⅻ", .letterNumber), ("½", .otherNumber),
    (" ", .spaceSeparator), ("\u{2028}", .lineSeparator), ("\u{2029}", .paragraphSeparator), ("\u{07}", .control),
    ("\u{200B}", .format), ("\u{E000}", .privateUse), ("-", .dashPunctuation), ("(", .openPunctuation),
    (")", .closePunctuation), ("_", .connectorPunctuation), ("。", .otherPunctuation), ("+", .mathSymbol),
    ("$", .currencySymbol), ("^", .modifierSymbol), ("©", .otherSymbol), ("«", .initialPunctuation), ("»", .finalPunctuation),
  ]

  @Test func everyCategoryHasItsNumber() {
    for (scalar, category) in Self.samples {
      #expect(scalar.icuCategory == category, "U+\(String(scalar.value, radix: 16))")
      // The standard library agrees on characters this old, case name for case name.
      #expect(String(describing: scalar.properties.generalCategory) == String(describing: category))
    }
    #expect(Set(Self.samples.map(\.1)).count == 29)
  }

  /// ICU and the standard library may be of different Unicode versions, so characters assigned
  /// since the older one differ; nearly all of the BMP must agree.
  @Test func theBMPAgreesWithTheStandardLibrary() {
    var agree = 0
    var total = 0
    var punctuationWrong: [UInt32] = []
    for value in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      total += 1
      let category = scalar.icuCategory
      if String(describing: scalar.properties.generalCategory) == String(describing: category) { agree += 1 }
      if category.isPunctuation != String(describing: category).hasSuffix("Punctuation") { punctuationWrong.append(value) }
    }
    #expect(Double(agree) / Double(total) > 0.99, "\(agree) of \(total)")
    #expect(punctuationWrong.isEmpty)
  }
}
