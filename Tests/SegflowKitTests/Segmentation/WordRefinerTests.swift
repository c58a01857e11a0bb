import Foundation
import SegflowICU
import Testing

@testable import SegflowKit

@Suite struct WordRefinerTests {
  func tokens(_ text: String, _ refiner: WordRefiner? = WordRefiner(), locale: String = "zh") throws -> [Token] {
    let icu = try WordSplitter(iterator: BreakIterator(.word, locale: locale)).tokens(of: text)
    return refiner.map { $0.refine(text, tokens: icu) } ?? icu
  }

  func words(_ text: String, _ refiner: WordRefiner? = WordRefiner(), locale: String = "zh") throws -> [String] {
    try tokens(text, refiner, locale: locale).map { $0.text(in: text) }
  }

  @Test("numbers keep their decimals, separators, magnitude and percent sign")
  func numbers() throws {
    #expect(try words("增长35.8%，达到1,000元") == ["增长", "35.8%", "，", "达到", "1,000", "元"])
    #expect(try words("增长３５．８％") == ["增长", "３５．８％"])
    #expect(try words("投资1200万元") == ["投资", "1200万", "元"])
    #expect(try words("总值1万亿元") == ["总值", "1万亿", "元"], "two magnitudes in a row")
    #expect(try words("北京晴－9℃") == ["北京", "晴", "－9", "℃"])
    #expect(try words("1998－2000年").contains("－"), "a dash between numbers is a range, not a sign")
    #expect(try words("A4纸和5G网络").contains("A4"), "a number glued to Latin letters stays ICU's word")
  }

  @Test("dates keep 年/月/日 by default, and split with attachDateUnits: false")
  func dates() throws {
    #expect(try words("2021年新年贺词") == ["2021年", "新年", "贺词"])
    #expect(try words("5年翻一番") == ["5", "年", "翻一番"], "a duration is not a date")
    #expect(try words("（二○○○年十二月三十一日）") == ["（", "二○○○年", "十二月", "三十一日", "）"])
    let split = WordRefiner(options: .init(attachDateUnits: false))
    #expect(try words("2021年新年贺词", split) == ["2021", "年", "新年", "贺词"])
    #expect(try words("2021年新年贺词", nil).prefix(2) == ["2021", "年"], "ICU alone splits")
  }

  @Test("numerals and measure words split, ordinals whole, suffixes joined")
  func conventions() throws {
    #expect(try words("第一个新年") == ["第一", "个", "新年"])
    #expect(try words("过去的一年") == ["过去", "的", "一", "年"])
    #expect(try words("推进农业产业化") == ["推进", "农业", "产业化"])
    #expect(try words("新的一个世纪") == ["新", "的", "一个", "世纪"], "的 apart; 一个 stays whole (PKU)")
    #expect(try words("达到100多万人") == ["达到", "100多万", "人"])
    #expect(try words("许多家庭的女教师", nil).contains("家庭的"), "ICU's dictionary has 家庭的")
    #expect(try words("许多家庭的女教师").contains("家庭"))
    #expect(try words("产地主要是日本").suffix(3) == ["主要", "是", "日本"])
    #expect(try words("迈向二十一世纪，投资一千二百万元，万一出事") == ["迈", "向", "二十一", "世纪", "，", "投资", "一千二百万", "元", "，", "万一", "出事"])
    #expect(try words("多年来") .prefix(2) == ["多", "年"])
    let plain = WordRefiner(options: .init(splitNumeralMeasure: false, attachSuffixes: false))
    #expect(try words("推进农业产业化", plain) == ["推进", "农业", "产业", "化"])
  }

