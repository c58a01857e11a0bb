import Testing

@testable import SegflowKit

/// `split-byline`: a byline that squeezed `：` cut after its role (`记者：` ⏎ `韦鹏`).
@Suite struct ReflowSplitBylineTests {
  @Test("split-byline: `记者：` ⏎ `韦鹏` at the end of the text is one byline")
  func roleAndNameOnTwoLines() {
    let text = """
      观景台于 2011 年 4
      月 17 日起试业，
      开放时间
      为早上 10 时至晚上 8 时
      半。
      记者：
      韦鹏

      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .byline])
    #expect(blocks.last?.text == "记者：韦鹏")
    #expect(blocks.last?.decisions.contains { $0.rule == "split-byline" } == true)
  }

  @Test("split-byline: not a role word that opens a sentence (`记者：` ⏎ `他说，…`), nor before more text")
  func notRunningText() {
    let text = """
      开放时间为早上十时至晚
      上八时半。
      记者：
      韦鹏
      开放时间为早上十时至晚
      上八时半。
      """
    let blocks = reflow(text)
    #expect(!blocks.contains { $0.kind == .byline })
  }
}
