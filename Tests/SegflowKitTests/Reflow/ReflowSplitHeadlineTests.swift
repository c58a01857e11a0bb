import Testing

@testable import SegflowKit

/// `split-headline` joins only halves that stand between blank lines; a wrong join adds a space between CJK.
@Suite struct ReflowSplitHeadlineTests {
  @Test("split-headline: two headings are no halves of one when the second stands directly above the text (no space between CJK)")
  func stackedHeadingsStaySeparate() {
    let text = """
      年，政府允諾減少在南非對印度人的
      歧視。

      面對南下的德國大軍

      換句話說
      但是甘地更相信尼赫魯能建立保
      障印度人民自由的政府。在艾哈邁達
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text) == [
      "年，政府允諾減少在南非對印度人的歧視。", "面對南下的德國大軍", "換句話說", "但是甘地更相信尼赫魯能建立保障印度人民自由的政府。在艾哈邁達",
    ])
  }

  @Test("split-headline: halves between blank lines are still joined with their space")
  func halvesBetweenBlankLines() {
    let text = """
      團表示徐明已失去聯絡半個月。

      另一方面

      在戲劇上

      實德集團是大連市的一家民營企業，成立
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text).contains("另一方面 在戲劇上"))
  }
}
