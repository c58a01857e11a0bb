import Testing

@testable import SegflowKit

/// Korean puts spaces between words: hangul is wide like an ideograph, but a space beside it is
/// real and a wrapped line of it goes on after a space.
@Suite struct ReflowKoreanSpacingTests {
  @Test("spaces between hangul words stay; wrapped lines are joined with a space")
  func hangulKeepsItsSpaces() {
    let blocks = reflow("""
      한국어 문장은 단어 사이에
      띄어쓰기를 합니다. 이 문장은
      두 줄로 나뉘었습니다.
      """)
    #expect(blocks.map(\.text) == ["한국어 문장은 단어 사이에 띄어쓰기를 합니다. 이 문장은 두 줄로 나뉘었습니다."])
  }

  @Test("hangul is not a CJK character for spacing, and is still counted wide")
  func hangulClass() {
    #expect(ScalarClass("한").isWordLike)
    #expect(!ScalarClass("한").isCJK)
    #expect(ScalarClass.width("한") == 2)
    #expect(ScalarClass("中").isCJK)
  }

  @Test("on a PDF page hangul is still a CJK glyph: wide, and upright in vertical text")
  func hangulGlyph() {
    #expect(ScalarClass.isCJKGlyph("한"))
    #expect(ScalarClass.isCJKGlyph("中"))
    #expect(ScalarClass.isCJKGlyph("，"))
    #expect(!ScalarClass.isCJKGlyph("a"))
    #expect(!ScalarClass.isCJKGlyph("é"))
    #expect(!ScalarClass.isCJKGlyph("7"))
  }
}
