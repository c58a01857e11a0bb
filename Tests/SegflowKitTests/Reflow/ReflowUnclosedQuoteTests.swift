import Testing

@testable import SegflowKit

/// `hasUnclosedQuote` scans the line's bytes for the marks; it must agree with matching every
/// character against every pair.
@Suite struct ReflowUnclosedQuoteTests {
  /// The test as first written: every character against every pair.
  static func reference(_ text: String) -> Bool {
    var depth = [Int](repeating: 0, count: Reflower.quotePairs.count)
    for scalar in text.unicodeScalars {
      for (slot, pair) in Reflower.quotePairs.enumerated() {
        if scalar == pair.open {
          depth[slot] += 1
        } else if scalar == pair.close, depth[slot] > 0 {
          depth[slot] -= 1
        }
      }
    }
    return depth.contains { $0 > 0 }
  }

  func unclosed(_ text: String) -> Bool {
    Reflower.hasUnclosedQuote(Substring(text))
  }

  @Test("examples: an open mark, a closed one, a stray closing mark, marks that share the first bytes")
  func examples() {
    #expect(unclosed("站牌上標示著「浪漫和傳奇的入"))
    #expect(!unclosed("「浪漫」和《傳奇》"))
    #expect(unclosed("」野松原「"))
    #expect(!unclosed("他说：“好”——〈书〉…"))
    #expect(unclosed("“甲‘乙”"))
    #expect(!unclosed("【新闻】 2024"))
  }

  @Test("random lines of marks, dashes, ellipses and ideographs agree with the plain reading")
  func randomLines() {
    let alphabet = Array("「」『』“”‘’《》〈〉【】—…–·、。中文 a1()（）".unicodeScalars)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let length = Int.random(in: 1...12, using: &generator)
      var view = String.UnicodeScalarView()
      for _ in 0..<length { view.append(alphabet.randomElement(using: &generator)!) }
      let text = String(view)
      guard text.unicodeScalars.contains(where: { $0 != " " }) else { continue }
      #expect(unclosed(text) == Self.reference(text), "\(text)")
    }
  }
}
