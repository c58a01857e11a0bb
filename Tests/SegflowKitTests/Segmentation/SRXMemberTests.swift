import SegflowICU
import Testing

@testable import SegflowKit

/// The units a one-character SRX element matches: searched as runs where the element always
/// matches one code point, unit by unit otherwise; both must give ICU's answer unit by unit.
@Suite struct SRXMemberTests {
  /// The members as first computed: a search started at every unit of the BMP, nil when any
  /// match is not one unit long or ICU does not take the pattern.
  static func unitByUnit(_ element: String) throws -> [Bool]? {
    guard let regex = try? ICURegex(element) else { return nil }
    let text = (0..<0x10000).filter { !(0xD800...0xDFFF).contains($0) }.map { UInt16($0) }
    var result = [Bool](repeating: false, count: 0x10000)
    try regex.setText(text)
    for range in try regex.matches(from: 0) {
      guard range.count == 1 else { return nil }
      result[Int(text[range.lowerBound])] = true
    }
    return result
  }

  @Test(
    "every element's members are ICU's, unit by unit",
    arguments: [
      // The default English rules' elements.
      "[^\\s]", "[\\s(\\[\\-–—]", "[\\s(\\[]", "[^'‘’`\\n]", "['’]", "\\p{L}",
      // Other sets and properties, nested sets, negations, escapes.
      "\\P{Lu}", "\\s", "\\S", "\\d", "\\W", "[\\p{L}\\p{N}]", "[^()\\n]", "[a-z]", "\\p{Han}", "\\p{Script=Latin}",
      "[[a-z]--[aeiou]]", "[\\x{4E00}-\\x{9FFF}]", "[^\\p{L}\\p{N}.]", "[\\u3000-\\u303F]", "[]a]", "[^]]",
      // Not one code point each, or not a set: searched unit by unit.
      "a", ".", "\\X", "\\R", "\\pL", "(?:a|b)", "ab", "[abc",
    ])
  func membersMatchICU(element: String) throws {
    let expected = try Self.unitByUnit(element)
    let members = SRXPrefilter.OpenerCondition.computeMembers(of: element)
    #expect(members == expected)
  }

  @Test("sets, properties and the class escapes are read as one code point; other elements are not")
  func oneCodePoint() {
    for element in ["[^\\s]", "[\\s(\\[]", "\\p{L}", "\\P{Script=Han}", "\\s", "\\W", "[[a-z]--[aeiou]]"] {
      #expect(SRXPrefilter.OpenerCondition.matchesOneCodePoint(element), "\(element)")
    }
    for element in ["a", ".", "\\X", "\\R", "\\pL", "[a]b", "[a]+", "\\p{L}+", "\\p{L}\\p{N}", "(?:[a])", "\\b", "[abc"] {
      #expect(!SRXPrefilter.OpenerCondition.matchesOneCodePoint(element), "\(element)")
    }
  }
}
