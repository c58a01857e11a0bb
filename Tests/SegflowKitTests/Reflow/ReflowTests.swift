import Foundation
import Testing

@testable import SegflowKit

/// Reflows `text` (lines as pdftotext prints them) with `options`.
/// The hand rules alone (`model: off`), for tests of one rule: the edge model may overrule it.
let rulesOnly: ReflowOptions = {
  var options = ReflowOptions()
  options.model = .off
  return options
}()

func reflow(_ text: String, _ options: ReflowOptions = ReflowOptions()) -> [Block] {
  Reflower(options: options).reflow(LineSplitter.split(text))
}

func texts(_ text: String, _ options: ReflowOptions = ReflowOptions()) -> [String] {
  reflow(text, options).map(\.text)
}

@Suite struct ReflowTests {
  // MARK: - Seed

  @Test("the seed comes out exactly as its gold: every block's kind and text", arguments: Fixtures.seeds)
  func seed(name: String) throws {
    let stem = String(name.dropLast(4))
    let gold = try GoldBlock.parse(jsonl: String(contentsOfFile: Fixtures.path("seeds/\(stem).gold.jsonl"), encoding: .utf8), path: stem)
    let document = try Fixtures.process(String(contentsOfFile: Fixtures.path("seeds/\(name)"), encoding: .utf8), pipeline: Fixtures.defaultPipeline().truncated(after: "reflow"))
    let repaired = document.blocks.map { GoldBlock(kind: $0.kind, text: $0.text) }
    #expect(repaired.count == gold.count)
    for (index, pair) in zip(repaired, gold).enumerated() where pair.0 != pair.1 {
      Issue.record("block \(index + 1): expected \(pair.1.kind.rawValue) '\(pair.1.text)', got \(pair.0.kind.rawValue) '\(pair.0.text)'")
    }
  }

  // MARK: - Spaces

  @Test("letter-spaced (justified) lines lose their spaces")
  func letterSpacing() {
    let blocks = texts("牌，打造基层党支部支\n部品牌，形成党建品牌矩\n阵 体 系 的 同 时 ， 提 出\n“1535”党建工作体系建设\n方案。")
    #expect(blocks == ["牌，打造基层党支部支部品牌，形成党建品牌矩阵体系的同时，提出“1535”党建工作体系建设方案。"])
  }

  @Test("a partly spaced justified line loses every space between CJK characters")
  func partialLetterSpacing() {
    #expect(texts("年，时任校长李登辉改革课\n溺 水 身 亡。威 廉·普拉格\n是数学家。") == ["年，时任校长李登辉改革课溺水身亡。威廉·普拉格是数学家。"])
  }

  @Test("real spaces stay: quoted slogans, Latin words, English text")
  func realSpaces() {
    #expect(texts("党建基础发展，在成功创建\n“联党心 通民生”党建品\n牌，打造基层党支部。") == ["党建基础发展，在成功创建“联党心 通民生”党建品牌，打造基层党支部。"])
    #expect(texts("建成了全市规模大的5G SA共\n建共享网络。") == ["建成了全市规模大的5G SA共建共享网络。"])
    #expect(texts("The quick brown fox jumps over\nthe lazy dog.") == ["The quick brown fox jumps over the lazy dog."])
  }

  @Test("a quote opened on one line keeps its space when the next line is justified")
  func quoteAcrossLines() {
    let text = "同时，通过深入开展\n“不忘初心 牢记使命”主\n题教育、“奋斗百年路 启\n航 新 征 程 ” 主 题 活 动 、\n“红动浙江”重大活动。"
    #expect(texts(text) == ["同时，通过深入开展“不忘初心 牢记使命”主题教育、“奋斗百年路 启航新征程”主题活动、“红动浙江”重大活动。"])
  }

  @Test("a lone space between ideographs in running text is justification")
  func loneSpace() {
    #expect(texts("这是第一行文字内容很长\n的主要成员 他是影响流行\n文化的作家。") == ["这是第一行文字内容很长的主要成员他是影响流行文化的作家。"])
  }

