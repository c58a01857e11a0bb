import Testing

@testable import SegflowKit

/// `quoted-character-space`: a lone space inside quotation marks that leaves one ideograph
/// against the mark is glue, not a slogan's space.
@Suite struct ReflowQuotedCharacterSpaceTests {
  @Test("quoted-character-space: `《夜行` ⏎ `神 龙》` loses the space of its stretched fragment")
  func characterAgainstClosingMark() {
    let text = """
      起，本作改编的动
      画开始在 TBS 系
      电视台放映。
      《夜行
      神 龙》
      （Gargoyles）
      是美国迪士尼公司
      推 出 的 动 画 影 集，
      """
    let blocks = reflow(text)
    #expect(blocks.count == 1)
    #expect(blocks[0].text.contains("《夜行神龙》（Gargoyles）"))
    #expect(blocks[0].decisions.contains { $0.rule == "quoted-character-space" })
  }

  @Test("quoted-character-space: a slogan's space between words stays (`“不忘初心 牢记使命”`, `“奋斗百年路 启` at a line end)")
  func sloganSpaceStays() {
    let text = """
      同时，通过深入开展
      “不忘初心 牢记使命”主
      题教育、“奋斗百年路 启
      航 新 征 程 ” 主 题 活 动 、
      """
    let blocks = reflow(text)
    #expect(blocks.count == 1)
    #expect(blocks[0].text == "同时，通过深入开展“不忘初心 牢记使命”主题教育、“奋斗百年路 启航新征程”主题活动、")
    #expect(!blocks[0].decisions.contains { $0.rule == "quoted-character-space" })
  }
}
