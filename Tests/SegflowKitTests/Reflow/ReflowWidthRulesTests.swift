import Testing

@testable import SegflowKit

/// Rules that read line widths: visual lines cut at squeezed punctuation, exactly measured CJK
/// lines, first lines indented 1 em, titles above them, and the last line of a wide block.
/// The inputs are pdftotext output of pages typeset by `scripts/make-reflow-corpus`.
@Suite struct ReflowWidthRulesTests {
  /// The rules of the decisions recorded in `blocks`.
  func rules(_ blocks: [Block]) -> [String] {
    blocks.flatMap { $0.decisions.map(\.rule) }
  }

  @Test("fragments of one visual line meet only at CJK punctuation: `…地图兴` ⏎ `起。` are two lines")
  func fragmentsMeetAtPunctuation() {
    let text = """
      国家博物馆和图书馆收藏的文物和书籍转
      移到山洞里，以为难民腾出住宿空间。面对南
      下的德国大军，圣马利诺共和国再度陷入惊慌
      之中。圣马洛区辖有 9 个县，
      共有 63 个市镇。
      20 世纪后，飞机被发明，航空测绘地图兴
      起。
      但在 2006 年由于公众反对，
      这一计划受到
      搁浅。在此之后，地形图集也成为了现代化国
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text) == [
      "国家博物馆和图书馆收藏的文物和书籍转移到山洞里，以为难民腾出住宿空间。面对南下的德国大军，圣马利诺共和国再度陷入惊慌之中。圣马洛区辖有9个县，共有63个市镇。",
      "20世纪后，飞机被发明，航空测绘地图兴起。",
      "但在2006年由于公众反对，这一计划受到搁浅。在此之后，地形图集也成为了现代化国",
    ])
    let first = ["起。", "但在 2006 年由于公众反对，"].map { LineProfile(index: 0, text: $0, removeCJKLatinSpaces: true)! }
    #expect(!Reflower.cutAtPunctuation(LineProfile(index: 0, text: "航空测绘地图兴", removeCJKLatinSpaces: true)!, first[0]))
    #expect(Reflower.cutAtPunctuation(first[1], LineProfile(index: 0, text: "这一计划受到", removeCJKLatinSpaces: true)!))
  }

  @Test("widths of pure-CJK lines are exact; digits, Latin, kaiming commas and paired marks are not")
  func exactWidths() {
    func profile(_ text: String) -> LineProfile { LineProfile(index: 0, text: text, removeCJKLatinSpaces: true)! }
    #expect(profile("冷室压铸中的注射室相匹配。").isExactWidth)
    #expect(profile("以从这里进入模具，这个部位的").isPureCJK)
    #expect(!profile("以从这里进入模具，这个部位的").isExactWidth)
    #expect(profile("予广东省“汉乐之乡”称号。").isExactWidth)
    #expect(!profile("授予的称号。”他说").isExactWidth)
    #expect(!profile("1915 年，时任校长李登辉改").isPureCJK)
    #expect(!profile("溺 水 身 亡。威 廉").isPureCJK)
    // The middle dot of foreign names is narrow.
    #expect(profile("威廉·普拉格").width == 11)
  }

  @Test("terminal-exact-short: a sentence end one character short of exactly measured full lines ends the paragraph")
  func exactShortLastLine() {
    let text = """
      个模腔，所以每次铸造过程中可
      能会产生多个铸件。熔融金属可
      以从这里进入模具，这个部位的
      形状同热室压铸中的注射嘴或是
      冷室压铸中的注射室相匹配。
      因为这里是两条河川（士别川、
      剑渊川）汇合至天盐川的地方。
      在雇用一位法语向导后，旅行者
      """
    let blocks = reflow(text)
    #expect(blocks.count == 2)
    #expect(blocks.first?.text.hasSuffix("冷室压铸中的注射室相匹配。") == true)
    #expect(rules(blocks).contains("terminal-exact-short"))
  }

  @Test("a pure CJK line with punctuation bounds the column from below: its width less half a character a mark, in whole characters")
  func columnLowerBoundFromMarks() {
    func profile(_ text: String) -> LineProfile { LineProfile(index: 0, text: text, removeCJKLatinSpaces: true)! }
    #expect(profile("四個堂區、五名司鐸。教區下轄七").minWidth == 28)
    #expect(profile("冷室压铸中的注射室相匹配。").minWidth == 25)
    #expect(profile("1815 年，嘉慶皇帝強化禁教，將").minWidth == nil)
    // No line of the column is exact (kaiming commas, digits), but `高者即是该集的优胜队，优胜`
    // (13 characters, two marks) shows a column of at least 13: the sentence end on 12
    // characters only is short.
    let text = """
      每出一题，探长会指定任一
      参赛者回答该题，答对者加 50
      分。
      每集统计两队总分，总分最
      高者即是该集的优胜队，优胜
      队队员各获得同一个奖品。
      这和世界上其他的编号系统
      有所差异。河长 176 千米，流
      域面积 3700 平方千米，
      年均流
      量 11 立方米每秒。
      """
    let blocks = reflow(text)
    #expect(blocks.count == 3)
    #expect(blocks[1].text == "每集统计两队总分，总分最高者即是该集的优胜队，优胜队队员各获得同一个奖品。")
    #expect(rules(blocks).contains("terminal-exact-short"))
  }

  @Test("terminal-exact-indent: a line one character short of exactly measured full lines is a first line indented 1 em")
  func exactOneEmIndent() {
    let text = """
      给线的安全而持续控
      制。由于认为德义军
      队战力已就绪，隆美
      尔决定再发动攻势。
      起初隆美尔对此决
      定甚为恼怒，但回到
      司令部后重新考虑过
      后，隆美尔认为魏斯
      """
    // (The rule alone: the edge model joins this edge, a stretched line being as likely on a
    // page with no other first line in view.)
    let blocks = reflow(text, rulesOnly)
    #expect(blocks.map(\.text) == ["给线的安全而持续控制。由于认为德义军队战力已就绪，隆美尔决定再发动攻势。", "起初隆美尔对此决定甚为恼怒，但回到司令部后重新考虑过后，隆美尔认为魏斯"])
    #expect(rules(blocks).contains("terminal-exact-indent"))
    // The same line before a line that starts with a number may be a line TeX stretched
    // rather than break the number: no split from this rule.
    let stretched = reflow("给线的安全而持续控\n制。由于认为德义军\n队战力已就绪，隆美\n尔决定再发动攻势。\n起初隆美尔对此决\n1942 年甚为恼怒，\n司令部后重新考虑过\n后，隆美尔认为魏斯", rulesOnly)
    #expect(!rules(stretched).contains("terminal-exact-indent"))
  }

  @Test("terminal-exact-indent: not where a first line nearby is indented 2 em: a line one character short there was stretched")
  func stretchedLineOnTwoEmPage() {
    let text = """
      启用，原狼堡工厂停
      止生产福斯厢型车。

      通过将原型的不
      断完善，其具有了更
      低的风阻系数、更佳
      的操控性和耐用度。
      大佛口亦为湾仔区
      议 会 其 中 一 个 选 区，
      现任议员为亲建制的
      民建联成员李匀颐。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text) == [
      "启用，原狼堡工厂停止生产福斯厢型车。",
      "通过将原型的不断完善，其具有了更低的风阻系数、更佳的操控性和耐用度。大佛口亦为湾仔区议会其中一个选区，现任议员为亲建制的民建联成员李匀颐。",
    ])
    // Without the 2 em first line nearby, the short line is taken for a 1 em indent.
    let oneEm = reflow(text.replacingOccurrences(of: "通过将原型的不\n断完善，其具有了更", with: "通过将原型的不断\n完善，其具有了更"))
    #expect(oneEm.flatMap { $0.decisions.map(\.rule) }.contains("terminal-exact-indent"))
  }

  @Test("terminal-short-next-line: after a sentence end, a line short of the exactly measured column that goes on is a first line")
  func shortNextLineGoesOn() {
    let text = """
      英在四川路上也被槍殺。該
      報以旅滬美國僑民為主要讀
      者對象，著重報道美國和其
      他西方僑民在中國的活動。
      在 2007 年，耶茨將大
      腳類歸類於板龍類。
      大腳類包含大椎龍科與
      里奧哈龍科等科。
      """
    let blocks = reflow(text)
    #expect(blocks.first?.text == "英在四川路上也被槍殺。該報以旅滬美國僑民為主要讀者對象，著重報道美國和其他西方僑民在中國的活動。")
    #expect(blocks.flatMap { $0.decisions.map(\.rule) }.contains("terminal-short-next-line"))
    // A Latin word's width is a guess: no split from this rule.
    let latin = reflow(text.replacingOccurrences(of: "在 2007 年", with: "在 Yates 年"))
    #expect(!latin.flatMap { $0.decisions.map(\.rule) }.contains("terminal-short-next-line"))
  }

  @Test("short-end-before-opening-mark: `意。` ⏎ `《婚前特急》` filling the column with the rest goes on; before a character it ends the paragraph")
  func shortEndBeforeOpeningMark() {
    let text = """
      式固定下来。21 世纪初，这些
      住房均为一位老阿妈家所有，
      其余人家均为租住户，租住户
      大都在八廓附近有自己的生
      意。
      《婚前特急》
      ，2011 年 4 月
      1 日上映的日本电影。人类婚
      姻史的第二时期，妇女劳动范
      围逐渐变小，财富及继承问题
      """
    let blocks = reflow(text)
    #expect(blocks.count == 1)
    #expect(blocks.flatMap { $0.decisions.map(\.rule) }.contains("short-end-before-opening-mark"))
    // The same widths before a character: pdftotext cuts `。` from a character only at a line
    // end, so the paragraph ended.
    let character = reflow(text.replacingOccurrences(of: "《婚前特急》\n，2011 年 4 月", with: "婚前特急电影\n，2011 年 4 月"))
    #expect(character.count == 2)
  }

  @Test("squeezed-fragment: not before a letter-spaced line, which was stretched on its own")
  func noFragmentBeforeStretchedLine() {
    let text = """
      来又提出请他任教育督
      办等职务，均被夏继泉
      拒绝。夏道镇是中国福
      建省南平市延平区下辖
      的一个镇。
      夏 须 草 属 （学
      名： Theropogon） 是
      百 合 科 下 的 一 个 属，
      为 多 年 生 草 本 植 物。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text) == [
      "来又提出请他任教育督办等职务，均被夏继泉拒绝。夏道镇是中国福建省南平市延平区下辖的一个镇。",
      "夏须草属（学名：Theropogon）是百合科下的一个属，为多年生草本植物。",
    ])
  }

  @Test("column-change: rows below cut at squeezed punctuation count as their visual lines, not as a narrower column")
  func noColumnChangeAboveFragments() {
    let text = """
      根据台湾乌克兰籍艺人瑞莎的说法，
      瑞纱与贝索诺娃在德里乌矜斯学校同时
      接受韵律体操的训练，住在同一间寝室。

      8 月 25 日下午 1 时，
      国民党成立大会在
      湖广会馆召开。
      在丹麦，一个人的姓名只用首字大写
      """
    let blocks = reflow(text)
    #expect(blocks.first?.text == "根据台湾乌克兰籍艺人瑞莎的说法，瑞纱与贝索诺娃在德里乌矜斯学校同时接受韵律体操的训练，住在同一间寝室。8月25日下午1时，国民党成立大会在湖广会馆召开。")
    #expect(!blocks.flatMap { $0.decisions.map(\.rule) }.contains("column-change"))
  }

  @Test("title-above-first-line: a clearly short title after a blank, above a first line indented 1 em")
  func titleAboveOneEmIndent() {
    let text = """
      逐渐流通，节目的需求也大
      为降低，因此于 1996 年停
      播。

      城市地标为伊欧拉湖
      奋斗中学，是内蒙古自治
      区巴彦淖尔市杭锦后旗设
      立的一个高级中学，位于杭
      锦后旗陕坝镇，学校成立于
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
    #expect(blocks[1].text == "城市地标为伊欧拉湖")
    #expect(rules(blocks).contains("title-above-first-line"))
    // Directly below a heading, a paragraph's first line has the same shape: no title.
    let below = reflow("播。\n\n城市地标为伊欧拉湖\n奋斗中学是内蒙古\n区巴彦淖尔市杭锦后旗设\n立的一个高级中学位于杭\n锦后旗陕坝镇学校成立于\n学校成立于一九四二年")
    #expect(below.map(\.kind).filter { $0 == .heading }.count <= 1)
    // Above a line that starts with a number, the short line is a first line cut before it.
    let cut = reflow("服务、惠及民生的一个个联通故事。\n\n“小燕子公益”是湖州联通在\n2017年打造的一支公益团队。自成\n立以来，始终围绕智慧助老、爱心助\n残、文明创建等开展志愿服务活动，\n从人民群众基本需求着手，利用自身")
    #expect(cut.map(\.kind) == [.paragraph, .paragraph])
  }

  @Test("a title between blank lines clearly shorter than a first line needs no indent below it")
  func titleBetweenBlanks() {
    let text = """
      大兴线新宫站并设置虚拟换乘，以解决房山线
      无法与其他线路换乘问题。

      大石桥乡

      Rize 在当年的圣丹斯电影节首映。他也参与
      了 Courtney Love 新专辑的制作。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
    #expect(blocks[1].text == "大石桥乡")
  }

  @Test("a wide block's short last line is no column change: `…楼房。` ⏎ `教育部在…的活动。` above the columns")
  func lastLineOfWideBlock() {
    let text = """
      城市观察

      知名的孤立语言如苏美尔语
      孙啸南旧居建筑面积为 420 平方米，是一座三层砖木结构英庭院式楼房。
      教育部在教育系统开展了“向孟二冬学习”的活动。
      2013 年第十二届全国运动会上，巴特
      尔已签约辽宁出战。巴特尔作为第二位加盟
      NBA 之中国篮球运动员，于 2001 年与丹佛
      掘金队签约，成为第一个在 NBA 首发的中
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.text).contains("孙啸南旧居建筑面积为420平方米，是一座三层砖木结构英庭院式楼房。教育部在教育系统开展了“向孟二冬学习”的活动。"))
    #expect(!rules(blocks).contains("column-change"))
  }

  @Test("a two-line paragraph: its last line may lack a sentence end before a blank line, or end one well short")
  func twoLineParagraph() {
    // A full line ending a sentence, a first line 2 em short, its last line without a sentence
    // end, then a blank line.
    let text = "承人就死了，所以韦赛里斯一世准备让雷妮拉\n继承王位，成为坦格利安家系中的第一位女王。\n由节目来宾各自抽签选定主持人当助手后\n分成两队比赛\n\n他亦曾代表过阿根廷国家队出赛，但并未\n参与任何世界杯赛事。"
    let blocks = reflow(text)
    #expect(blocks.first?.text == "承人就死了，所以韦赛里斯一世准备让雷妮拉继承王位，成为坦格利安家系中的第一位女王。")
  }
}