  @Test("CJK–digit glue is removed by default and kept when the pipeline says so")
  func cjkDigitGlue() {
    let text = "牌，打造 17个基层党支\n部，规模 5 年翻一番。"
    #expect(texts(text) == ["牌，打造17个基层党支部，规模5年翻一番。"])
    var keep = ReflowOptions()
    keep.cjkLatinSpacing = .keep
    #expect(texts(text, keep) == ["牌，打造 17个基层党支部，规模 5 年翻一番。"])
  }

  // MARK: - Joins and splits

  @Test("a blank line inside a sentence (column or page break) is joined")
  func blankLineMidSentence() {
    #expect(texts("党建基础发展，在成功创建\n\n“联党心 通民生”党建品\n牌。") == ["党建基础发展，在成功创建“联党心 通民生”党建品牌。"])
    #expect(texts("深度参与数字湖州建设。截至2021年，\n\n全公司创新业务收入占公司主营收入比\n提升至25.6%。") == ["深度参与数字湖州建设。截至2021年，全公司创新业务收入占公司主营收入比提升至25.6%。"])
  }

  @Test("a short line ending a sentence ends the paragraph, with no blank line")
  func paragraphBreakWithoutBlank() {
    let text = "保委确立为全市唯一“通信消费教育基\n地”，并获得浙江省及湖州市最美消费\n\n维权组织等诸多荣誉。\n“驻村书记”是我市筑强农村组织\n堡垒、推动人才资源下沉、发展壮大\n村级集体经济的保障。"
    #expect(texts(text) == ["保委确立为全市唯一“通信消费教育基地”，并获得浙江省及湖州市最美消费维权组织等诸多荣誉。", "“驻村书记”是我市筑强农村组织堡垒、推动人才资源下沉、发展壮大村级集体经济的保障。"])
  }

  @Test("a full-width sentence end followed by an indented line starts a paragraph")
  func indentAfterFullLine() {
    let text = "岛屿长度约为十一公里，宽度六公\n里。该岛还设有八个网球场和马术\n中心，供游客使用直到今天为止。\n后来他重回桥梁道路学院教\n学，并继续他的研究工作直到退休\n为止。"
    #expect(texts(text).count == 2)
  }

  @Test("kinsoku: a line never starts with 。，” nor ends with “（ — such edges are joined")
  func kinsoku() {
    #expect(texts("大哲学家商羯罗选出一些重要的奥\n义书作注，称它们为“主要奥义\n书”\n（Mukhya Upanishad）\n。\n不过，吸引游客的不只是这\n些主题公园，还有许多别的东西\n可以看。").first == "大哲学家商羯罗选出一些重要的奥义书作注，称它们为“主要奥义书”（Mukhya Upanishad）。")
    #expect(texts("他说：“\n我们走吧。”") == ["他说：“我们走吧。”"])
  }

  @Test("text hard-wrapped every N characters is joined at full-length lines, however wide")
  func fixedWidthWrap() {
    // 40 characters a line; the Latin lines end a sentence and are much narrower on the page.
    let cjk = String(repeating: "党的基层组织是党的全", count: 4)
    let latin = "The Taipei 101 tower is tall.台北的高楼大厦很多很。"
    #expect(cjk.unicodeScalars.count == 40 && latin.unicodeScalars.count == 40)
    let lines = (0..<12).map { $0 % 3 == 2 ? latin : cjk }
    let blocks = reflow(lines.joined(separator: "\n"))
    #expect(blocks.map(\.text) == [lines.joined()])
    #expect(blocks.first?.decisions.contains { $0.rule == "fixed-width-wrap" } == true)
  }

  // MARK: - Kinds

