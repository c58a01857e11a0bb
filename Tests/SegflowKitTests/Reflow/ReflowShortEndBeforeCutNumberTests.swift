import Testing

@testable import SegflowKit

/// `short-end-before-cut-number`: a line cut at both marks was shrunk; the prior decides the tie.
@Suite struct ReflowShortEndBeforeCutNumberTests {
  @Test("short-end-before-cut-number: `权。` ⏎ `2013 年 4 月，` ⏎ `威廉`, cut at both marks, goes on")
  func numberCutAfterComma() {
    let text = """
      然俾斯麦说他和威廉
      的工作关系是一个臣
      子 对 他 的 长 官 尽 忠，
      实际上俾斯麦拿着
      管理内政和外交的实
      权。
      2013 年 4 月，
      威廉
      玛丽校友玛丽·乔·
      """
    let blocks = reflow(text)
    #expect(blocks.count == 1)
    #expect(blocks[0].decisions.contains { $0.rule == "short-end-before-cut-number" })
  }

  @Test("short-end-before-cut-number: not when the number's line goes on past its comma (an indented first line)")
  func numberLineGoesOn() {
    let text = """
      理内政和外交的实权，
      以及其他很多事。
      2007 年，教
      堂完成了主體大修工
      程，工程包括內部結
      """
    let blocks = reflow(text)
    #expect(blocks.count == 2)
  }
}