  @Test("conventions: ud splits function morphemes off ICU's words and keeps lexicalized ones")
  func udConventions() throws {
    let ud = WordRefiner(options: .init(attachDateUnits: false, attachSuffixes: false, conventions: .ud))
    #expect(try words("这个城市位于河北", ud) == ["这", "个", "城市", "位", "于", "河北"])
    #expect(try words("他成为一个作家", ud) == ["他", "成", "为", "一", "个", "作家"])
    #expect(try words("因此他们来自天津市", ud).prefix(2) == ["因", "此"])
    #expect(try words("来自天津市", ud) == ["来", "自", "天津", "市"])
    #expect(try words("除了英语", ud) == ["除", "了", "英", "语"])
    #expect(try words("他是学生，都在学校", ud).prefix(2) == ["他", "是"])
    #expect(try words("因为下雨，大家认为由于天气不好", ud) == ["因为", "下雨", "，", "大家", "认为", "由于", "天气", "不好"], "lexicalized 为/于 words stay")
    #expect(try words("他也是学生", ud).contains("也是"), "adverb + 是 is one word in UD")
    #expect(try words("留在北京", ud).prefix(2) == ["留", "在"])
    #expect(try words("现在", ud) == ["现在"])
    #expect(try words("仁爱路在曼哈顿岛上", ud) == ["仁爱", "路", "在", "曼哈顿", "岛", "上"], "place-type nouns apart")
    #expect(try words("仁爱路在曼哈顿岛上") == ["仁爱路", "在", "曼哈顿岛", "上"], "PKU keeps them")
    #expect(try words("圣克鲁斯和圣马利诺", ud) == ["圣克鲁斯", "和", "圣马利诺"], "圣 joins a transliterated name")
    #expect(try words("威廉一世", ud) == ["威廉", "一世"], "a regnal number is one word")
    #expect(try words("该岛是另一种世界", ud) == ["该岛", "是", "另", "一", "种", "世界"])
    #expect(try words("世界上的委员会", ud) == ["世界", "上", "的", "委员", "会"], "bound suffixes of three-character words")
    #expect(try words("他们每个人都会", ud).contains("每个"), "每 + measure word is one word in UD")
    #expect(try words("該島並未開放", ud).prefix(3) == ["該島", "並", "未"], "Traditional forms")
    // The default (PKU) keeps them.
    #expect(try words("这个城市位于河北").prefix(1) == ["这个"])
    #expect(try words("他成为一个作家").contains("一个"))
  }

  @Test("single characters ICU left apart are joined, function characters are not")
  func singles() throws {
    #expect(try words("本报北京电") .prefix(1) == ["本报"])
    #expect(try words("本报北京电", WordRefiner(options: .init(joinSingleCharacters: false))).prefix(2) == ["本", "报"])
    #expect(try words("我的书") == ["我", "的", "书"])
  }

  @Test("foreign names written by sound are one word")
  func transliterations() throws {
    #expect(try words("克林顿会见了普京") == ["克林顿", "会见", "了", "普京"])
    #expect(try words("克林顿会见了普京", WordRefiner(options: .init(joinTransliterations: false, joinSingleCharacters: false))) != ["克林顿", "会见", "了", "普京"])
  }

  // Runs of ICU words (transliterations, single characters) broken by white space or by a word
  // that cannot join them, 的 and suffixes, with the default options (the conventions' pass
  // compiled with them as constants) and with one turned off (the pass with the options as they
  // are). Expected: what the pass gave before it noted its joins as events.
  @Test("the conventions' runs, particles and suffixes, with the default options and with one turned off")
  func conventionRuns() throws {
    let text = "洛 克化尼亚林迈亚"
    #expect(try words(text) == ["洛", "克化", "尼亚林", "迈亚"])
    #expect(try words(text, WordRefiner(options: .init(joinTransliterations: false))) == ["洛", "克化", "尼亚", "林", "迈亚"])
    #expect(try words(text, WordRefiner(options: .init(joinSingleCharacters: false))) == ["洛", "克", "化", "尼亚林迈亚"])
    #expect(try words("巴克克斯化报阿") == ["巴克克斯化报阿"])
    #expect(try words("巴克克斯化报阿", WordRefiner(options: .init(attachSuffixes: false))) == ["巴克克斯", "化报阿"])
    #expect(try words("本员克顿是张 阿者") == ["本", "员", "克顿", "是", "张", "阿者"])
    #expect(try words("员巴 亚克林斯的") == ["员巴", "亚克林斯", "的"])
    #expect(try words("他的确是目的地的主人") == ["他", "的确", "是", "目的地", "的", "主人"])
    #expect(try words("他的确是目的地的主人", WordRefiner(options: .init(joinTransliterations: false))) == ["他", "的确", "是", "目的地", "的", "主人"])
  }

