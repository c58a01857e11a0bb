import Testing
@testable import SegflowKit

/// `SourceLocator.characters(before:)` counts from a sample eight bytes at a time; it must count
/// the characters that start before every offset, as a walk over the scalars does.
@Suite struct SourceLocatorTests {
  @Test func characterCountsMatchAScalarWalkAtEveryOffset() {
    let alphabet: [Character] = ["a", " ", "é", "\u{7FF}", "我", "，", "。", "\u{FFFF}", "𠀀", "😀"]
    var generator = SplitMix(seed: 64)
    for round in 0..<300 {
      let length = Int.random(in: 0...(round % 5 == 0 ? 400 : 60), using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      let locator = SourceLocator(block: Block(kind: .paragraph, text: text, pieces: []), offsetMap: .identity)
      var expected = [Int](repeating: 0, count: text.utf8.count + 1)
      var offset = 0
      var count = 0
      for scalar in text.unicodeScalars {
        count += 1
        for inside in 1...UTF8.width(scalar) { expected[offset + inside] = count }
        offset += UTF8.width(scalar)
      }
      let found = (0...text.utf8.count).map { locator.characters(before: $0) }
      #expect(found == expected, "\(text.debugDescription)")
    }
  }
}
