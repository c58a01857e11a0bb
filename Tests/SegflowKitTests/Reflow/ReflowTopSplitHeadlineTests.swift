import Testing

@testable import SegflowKit

/// A headline under the page head spans the columns: its halves may each be as wide as a column.
@Suite struct ReflowTopSplitHeadlineTests {
  @Test("split-headline: under the page head, two column-wide halves between blank lines are one headline")
  func columnWideHalvesUnderPageHead() {
    let text = """
      体育

      那座天后庙位于天后庙道

      教区下辖七十四个堂区

      2010 年有教友 54,942 人、
      廿一个堂区、
      廿九名司铎。教区成立于 1956 年 12 月 17 日，
      包括兰巴耶
      克大区和卡哈马卡大区的圣克鲁斯省。
      天主教安国教区是中国第一批 6
      个国籍教区中教友人数较多的一个。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .heading, .paragraph, .paragraph])
    #expect(blocks[1].text == "那座天后庙位于天后庙道 教区下辖七十四个堂区")
    #expect(blocks[1].decisions.contains { $0.rule == "split-headline" })
  }
}
