import Testing

@testable import SegflowKit

/// A title set directly above text closes the quotations it opens: a line that leaves one open
/// was cut inside it.
@Suite struct ReflowOpenQuoteTitleTests {
  @Test("a line that opens `「` and does not close it, `站牌上標示著「浪漫和傳奇的入`, is no headline")
  func openQuoteIsNoHeadline() {
    let text = """
      经济周刊

      站牌上標示著「浪漫和傳奇的入
      野松原」
      。
      自然界的土是由岩石經風化、搬
      運、堆積而形成的。它主要分布在表
      土層或耕層中，深受耕作施肥等人為
      因素的影響而極不穩定。土壤是重要
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .paragraph, .paragraph])
    #expect(blocks[1].text == "站牌上標示著「浪漫和傳奇的入野松原」。")
  }

  @Test("an open quotation is one opened and not closed in the line")
  func closedQuoteKeepsHeadline() {
    #expect(Reflower.hasUnclosedQuote("站牌上標示著「浪漫和傳奇的入"))
    #expect(!Reflower.hasUnclosedQuote("站牌上標示著「浪漫和傳奇」"))
    #expect(!Reflower.hasUnclosedQuote("野松原」"))
  }
}
