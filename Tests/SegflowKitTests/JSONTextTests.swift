import Foundation
import Testing

@testable import SegflowKit

@Suite struct JSONTextTests {
  @Test("real characters stay, JSON's specials and invisible separators are escaped")
  func escaping() {
    #expect(JSONText.quoted("党建“加速器”") == "\"党建“加速器”\"")
    #expect(JSONText.quoted("a\"b\\c\nd\te\r") == "\"a\\\"b\\\\c\\nd\\te\\r\"")
    #expect(JSONText.quoted("\u{01}\u{2028}\u{2029}\u{200B}\u{FEFF}") == "\"\\u0001\\u2028\\u2029\\u200b\\ufeff\"")
    #expect(JSONText.quoted("") == "\"\"")
  }

  @Test("every escaped string parses back to itself", arguments: 0..<100)
  func roundTrip(seed: Int) throws {
    var generator = SplitMix(seed: UInt64(seed))
    let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "党", "“", "\u{2028}", "\u{200B}", "\u{FEFF}", "😀", " ", "/"]
    var text = String.UnicodeScalarView()
    for _ in 0..<Int(generator.next() % 40) { text.append(pool[Int(generator.next() % UInt64(pool.count))]) }
    let string = String(text)
    let parsed = try JSONSerialization.jsonObject(with: Data(JSONText.quoted(string).utf8), options: [.fragmentsAllowed]) as? String
    #expect(parsed == string)
  }
}
