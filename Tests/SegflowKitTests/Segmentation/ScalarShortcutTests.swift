import SegflowICU
import Testing

@testable import SegflowKit

/// Shortcuts of the word layer give the answers of the slow paths they replace.
@Suite struct ScalarShortcutTests {
  @Test("the property traits (the BMP table, computed beyond it) agree with ICU's properties in every plane")
  func traitsTable() {
    // Mismatches gathered and checked once: an expectation per scalar of all seventeen planes
    // would make this the slowest test.
    var mismatches: [String] = []
    for value in UInt32(0)..<0x110000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if ScalarTraits.isWhitespace(scalar) != scalar.isICUWhiteSpace || ScalarTraits.isAlphabetic(scalar) != scalar.isICUAlphabetic
        || ScalarTraits.isPunctuation(scalar) != scalar.icuCategory.isPunctuation
        || ScalarTraits.status(of: scalar) != WordRefiner.computedStatus(of: scalar)
      {
        mismatches.append("U+" + String(value, radix: 16, uppercase: true))
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
  }

  @Test("a character that may start no suffix is canonically equivalent to no suffix's first character")
  func suffixInitials() {
    let initials = Set((WordRefiner.suffixes.union(["会"])).map { String($0.unicodeScalars.first!) })
    for value in UInt32(0)..<0x30000 {
      guard let scalar = Unicode.Scalar(value), !WordRefiner.mayStartSuffix(scalar) else { continue }
      // Set<String> compares up to canonical equivalence, as the suffix lookup does.
      #expect(!initials.contains(String(scalar)), "U+\(String(value, radix: 16))")
    }
    #expect(WordRefiner.suffixes.union(["会"]).allSatisfy { $0.unicodeScalars.count <= 2 })
    // A compatibility ideograph equal to a suffix still reaches the string comparison.
    #expect(WordRefiner.mayStartSuffix("\u{F961}"))
    #expect("\u{F961}" == "率")
  }

  @Test("a two-character word with 的 is found among the words with 的 by its characters as by its string")
  func wordsWithDe() {
    let others = (UInt32(0)..<0x10000).compactMap(Unicode.Scalar.init) + (UInt32(0x2F800)...0x2FA1F).compactMap(Unicode.Scalar.init)
    for other in others {
      for (first, second) in [("的", other), (other, "的")] as [(Unicode.Scalar, Unicode.Scalar)] {
        let expected = WordRefiner.wordsWithDe.contains(String(String.UnicodeScalarView([first, second])))
        if WordRefiner.isWordWithDe(first, second) != expected { Issue.record("U+\(String(other.value, radix: 16))") }
      }
    }
    #expect(WordRefiner.isWordWithDe("目", "的") && WordRefiner.isWordWithDe("的", "确") && !WordRefiner.isWordWithDe("新", "的"))
    // 一个 is compared as characters among the numerals and measure words: all of them unified
    // ideographs, each canonically equal only to itself.
    for set in [WordRefiner.numerals, WordRefiner.measures] {
      set.forEachBMPMember { value in #expect((0x4E00...0x9FFF).contains(value), "U+\(String(value, radix: 16))") }
    }
  }

  @Test("a two-character word after a word of ideographs is found among the suffixes by its characters as by its string")
  func twoCharacterSuffixes() {
    #expect(WordRefiner.twoCharacterSuffixes.count == WordRefiner.suffixes.filter { $0.unicodeScalars.count == 2 }.count)
    let seconds = (UInt32(0)..<0x10000).compactMap(Unicode.Scalar.init) + (UInt32(0x2F800)...0x2FA1F).compactMap(Unicode.Scalar.init)
    for first in ["主", "市", "\u{F961}"] as [Unicode.Scalar] {
      for second in seconds {
        let string = String(String.UnicodeScalarView([first, second]))
        let expected = WordRefiner.suffixes.contains(string) || string == "会"
        if let found = WordRefiner.isTwoCharacterSuffix(first, second), found != expected {
          Issue.record("U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
        }
      }
    }
    #expect(WordRefiner.isTwoCharacterSuffix("主", "义") == true && WordRefiner.isTwoCharacterSuffix("市", "场") == false)
    #expect(WordRefiner.isTwoCharacterSuffix("主", "\u{F9F9}") == nil, "a compatibility ideograph goes to the strings")
  }

  @Test("the word layer's class table holds exactly the members of each of its sets")
  func wordClassTable() {
    let table = WordClassTable.shared
    let classes: [(WordClassTable.Class, ScalarSet, String)] = [
      (.urlInitial, WordRefiner.urlInitials, "urlInitials"), (.dateInitial, WordRefiner.dateInitials, "dateInitials"),
      (.numeralDigit, WordRefiner.numeralDigits, "numeralDigits"), (.numeralAll, WordRefiner.numeralAll, "numeralAll"),
      (.yearDigit, WordRefiner.yearDigits, "yearDigits"), (.monthDigit, WordRefiner.monthDigits, "monthDigits"),
      (.ordinalDigit, WordRefiner.ordinalDigits, "ordinalDigits"), (.numeral, WordRefiner.numerals, "numerals"),
      (.measure, WordRefiner.measures, "measures"), (.transliteration, WordRefiner.transliteration, "transliteration"),
      (.functionCharacter, WordRefiner.functionCharacters, "functionCharacters"), (.surname, WordRefiner.surnames, "surnames"),
      (.suffixInitial, WordRefiner.suffixInitials, "suffixInitials"), (.singleSuffix, WordRefiner.singleSuffixes, "singleSuffixes"),
      (.largeNumberUnit, WordRefiner.largeNumberUnits, "largeNumberUnits"), (.percentSign, WordRefiner.percentSigns, "percentSigns"),
      (.digit, WordRefiner.digits, "digits"), (.atSign, WordRefiner.atSigns, "atSigns"), (.ordinalMark, WordRefiner.ordinalMarks, "ordinalMarks"),
    ]
    for value in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for (kind, set, name) in classes where table.contains(scalar, kind) != set.contains(scalar) {
        Issue.record("\(name): U+\(String(value, radix: 16))")
      }
      // The digit class stands for `isDigit` when the spans are searched.
      if table.contains(scalar, .digit) != WordRefiner.isDigit(scalar) { Issue.record("digit: U+\(String(value, radix: 16))") }
      // The top byte is the character's ScalarTraits entry.
      if WordRefiner.CharacterBits.traits(table.bits(of: scalar)) != ScalarTraits.shared.entry(of: scalar) { Issue.record("traits: U+\(String(value, radix: 16))") }
    }
    for scalar: Unicode.Scalar in ["😀", "\u{20000}", "\u{2F800}", "\u{E0020}", "\u{1D7CE}", "\u{10FFFF}"] {
      #expect(WordRefiner.CharacterBits.traits(table.bits(of: scalar)) == ScalarTraits.shared.entry(of: scalar), "U+\(String(scalar.value, radix: 16))")
    }
    // Beyond the BMP the sets answer; none of them has such a member.
    #expect(!table.contains("😀", .numeral) && !table.contains("\u{20000}", .surname))
  }

  @Test("the word layer's string of scalars is the string the scalar view builds")
  func scalarString() {
    let samples: [Unicode.Scalar] = ["a", "\u{7F}", "\u{80}", "é", "\u{7FF}", "\u{800}", "党", "\u{F961}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}"]
    for first in samples {
      for second in samples {
        let scalars = [first, second, first]
        for range in [0..<0, 0..<1, 0..<2, 1..<3, 0..<3] {
          #expect(WordRefiner.string(scalars[range]) == String(String.UnicodeScalarView(scalars[range])))
          #expect(WordRefiner.string(scalars[range]).utf8.elementsEqual(String(String.UnicodeScalarView(scalars[range])).utf8))
        }
      }
    }
  }
}
