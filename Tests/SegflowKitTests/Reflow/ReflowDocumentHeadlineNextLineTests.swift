import Testing

@testable import SegflowKit

/// `document-headline` read from the next line: a full line below an indented one would be wider.
@Suite struct ReflowDocumentHeadlineNextLineTests {
  @Test("document-headline: a headline as wide as the CJK line below it, which goes on and so is no full line under an indented one")
  func headlineAboveIndentedFirstLine() {
    let text = """
      专题报道

      教区下辖七十四个堂区
      天主教安国教区是中国
      第一批 6 个国籍教区中教
      友人数较多的一个。
      教长区成立于 1951 年
      11 月 14 日，1997 年有教友
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .heading, .paragraph, .paragraph])
    #expect(blocks[1].text == "教区下辖七十四个堂区")
    #expect(blocks[1].decisions.contains { $0.rule == "document-headline" })
  }

  @Test("document-headline: not a first line indented 1 em above a wider line with marks")
  func firstLineIndentedOneEm() {
    let text = """
      社会民生

      其中一處甚至塗有「小心
      惡犬」的標語。任何人類的
      法則倘若與此法則相矛盾，
      便喪失其效力；而具有效力
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .paragraph])
  }
}
