import Testing
@testable import SegflowKit

/// The XML writers test every segment's bytes sixteen at a time (`XMLText.needsEscaping`,
/// `XMLText.forbiddenScalars`); these compare them with scalar-by-scalar references.
@Suite struct XMLTextTests {
  /// What `XMLText.escaped` changes, scalar by scalar.
  static func referenceNeedsEscaping(_ text: String, attribute: Bool) -> Bool {
    text.unicodeScalars.contains { scalar in
      switch scalar {
      case "&", "<", ">", "\r": true
      case "\"", "'", "\n", "\t": attribute
      default: XMLText.isForbidden(scalar)
      }
    }
  }

  static func referenceForbidden(_ text: String) -> [Unicode.Scalar] {
    var seen: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars where XMLText.isForbidden(scalar) && !seen.contains(scalar) { seen.append(scalar) }
    return seen
  }

  /// Mostly CJK text with the characters the tests act on (and their near misses: the
  /// full-width forms share U+FFFE's lead byte) at any position, so at every place in a word.
  static func randomText(_ generator: inout SplitMix) -> String {
    let rare: [Unicode.Scalar] = ["&", "<", ">", "\"", "'", "\r", "\n", "\t", "\u{01}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FEFF}", "\u{FF0C}", "\u{EFFF}", "😀"]
    let common: [Unicode.Scalar] = ["党", "建", "，", "。", "a", "1", " ", "é", "！"]
    var text = String.UnicodeScalarView()
    for _ in 0..<Int(generator.next() % 80) {
      let pick = generator.next()
      text.append(pick % 17 == 0 ? rare[Int((pick >> 8) % UInt64(rare.count))] : common[Int((pick >> 8) % UInt64(common.count))])
    }
    return String(text)
  }

  @Test("the sixteen-byte tests agree with scalar-by-scalar ones", arguments: 0..<20)
  func wordTests(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    for _ in 0..<500 {
      let text = Self.randomText(&generator)
      let expectedText = Self.referenceNeedsEscaping(text, attribute: false)
      let expectedAttribute = Self.referenceNeedsEscaping(text, attribute: true)
      let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }
      var copy = text
      copy.withUTF8 { bytes in
        #expect(XMLText.needsEscaping(bytes, attribute: false) == expectedText, "\(scalars)")
        #expect(XMLText.needsEscaping(bytes, attribute: true) == expectedAttribute, "\(scalars)")
      }
      #expect(XMLText.forbiddenScalars(in: text) == Self.referenceForbidden(text))
    }
  }

  @Test("escaped text appended as bytes is XMLText.escaped", arguments: 0..<10)
  func appendedBytes(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    for _ in 0..<300 {
      let text = Self.randomText(&generator)
      for attribute in [false, true] {
        var out = OutputBytes(capacity: 16)
        out.appendXMLEscaped(text, attribute: attribute, forbidden: XLIFF2Writer.codePoint)
        let written = out.withBytes { String(decoding: $0, as: UTF8.self) }
        #expect(written == XMLText.escaped(text, attribute: attribute, forbidden: XLIFF2Writer.codePoint))
      }
    }
  }
}
