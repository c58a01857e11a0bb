import Testing

@testable import SegflowKit

/// Column estimates that one row measured too wide (glue around a number, an overfull Latin
/// word) or too narrow (fragments cut at squeezed punctuation) must not mislead. The inputs are
/// pdftotext output of pages typeset by `scripts/make-reflow-corpus`.
@Suite struct ReflowWideRowTests {
  @Test("a first line indented 2 em after a blank is no title, though a row below with a number measures wider than the column")
  func firstLineAboveNumberRow() {
    let text = """
      孔雀石和蓝铜
      矿，来自美国亚利
      桑那州。它们在欧
      洲是较为普遍的蝴
      蝶。

      翅膀底色是锈
      红色，翅端上有黑
      色、蓝色及黄色的
      眼状斑点。1929 年，
      十三世达赖喇嘛和
      九世班禅额尔德尼
      发生斗争。为便利
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .paragraph])
    #expect(blocks[1].text.hasPrefix("翅膀底色是锈红色，"))
  }

  @Test("short-title-above-text: a title after a blank is short of the visual lines below, though fragments cut them into short rows")
  func titleAboveFragments() {
    let text = """
      1921 年（大正十年）6 月，
      泽田俊郎的长男在满洲出
      生。哥特式建筑，位于中
      山路和玉光街之间。
      最终沙俄战败，规划
      未能实现。

      朝韩分治后
      同年，
      该公司宣布，
      自
      2006 年 1 月 1 日起大幅

      削减对全国的退休人员的
      卫生保健开销。该公司总
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text)[2] == "朝韩分治后")
    #expect(blocks[2].kind == .heading)
    #expect(blocks[2].decisions.contains { $0.rule == "short-title-above-text" })
    #expect(blocks[3].text.hasPrefix("同年，该公司宣布，自2006年"))
  }
}
