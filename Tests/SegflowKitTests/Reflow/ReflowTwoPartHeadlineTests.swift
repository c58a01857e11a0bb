import Testing

@testable import SegflowKit

/// A two-part headline keeps its lone space and stands apart from the text directly below it.
@Suite struct ReflowTwoPartHeadlineTests {
  @Test("document-headline: a two-part headline (a lone space between ideographs) directly above the text")
  func twoPartHeadlineAboveText() {
    let text = """
      读书

      除了抵制英國產品外 在此之後
      島嶼長度約為 11 公里，寬度 6 公
      里。該島還設有 8 個網球場和 1 個
      環繞安娜費雷拉峰的馬術中心。
      翻譯時，除使用原文外，參考的考
      """
    let blocks = reflow(text)
    #expect(blocks.prefix(2).map(\.kind) == [.header, .heading])
    #expect(blocks[1].text == "除了抵制英國產品外 在此之後")
  }
}
