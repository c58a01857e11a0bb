import Testing

@testable import SegflowKit

/// `short-colon-end`: a paragraph may end with `：`; a line ending with it that stops short, above
/// a line that is no rest of it, ends the paragraph.
@Suite struct ReflowShortColonEndTests {
  @Test("short-colon-end: `及出版時間如下：` two characters short, then an indented first line, ends the paragraph")
  func colonEndsParagraph() {
    let text = """
      她亦曾在芬蘭、瑞
      典及法國學習油畫，並
      於 1939 年開 始 寫 作。
      姆明小說系列英語版本
      及出版時間如下：
      始創中心前身為始
      創行、凱聲戲院及麗聲
      戲院，當中始創行的圓
      拱形頂為其建築特色，
      """
    let blocks = reflow(text)
    #expect(blocks.count == 2)
    #expect(blocks[0].text.hasSuffix("姆明小說系列英語版本及出版時間如下："))
    #expect(blocks[1].text.hasPrefix("始創中心前身為始創行"))
    #expect(blocks.flatMap(\.decisions).contains { $0.rule == "short-colon-end" })
  }

  @Test("short-colon-end: not before an opening mark (`：“` squeezed cut the visual line), nor at the column edge")
  func colonGoesOn() {
    let text = """
      她亦曾在芬蘭、瑞
      典及法國學習油畫，並
      於 1939 年開 始 寫 作。
      姆明小說系列英語版本
      及出版時間如下：
      “始創中心前身為始
      創行、凱聲戲院及麗聲
      戲院，當中始創行的圓
      拱形頂為其建築特色，
      後來重建為商場及辦公
      室大廈，並設停車場如
      下：始創中心前身為始
      創行、凱聲戲院及麗聲
      """
    let blocks = reflow(text)
    #expect(blocks.count == 1)
    #expect(!blocks.flatMap(\.decisions).contains { $0.rule == "short-colon-end" })
  }

  @Test("short-colon-end: not before a chain of squeezed fragments (`士：` ⏎ `高大，` ⏎ `结实，` ⏎ `强壮有力。…`)")
  func colonBeforeFragments() {
    let text = """
      度 139 人/平方公里。有些现代
      神话学家认为，坎珀实际是厄客
      德娜的一个别名，两者之间有很
      多相似之处。他是一个典型的战
      士：
      高大，
      结实，
      强壮有力。统治期
      内，梅葛处死了三位大学士；
      """
    let blocks = reflow(text)
    #expect(blocks.count == 1)
    #expect(!blocks.flatMap(\.decisions).contains { $0.rule == "short-colon-end" })
  }

  @Test("colon-column-change: a wide lede that ends with `：` above a narrow column ends there")
  func ledeEndsWithColon() {
    let text = """
      但这次风波并未将其打倒
      她亦曾在芬兰、瑞典及法国学习油画，并于 1939
      年开始写作。姆明小说系列英语版本及出版时间如下：
      始创中心前身
      为始创行、凯声戏
      院及丽声戏院，当
      中始创行的圆拱形
      顶 为 其 建 筑 特 色，
      后来重建为商场及
      办公室大厦，并设
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text).contains("她亦曾在芬兰、瑞典及法国学习油画，并于1939年开始写作。姆明小说系列英语版本及出版时间如下："))
    #expect(blocks.last?.text.hasPrefix("始创中心前身为始创行") == true)
    #expect(blocks.flatMap(\.decisions).contains { $0.rule == "colon-column-change" })
  }

  @Test("colon-column-change: not above the short last lines of a paragraph (`战士：` ⏎ `高大，结` ⏎ `实，` ⏎ `强壮有力。` ⏎ blank)")
  func colonAboveShortLastLines() {
    let text = """
      有些现代神话学家认为，
      坎珀实际是厄客德娜的一个别
      名，两者之间有很多相似之处。
      他是一个典型的战士：
      高大，结
      实，
      强壮有力。

      统治期内，梅葛处死了三位大
      """
    let blocks = reflow(text)
    #expect(!blocks.flatMap(\.decisions).contains { $0.rule == "colon-column-change" })
  }
}