  @Test("page header, heading above a lede, headings between blank lines, glued byline")
  func kinds() throws {
    let text = """
       湖州联通

      党的基层组织是党的全
      部工作和战斗力的基础。湖
      州联通党委坚持强化基层党
      组织不放松，以党建品牌建
      设凝聚团队奋进力量。

      党建引领促发展 奋楫扬帆绘新篇
      事业兴衰，关键在党。这是湖州联通上下的共识，激励着所有人慷慨又激昂地踏上新征程，不惧风雨。

      沧海横流显砥柱，万山磅礴看主峰。贯彻网络强国、数字中国战略，围绕奋斗目标前进。

      乘势而上，重新启程。站在新
      的起点上，湖州联通将坚持稳字当
      头，为企业高质量发展积蓄更多力
      量。 文/宁杰

      未来展望

      “源于社会、回馈社会”，8个字看
      似简单，践行却不容易。湖州联通时刻
      牢记“人民邮电为人民”的初心。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .paragraph, .heading, .paragraph, .paragraph, .paragraph, .byline, .heading, .paragraph])
    try #require(blocks.count == 9)
    #expect(blocks[2].text == "党建引领促发展 奋楫扬帆绘新篇")
    #expect(blocks[6].text == "文/宁杰")
    #expect(blocks[7].decisions.contains { $0.rule == "standalone-title" })
  }

  @Test("a page header above a one-line document is still a header")
  func headerAboveLastLine() {
    #expect(reflow("湖州联通\n\n党的基层组织是党的全部工作。\n").map(\.kind) == [.header, .paragraph])
  }

  @Test("bylines with a space after the role, glued after a sentence end")
  func spacedByline() {
    let blocks = reflow("桌擲球（又稱沙狐球）。通讯员 袁霞华 崔燕敏")
    #expect(blocks.map(\.text) == ["桌擲球（又稱沙狐球）。", "通讯员 袁霞华 崔燕敏"])
    #expect(blocks.map(\.kind) == [.paragraph, .byline])
    // `记者` in running text is not a byline.
    #expect(reflow("他是一名记者，工作很忙。").count == 1)
  }

  @Test("headers are dropped when keepHeaders is off")
  func dropHeaders() {
    var options = ReflowOptions()
    options.keepHeaders = false
    let blocks = reflow("湖州联通\n\n党的基层组织是党的全\n部工作和战斗力的基础。", options)
    #expect(blocks.map(\.kind) == [.paragraph])
  }

  // MARK: - Latin

  @Test("dehyphenation: only letters on both sides and a lower-case continuation")
  func dehyphenation() {
    let blocks = reflow("The infor-\nmation age is here and the Anglo-\nSaxon world with x-\n3 rays.", ReflowOptions())
    // A capitalised continuation or a digit: the hyphen is real (`Anglo-Saxon`), kept, no space.
    #expect(blocks.map(\.text) == ["The information age is here and the Anglo-Saxon world with x-3 rays."])
    #expect(blocks[0].decisions.filter { $0.action == .dehyphenate }.count == 1)
  }

  @Test("Latin lines keep their spaces around East Asian ambiguous marks (“ ‘ ’ • – …) and letters (ù); CJK lines drop them")
  func latinAmbiguousWidth() {
    #expect(texts("She turned to him, “This is great.” She held it.") == ["She turned to him, “This is great.” She held it."])
    #expect(texts("• 9. Stop smoking") == ["• 9. Stop smoking"])
    #expect(texts("Compliance Log – Volume 12, in the ’nineties. Où est ma chatte?") == ["Compliance Log – Volume 12, in the ’nineties. Où est ma chatte?"])
    // Joining Latin lines: a space before an opening quote and after a closing one.
    var paragraphs = ReflowOptions()
    paragraphs.layout = .paragraphs
    #expect(texts("She turned to him,\n“This is great.”\nShe held it.", paragraphs) == ["She turned to him, “This is great.” She held it."])
    #expect(texts("他说：\n“你好。”\n然后走了。", paragraphs) == ["他说：“你好。”然后走了。"])
    // In a CJK line the same marks are typeset full width and the spaces are glue.
    #expect(texts("他说 “你好” 然后走了。") == ["他说“你好”然后走了。"])
  }

  // MARK: - Explanations

  @Test("every join and split names its rule and the source line")
  func explained() {
    let blocks = reflow("党的基层组织是党的全\n部工作和战斗力的基础。湖\n州联通。\n“驻村书记”是我市筑强农村\n组织堡垒。")
    let rules = blocks.flatMap(\.decisions).map(\.rule)
    #expect(rules.contains("no-sentence-end"))
    #expect(rules.contains("terminal-short-line"))
    #expect(blocks.flatMap(\.decisions).allSatisfy { $0.line >= 1 && (0...1).contains($0.confidence) })
  }
}