@Suite struct ReflowDocumentHeadlineTests {
  @Test("document-headline: the first title-like line, as wide as the column below or clearly narrower, is the headline")
  func headlineAtTop() {
    // As wide as the column below: a paragraph's first line would be indented.
    let wide = reflow("文化视点\n\n教区下辖七十四个堂区\n朝韩分治后，大韩民\n国经历了民主与独裁统\n治的反复交替。韩国气\n候受东韩暖流影响，气")
    #expect(wide.map(\.kind) == [.header, .heading, .paragraph])
    #expect(wide[1].decisions.map(\.rule) == ["document-headline"])
    // Clearly narrower than the lede below it, which starts with a number.
    let narrow = reflow("考南德出生在巴黎\n8 月 25 日下午 1 时，国民党成立大会在湖广会馆召开。\n在丹麦，一个人的姓\n名只用首字大写字母表\n示是个被接受的惯例，正")
    #expect(narrow.first?.kind == .heading)
    #expect(narrow.first?.text == "考南德出生在巴黎")
  }

  @Test("document-headline: not a first line indented 2 em, nor one cut before a number")
  func firstLineAtTop() {
    // A line that starts with a number or Latin word: what did not fit on the line above.
    func profile(_ text: String) -> LineProfile { LineProfile(index: 0, text: text, removeCJKLatinSpaces: true)! }
    #expect(Reflower.leadingWordWidth(profile("209 型 艇 的 靜 音 性 能 在")) == 3)
    #expect(Reflower.leadingWordWidth(profile("10,000 人、四个")) == 6)
    #expect(Reflower.leadingWordWidth(profile("根據分析它和德國")) == 0)
    // An indented first line (W − 4) with digits: its width is not sure enough.
    let indented = reflow("而埃姆登号的残骸在 1950 年\n被一家日本公司打捞上来作废铁处\n理，但仍有部分残骸未被打捞上来。\n根据美国舆论调查指出，当时隆美\n尔是美国仅次于希特勒的知名度最")
    #expect(indented.first?.kind == .paragraph)
  }
}