  @Test("URLs, e-mail addresses and punctuation runs are one token each")
  func urls() throws {
    #expect(try words("访问https://example.com/a_b.html或info@example.org。") == ["访问", "https://example.com/a_b.html", "或", "info@example.org", "。"])
    #expect(try words("好——真好……") == ["好", "——", "真好", "……"])
    // Found in the order of the searches (URLs, e-mail, numbers, numerals, punctuation runs),
    // the reverse of the text's: the spans are sorted.
    #expect(
      try words("……增长35.8%访问https://a.com/b和info@example.org二十一人——")
        == ["……", "增长", "35.8%", "访问", "https://a.com/b", "和", "info@example.org", "二十一", "人", "——"])
  }

  @Test("tokens keep ICU's rule status, and their offsets point into the text")
  func types() throws {
    let text = "2021年iPhone销量增长35.8%。"
    let result = try tokens(text)
    #expect(result.map(\.type) == [.number, .letter, .ideographic, .ideographic, .number, .none])
    #expect(result.map { $0.text(in: text) } == ["2021年", "iPhone", "销量", "增长", "35.8%", "。"])
  }

  @Test("a lexicon gives the fewest-words reading; ICU covers what it does not know")
  func lexicon() throws {
    let lexicon = Lexicon(words: ["党建", "工作", "高质量"])
    #expect(try words("党建工作", nil) == ["党", "建", "工作"], "ICU alone splits 党建")
    #expect(try words("党建工作要高质量发展", WordRefiner(lexicon: lexicon)) == ["党建", "工作", "要", "高质量", "发展"])
    // Two readings of two words each: the one that agrees with ICU wins.
    #expect(try words("取得了", nil) == ["取得", "了"])
    #expect(try words("取得了", WordRefiner(lexicon: Lexicon(words: ["取得", "得了"]))) == ["取得", "了"])
  }

  @Test("with word counts the lattice picks the most probable reading, not just the fewest words")
  func frequencies() throws {
    // Both readings have three words; the counts decide.
    let nation = try Lexicon.parseList("美国\t1000\n国会\t10\n美\t10\n会\t1000\n通过\t1000\n")
    #expect(try words("美国会通过", WordRefiner(lexicon: nation)) == ["美国", "会", "通过"])
    let congress = try Lexicon.parseList("美国\t10\n国会\t1000\n美\t1000\n会\t10\n通过\t1000\n")
    #expect(try words("美国会通过", WordRefiner(lexicon: congress)) == ["美", "国会", "通过"])
    // A word the counts do not know is still ICU's word, and protected spans stay whole.
    #expect(try words("美国会通过35.8%", WordRefiner(lexicon: nation)).suffix(1) == ["35.8%"])
  }

  @Test("a word list's one-character entries split an ICU word it lacks when one of them is a function character")
  func listedSingleCharacters() throws {
    let withSingles = try Lexicon.parseList("也\n是\n学生\n罢\n免\n")
    #expect(try words("他也是学生", nil).contains("也是"), "ICU alone keeps 也是")
    #expect(try words("他也是学生", WordRefiner(lexicon: withSingles)) == ["他", "也", "是", "学生"])
    // Without one-character entries the list says nothing about 也 and 是: ICU's word stays.
    #expect(try words("他也是学生", WordRefiner(lexicon: try Lexicon.parseList("学生\n"))).contains("也是"))
    // No function character: ICU's word stays even when each character is listed (罢免).
    #expect(try words("罢免", nil) == ["罢免"])
    #expect(try words("罢免", WordRefiner(lexicon: withSingles)) == ["罢免"])
  }

  @Test("on random text, tokens cover every non-space character in order, with exact offsets")
  func randomText() throws {
    let pool = Array("的了是在一二三十百千万亿年月日○〇第多个－-+.．,，。！？…—《》“”（）()[]「」abcXYZ0123456789０１２３%％@ 　😀𠀀本报克林顿http://www.x.com")
    var seed: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int((seed >> 33) % UInt64(bound))
    }
    let lexicon = WordRefiner(lexicon: Lexicon(words: ["本报", "克林顿", "林顿", "一二"]))
    for _ in 0..<300 {
      let text = String((0..<next(40)).map { _ in pool[next(pool.count)] })
      let bytes = Array(text.utf8)
      for refiner in [WordRefiner(), lexicon] {
        let result = try tokens(text, refiner)
        #expect(result.map { $0.text(in: text) }.joined() == String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)), "\(text)")
        // Offsets on character boundaries: each token's bytes are whole characters.
        for token in result { #expect(String(validating: bytes[token.start..<token.end], as: UTF8.self) != nil, "\(text)") }
        #expect(zip(result, result.dropFirst()).allSatisfy { $0.end <= $1.start })
      }
    }
  }

  @Test("glossary terms are never split, even across ICU's words")
  func glossary() throws {
    let term = Lexicon(words: ["建工作"], forced: true)
    #expect(try words("党建工作", WordRefiner(lexicon: term)) == ["党", "建工作"])
    let english = Lexicon(words: ["machine translation"], forced: true)
    #expect(try words("Use machine translation now", WordRefiner(lexicon: english), locale: "en") == ["Use", "machine translation", "now"])
  }
}
