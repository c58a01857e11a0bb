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

@Suite struct ReflowShortEndBeforeOpeningMarkTests {
  @Test("short-end-before-opening-mark: a sentence end three characters into its line, `幕牆。` ⏎ `《紐約時報》認為本`, goes on")
  func threeCharacterEnd() {
    let text = """
      這場秀大量使用了各種
      影片技術，舞台佈景中還
      包括了一面巨形 LED 螢
      幕牆。
      《紐約時報》認為本
      劇「深刻地揭示了現實生
      活中，野心與自省之間的
      無休止爭鬥」
      """
    let blocks = reflow(text)
    #expect(blocks.count == 1)
    #expect(blocks[0].decisions.contains { $0.rule == "short-end-before-opening-mark" })
  }
}

@Suite struct ReflowLetterSpacingTests {
  func profile(_ text: String) -> LineProfile { LineProfile(index: 0, text: text, removeCJKLatinSpaces: true)! }

  @Test("a line with numbers and ideographs set solid is not letter-spaced, however many single characters the glue isolates")
  func numbersWithSolidIdeographs() {
    #expect(!profile("观景台于 2011 年 4 月 17 日").isLetterSpaced)
    #expect(profile("法 國 籍 主 教 徐 德 新 等 11 名 傳 教").isLetterSpaced)
    #expect(profile("2013 年 第 十").isLetterSpaced)
  }

  @Test("title-above-indent: a headline above a first line full of numbers, which is indented, not stretched")
  func headlineAboveNumbers() {
    let text = """
      经济周刊

      这个时代的天皇是近卫天皇
      观景台于 2011 年 4 月 17 日
      起试业，开放时间为早上 10 时至
      晚上 8 时半。这个时代的天皇是近
      卫天皇。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .heading, .paragraph])
    #expect(blocks[1].text == "这个时代的天皇是近卫天皇")
  }
}

@Suite struct ReflowDocumentHeadlineNextLineTests {
  @Test("document-headline: a headline as wide as the CJK line below it, which goes on and so is no full line under an indented one")
  func headlineAboveIndentedFirstLine() {
    let text = """
      专题报道

      教区下辖七十四个堂区
      天主教安国教区是中国
      第一批 6 个国籍教区中教
      友人数较多的一个。
      教长区成立于 1951 年
      11 月 14 日，1997 年有教友
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .heading, .paragraph, .paragraph])
    #expect(blocks[1].text == "教区下辖七十四个堂区")
    #expect(blocks[1].decisions.contains { $0.rule == "document-headline" })
  }

  @Test("document-headline: not a first line indented 1 em above a wider line with marks")
  func firstLineIndentedOneEm() {
    let text = """
      社会民生

      其中一處甚至塗有「小心
      惡犬」的標語。任何人類的
      法則倘若與此法則相矛盾，
      便喪失其效力；而具有效力
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .paragraph])
  }
}

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
