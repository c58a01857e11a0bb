import Testing

@testable import SegflowKit

/// `title-above-word-line`: a title after a blank line, above a line that starts with a number
/// or Latin word or was letter-spaced, so short that no first line cut before that word would
/// stop there.
@Suite struct ReflowTitleAboveWordLineTests {
  @Test("title-above-word-line: `据媒体引述` above `1949 年之后，` is a heading")
  func titleAboveNumber() {
    let text = """
      最大振幅的大气潮产生于日间太阳辐射对
      对流层的水蒸气和平流层的臭氧周期性加热。

      据媒体引述
      1949 年之后，
      广州地区铁路运量逐年增大，
      广州铁路分局也对铁路及站场进行整体改造。
      2011 年 7 月 21 日，大津祐树和德国足球甲级
      联赛球队门兴格拉德巴赫签约三年。这些人大
      量捕杀大海牛，吃它们的肉、用它们的皮来制造
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
    #expect(blocks[1].text == "据媒体引述")
    #expect(blocks.flatMap(\.decisions).contains { $0.rule == "title-above-word-line" })
  }

  @Test("title-above-word-line: `除了抵制英國產品外` above a letter-spaced line is a heading")
  func titleAboveStretchedLine() {
    let text = """
      1097 人。1914 年，政府允諾減少在南
      非對印度人的歧視。
      但是甘地更相信尼赫魯能建立保障印
      度人民自由的政府。

      除了抵制英國產品外
      在 艾 哈 邁 達 巴 德 建 立 了 Sabarmati
      Ashram（高僧修行所）
      ，還有報紙「年輕
      的印度」
      """
    let blocks = reflow(text)
    #expect(blocks.count >= 3)
    #expect(blocks.contains { $0.kind == .heading && $0.text == "除了抵制英國產品外" })
  }

  @Test("title-above-word-line: not a first line that the number below did not fit after")
  func firstLineCutBeforeNumber() {
    let text = """
      最大振幅的大气潮产生于日间太阳辐射对
      对流层的水蒸气和平流层的臭氧周期性加热。

      据媒体引述广州地区铁路运量逐年增
      1949 年之后大，广州铁路分局也对铁路及站
      站场进行整体改造。大津祐树和德国足球甲级
      联赛球队门兴格拉德巴赫签约三年。这些人大
      量捕杀大海牛，吃它们的肉、用它们的皮来制造
      """
    let blocks = reflow(text)
    #expect(!blocks.flatMap(\.decisions).contains { $0.rule == "title-above-word-line" })
  }
}
