import Testing

@testable import SegflowKit

/// A title keeps a lone space between ideographs (the gap of a two-part headline), unless the
/// space leaves one ideograph alone on a side: then it is glue of a stretched line.
@Suite struct ReflowTitleSpaceTests {
  let text = """
    1989 年 到
    1994 年，她在芝加哥大学法
    学院任教，同时在一家律师
    事务所工作，直到当选为州
    参议员。

    创新发展 用好党建

    党委坚持把创新作为引领发
    展的第一动力，推动党建工
    作与生产经营深度融合。
    """

  @Test("lone-character-space: a title's space next to a single ideograph is dropped, with its decision")
  func spaceBesideOneCharacter() {
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.heading, .paragraph, .heading, .paragraph])
    #expect(blocks[0].text == "1989年到")
    #expect(blocks[0].decisions.contains { $0.rule == "lone-character-space" })
  }

  @Test("the gap between the two halves of a headline stays")
  func twoPartHeadlineKeepsSpace() {
    let blocks = reflow(text)
    #expect(blocks[2].text == "创新发展 用好党建")
    #expect(!blocks[2].decisions.contains { $0.rule == "lone-character-space" })
  }
}