@Suite struct ReflowTitleAboveFirstLineColumnTests {
  @Test("title-above-first-line: an exactly measured CJK line nearby gives the column when the lines below are short")
  func columnFromExactLines() {
    // Below the first line, lines with numbers and Latin words measure short; the full
    // CJK-only lines above show the column (32).
    let text = """
      而岩壁及石礦公園的設計及工程將
      會考慮採納早前在公眾參與活動中舉
      行概念設計比賽的參賽作品，由康樂
      及文化事務署所獲得的撥款進行。冬
      天的高原更是特別的嚴峻。最熱的地
      區是科尼亞盆地和馬拉蒂亞盆地，年

      降雨量常常少於 300 毫米。

      冬天的高原更是特別的嚴峻
      安陽縣是中國河南省安陽市下轄的
      一個縣，位於河南省北緣，安陽市北
      部。她其後更與 Elite 簽約。
      塔內每層都有一道寬 6 尺寬的走
      廊，遊客可到走廊欣賞安順市的景
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind).prefix(3) == [.paragraph, .heading, .paragraph])
    #expect(blocks[1].text == "冬天的高原更是特別的嚴峻")
    #expect(blocks[1].decisions.map(\.rule) == ["title-above-first-line"])
    #expect(blocks[2].text.hasPrefix("安陽縣是中國河南省"))
  }

  @Test("title-above-first-line: not above a letter-spaced line, which was stretched")
  func notAboveJustifiedLine() {
    let blocks = reflow("科教卫生\n\n根据美国舆论调查指\n出， 当 时 隆 美 尔 是 美 国 仅\n次于希特勒的知名度最高的\n德国人。\n\n几个月后的一次采访")
    #expect(!blocks.flatMap { $0.decisions.map(\.rule) }.contains("title-above-first-line"))
    #expect(blocks.contains { $0.text == "根据美国舆论调查指出，当时隆美尔是美国仅次于希特勒的知名度最高的德国人。" })
  }
}

/// Lines that stop short without a sentence end: a source sentence without a final mark that
/// ends its paragraph, or a title after a blank line.
@Suite struct ReflowShortUnterminatedLineTests {
  let paragraph = """
    雷妮拉的母亲没有生下男
    性继承人就死了，所以韦赛
    里斯一世准备让雷妮拉继承
    王位，成为坦格利安家系中
    的第一位女王。由节目来宾
    各自抽签选定主持人当助手
    后分成两队比赛
    他亦曾代表过阿根廷国家
    队出赛，但并未参与任何世
    界杯赛事。而埃姆登号的残
    """

  @Test("short-unterminated-line: a CJK line two characters short of the column, without sentence end, ends the paragraph")
  func lastLineWithoutFinalMark() {
    let blocks = reflow(paragraph)
    #expect(blocks.count == 2)
    #expect(blocks.first?.text.hasSuffix("后分成两队比赛") == true)
    #expect(blocks.flatMap { $0.decisions.map(\.rule) }.contains("short-unterminated-line"))
  }

  @Test("short-unterminated-line: not before a number that did not fit, nor on the rest of a line cut at a comma")
  func notBeforeWordOrAfterComma() {
    let number = paragraph.replacingOccurrences(of: "他亦曾代表过阿根廷国家", with: "1950 年代表过阿根廷国家")
    #expect(reflow(number).count == 1)
    let fragment = paragraph.replacingOccurrences(of: "各自抽签选定主持人当助手\n后分成两队比赛", with: "各自抽签选定，\n后分成两队比赛")
    #expect(reflow(fragment).count == 1)
    let bracketed = paragraph.replacingOccurrences(of: "他亦曾代表过阿根廷国家", with: "（Gargoyles）代表过阿根廷")
    #expect(reflow(bracketed).count == 1)
    #expect(LineProfile(index: 0, text: "（Gargoyles）是美國迪士", removeCJKLatinSpaces: true)?.startsWithWord == true)
    #expect(LineProfile(index: 0, text: "《夜行神龍》", removeCJKLatinSpaces: true)?.startsWithWord == false)
  }

  @Test("short-unterminated-line: a single such title-like row after a blank line is a heading (short-unterminated-title)")
  func singleRowTitle() {
    let text = """
      天主教安国教区是中国第一批 6
      个国籍教区中教友人数较多的一
      个。教长区成立于 1951 年 11 月 14
      日，1997 年有教友 10,000 人、四个
      堂区、五名司铎。教区下辖七十四
      个堂区，有八十七名司铎。

      游戏世界以俯视视角显示
      现任主教为朱斯廷·苏敏德。1815
      年，嘉庆皇帝强化禁教，将法国籍主
      教徐德新等 11 名传教士，
      斩首于成
      都，并悬头于城门三日。教区下辖
      218 个堂区，
      有 327 名司铎。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
    #expect(blocks[1].text == "游戏世界以俯视视角显示")
    #expect(blocks[1].decisions.map(\.rule).contains("short-unterminated-title"))
  }

