import Testing

@testable import SegflowICU

/// Charset conversion through ICU, with and without the offset table.
@Suite struct CharsetTests {
  @Test("decoding without offsets gives the text decoding with offsets gives (and writes no offset table: it overflowed the heap once)")
  func withoutOffsets() throws {
    let text = String(repeating: "党的基层组织是党的全部工作和战斗力的基础。abc\n", count: 4000)
    let utf16 = Array(text.utf16).flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    for _ in 0..<20 {
      #expect(try Charset.decode(utf16, from: "UTF-16LE") == text)
    }
    let withOffsets = try Charset.decodeWithOffsets(utf16, from: "UTF-16LE")
    #expect(withOffsets.text == text)
    #expect(withOffsets.utf16Offsets.count == text.utf16.count)
    #expect(withOffsets.utf16Offsets.last == Int32(utf16.count - 2))
  }

  @Test("a charset ICU has no converter for is unknown; aliases are known")
  func known() {
    #expect(Charset.isKnown("GB18030"))
    #expect(Charset.isKnown("gbk"))
    #expect(Charset.isKnown("Shift_JIS"))
    #expect(!Charset.isKnown("nope"))
  }
}
