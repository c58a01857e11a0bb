import Testing

@testable import SegflowKit

/// Running heads are page names of two to four characters; a longer first line may be a headline half.
@Suite struct ReflowRunningHeadLengthTests {
  @Test("split-headline: a first line of five or six characters that the next completes is a headline's first half, not a running head")
  func sixCharacterFirstHalf() {
    let text = """
      近代意义上的

      城市地标为伊欧拉湖

      1961 年 3 月 3 日，奇尔沙治号再次前往西太平洋巡航。
      辖区北部属于中国山地，多为山林
      地，南部为日本原高原。
      """
    let blocks = reflow(text)
    #expect(blocks.first?.text == "近代意义上的 城市地标为伊欧拉湖")
    #expect(blocks.first?.kind == .heading)
  }

  @Test("page-head: a first line of four characters stays the running head")
  func fourCharacterRunningHead() {
    let text = """
      经济周刊

      城市地标为伊欧拉湖

      1961 年 3 月 3 日，奇尔沙治号再次前往西太平洋巡航。
      辖区北部属于中国山地，多为山林
      地，南部为日本原高原。
      """
    let blocks = reflow(text)
    #expect(blocks.prefix(2).map(\.kind) == [.header, .heading])
  }
}
