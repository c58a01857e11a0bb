import Testing

@testable import SegflowKit

/// `column-change` measures the fragments below in the column below, not in the lede above.
@Suite struct ReflowColumnChangeTests {
  @Test("column-change: fragments below add up to visual lines of the column below, not of the wide lede above")
  func fragmentsBelowALede() {
    let text = """
      城市地标为伊欧拉湖

      1961 年 3 月 3 日，奇尔沙治号再次前往西太平洋巡航。
      辖区北部属于中国山地，多为山林
      地，南部为日本原高原。
      随着香港社会的资讯逐渐流通，节
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text) == ["城市地标为伊欧拉湖", "1961年3月3日，奇尔沙治号再次前往西太平洋巡航。", "辖区北部属于中国山地，多为山林地，南部为日本原高原。", "随着香港社会的资讯逐渐流通，节"])
    #expect(blocks.flatMap { $0.decisions.map(\.rule) }.contains("column-change"))
  }
}