  @Test("title-after-blank: a short title-like line after a blank line, above wider text, even after `：`")
  func titleAfterBlank() {
    let text = """
      將後者拒於 2008 年歐錦賽決賽圈之外。她
      亦曾在芬蘭、瑞典及法國學習油畫，並於
      1939 年開始寫作。姆明小說系列英語版本
      及出版時間如下：

      她亦曾在芬蘭
      始創中心前身為始創行、凱聲戲院及麗
      聲戲院，當中始創行的圓拱形頂為其建築特

      色，後來重建為商場及辦公室大廈，並設停
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
    #expect(blocks[1].text == "她亦曾在芬蘭")
    #expect(blocks.flatMap { $0.decisions.map(\.rule) }.contains("title-after-blank"))
  }
}

/// Title-like lines that open a paragraph: a first line below a heading, and the first fragment
/// of a visual line that squeezed punctuation cut.
@Suite struct ReflowFirstLineNotTitleTests {
  @Test("below a heading, a CJK line as wide as an indented first line opens a paragraph, not a second heading")
  func firstLineBelowHeading() {
    let text = """
      国际新闻

      儘管博伊西縣
      勒維耶推測是因為存在一顆未知行
      星的引力作用，使天王星的軌道運動
      受到干擾，也就是天文學上所謂的「攝
      動」影響。1980 年代中期起奧林匹亞公
      司的經濟狀況開始變壞。工廠在德國西
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .heading, .paragraph])
    #expect(blocks[2].text.hasPrefix("勒維耶推測是因為存在一顆未知行星"))
  }

  @Test("below a heading over a short last line, the column above the heading tells the first line")
  func firstLineBelowHeadingColumnAbove() {
    let text = """
      羅）的兒子；阿斯圖里亞斯的阿方索一
      世的姪子；並且是阿方索繼承人殘酷的
      弗魯埃拉的一個堂弟。

      念完小學和初中後
      史書上唯一有記載的他的事蹟是鎮
      壓一起農奴的動亂。
      文/吴玉伟
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .heading, .paragraph, .byline])
    #expect(blocks[2].text == "史書上唯一有記載的他的事蹟是鎮壓一起農奴的動亂。")
  }

  @Test("no title above a line that opens with a one-character clause (`恼` ⏎ `怒，`): the word goes on")
  func noTitleAboveOneCharacterClause() {
    let text = """
      科教卫生

      起初隆美尔对此决定甚为恼
      怒，但回到司令部后重新考虑过后，
      隆美尔认为魏斯法尔的判断是正
      确的，中止了攻势。该市镇总面积
      10.94 平方公里，2009 年时的人口
      为 600 人。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.header, .paragraph])
    #expect(blocks[1].text.hasPrefix("起初隆美尔对此决定甚为恼怒，"))
    #expect(Reflower.opensWithOneCharacterClause(LineProfile(index: 0, text: "年，初称“天妃宫”，", removeCJKLatinSpaces: true)!))
    #expect(!Reflower.opensWithOneCharacterClause(LineProfile(index: 0, text: "同年，该公司宣布，", removeCJKLatinSpaces: true)!))
  }

  @Test("a title-like fragment that fills the column with the short row after it is no heading: `《夜行神龍》` ⏎ `（Gargoyles）…`")
  func fragmentBeforeShortRest() {
    let text = """
      2008 年 10 月起，本作改編的動畫開
      始在 TBS 系電視台放映。

      通過將原型的不斷完善
      《夜行神龍》
      （Gargoyles）是美國迪士
      尼公司推出的動畫影集，從 1994 年到

      1997 年播出，共 78 集，每集 30 分鐘
      （含
      廣告的時間）
      。他們也需保守有關他們關
      係的秘密，相較美朱在第一集跟鬼宿表
      白，這種關係顯得比較成熟。
      """
    let blocks = reflow(text)
    #expect(blocks.map(\.kind) == [.paragraph, .heading, .paragraph])
    #expect(blocks[2].text.hasPrefix("《夜行神龍》（Gargoyles）是美國迪士尼公司"))
  }
}
