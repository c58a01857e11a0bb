import SegflowICU
import Testing

@testable import SegflowKit

/// `DecodedLine.load` decodes UTF-8 by hand and reads the class table unchecked; for any line it
/// must give what the standard library's decoding and the plain lookups give.
@Suite struct DecodedLineTests {
  /// Scalars, UTF-8 offsets, classes and widths of `text` read the plain way.
  static func reference(_ text: String) -> (scalars: [Unicode.Scalar], offsets: [Int], classes: [ScalarClass], widths: [UInt8]) {
    let scalars = Array(text.unicodeScalars)
    var offsets: [Int] = []
    var offset = 0
    for scalar in scalars {
      offsets.append(offset)
      offset += UTF8.width(scalar)
    }
    offsets.append(offset)
    var classes = scalars.map { ScalarClass($0) }
    // A line without a CJK character that is not East Asian ambiguous: its ambiguous marks are Latin.
    let settled = scalars.indices.contains { classes[$0] == .ideograph || (classes[$0] == .cjkPunctuation && scalars[$0].eastAsianWidth != .ambiguous) }
    if !settled { classes = classes.map { $0 == .cjkPunctuation ? .other : $0 } }
    return (scalars, offsets, classes, scalars.map { UInt8(ScalarClass.width($0)) })
  }

  func expectSame(_ text: String, in line: DecodedLine) {
    line.load(Substring(text))
    let expected = Self.reference(text)
    #expect(Array(line.scalarBuffer()) == expected.scalars, "\(text)")
    #expect((0...line.count).map { line.offsets[$0] } == expected.offsets, "\(text)")
    #expect((0..<line.count).map { line.classes[$0] } == expected.classes, "\(text)")
    #expect((0..<line.count).map { line.widths[$0] } == expected.widths, "\(text)")
    #expect(line.hasNonSpace == expected.classes.contains { $0 != .space }, "\(text)")
  }

  @Test("examples: empty, blank, CJK, Latin with ambiguous marks, beyond the BMP")
  func examples() {
    let line = DecodedLine(capacity: 4)
    for text in ["", "   ", "今天天气很好。", "said, “This” – ok…", "“联党心 通民生”", "𠀋𠀋 a😀", "é\u{301}·Ａ１ｶ", "\u{3000}\t 한국어"] {
      expectSame(text, in: line)
    }
  }

  @Test("random lines of one- to four-byte characters, one buffer reused")
  func randomLines() {
    let alphabet = Array("ab Z9-,.。，中国“”‘’–…·é\u{301}ÀΩЖ한ｶＡ１\u{3000}\t𠀋😀\u{20000}".unicodeScalars)
    var generator = SystemRandomNumberGenerator()
    let line = DecodedLine(capacity: 8)
    for _ in 0..<2000 {
      var view = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...80, using: &generator) { view.append(alphabet.randomElement(using: &generator)!) }
      expectSame(String(view), in: line)
    }
  }

  @Test("every scalar of the BMP decodes to itself with its table class")
  func everyBMPScalar() {
    let line = DecodedLine()
    var mismatches: [String] = []
    for value in 0x20..<0x10000 {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      let text = String(Character(scalar))
      line.load(Substring(text))
      let expected = Self.reference(text)
      if line.count != 1 || line.scalars[0] != scalar || line.offsets[1] != expected.offsets[1] || line.classes[0] != expected.classes[0]
        || line.widths[0] != expected.widths[0]
      {
        mismatches.append(String(value, radix: 16))
      }
    }
    #expect(mismatches.isEmpty, "differ at U+\(mismatches.prefix(20).joined(separator: ", U+"))")
  }

  @Test("the punctuation flags read from the line's entries are the class table's")
  func punctuationFlagsMatchTable() {
    let decoded = DecodedLine()
    var mismatches: [String] = []
    for value in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      decoded.load(Substring(String(Character(scalar))))
      if decoded.count != 1 || decoded.entries[0] & ScalarTable.punctuationFlagsMask != ScalarTable.punctuationFlags(scalar) { mismatches.append(String(value, radix: 16)) }
    }
    #expect(mismatches.isEmpty, "differ at U+\(mismatches.prefix(20).joined(separator: ", U+"))")
    for (text, flags) in [("。", ScalarTable.terminalFlag | ScalarTable.clauseFlag), ("，", ScalarTable.clauseFlag | ScalarTable.continuingFlag), ("\u{20000}", 0)] {
      decoded.load(Substring(text))
      #expect(decoded.entries[0] & ScalarTable.punctuationFlagsMask == flags, "\(text)")
    }
  }
}
