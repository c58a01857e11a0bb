import Testing

@testable import SegflowKit

/// `BlockBuilder.text` takes a block's bytes without validating them again; for the whole
/// characters it is given it must make the string that decoding the bytes makes.
@Suite struct BlockBuilderTextTests {
  func expectSame(_ text: String) {
    let bytes = Array(text.utf8)
    let unchecked = BlockBuilder.text(bytes[...])
    let decoded = String(decoding: bytes, as: UTF8.self)
    #expect(unchecked == decoded)
    #expect(Array(unchecked.utf8) == bytes)
    // (A string wrongly marked ASCII counts its characters by bytes.)
    #expect(unchecked.count == decoded.count, "\(text)")
    #expect(unchecked.utf16.count == decoded.utf16.count)
  }

  @Test("examples: empty, ASCII, CJK, mixed, a character beyond the BMP, combining marks")
  func examples() {
    for text in ["", " ", "word word", "今天天气很好。", "5G 网络 and “quotes”", "𠀋𠀋 a", "e\u{301}te\u{301}"] {
      expectSame(text)
    }
  }

  @Test("random strings of one- to four-byte characters")
  func randomStrings() {
    let alphabet = Array("ab Z9-,。中“”é\u{301}𠀋😀\u{3000}".unicodeScalars)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      var view = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...60, using: &generator) { view.append(alphabet.randomElement(using: &generator)!) }
      expectSame(String(view))
    }
  }
}
