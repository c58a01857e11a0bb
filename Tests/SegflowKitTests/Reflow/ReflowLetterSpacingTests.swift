import Testing

@testable import SegflowKit

/// Letter spacing is judged as pdftotext spaces it: with a word in the line, a stretched line has every gap spaced.
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
