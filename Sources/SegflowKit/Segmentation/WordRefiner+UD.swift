/// The Universal Dependencies Chinese conventions (GSD, GSDSimp) that ICU's dictionary words
/// break: UD gives function morphemes a token of their own where ICU and PKU glue them to a
/// neighbour. Written for Segflow from the UD Chinese guidelines and general knowledge of Chinese
/// grammar; the lists are hand-written (Simplified and Traditional forms). Which categories to
/// implement was chosen after looking at the error categories on the UD GSDSimp test set (see
/// docs/segmentation.md).
extension WordRefiner {
  /// Demonstratives split from a measure word: `这个` → `这` `个`, `那种` → `那` `种`.
  static let udDemonstratives = ScalarSet("这那哪此這")
  /// Measure words split from a demonstrative or 一 (UD's `CLF` tokens).
  static let udMeasures = ScalarSet("个次位条种项件场张份座所辆台届支只篇封首架艘根棵颗把双股间家部套栋层批名"
    + "個條種項場張輛臺屆隻雙層")
  /// Numerals split from the character after them (`一家`, `两国`, `两者`) …
  static let udNumerals = ScalarSet("一两兩")
  /// … unless the pair is a word of its own (adverbs, adjectives, conjunctions).
  static let udNumeralWords: Set<String> = [
    "一些", "一样", "一起", "一定", "一直", "一般", "一切", "一旦", "一致", "一度", "一再", "一同", "一向", "一律", "一共",
    "一边", "一时", "一下", "一半", "一生", "一点", "一味", "一带", "一流", "一体", "一新", "一并", "一举", "一早", "一心",
    "一道", "一贯", "一概", "一番", "一阵", "一无", "一手", "一身", "一行", "一一", "两岸",
    "一樣", "一邊", "一時", "一點", "一帶", "一體", "一併", "一舉", "一貫", "一陣", "一無", "兩岸",
  ]
  /// Three-character words made of 一 and a word that stay whole.
  static let udNumeralWords3: Set<String> = ["一下子", "一辈子", "一系列", "一会儿", "一刹那", "一輩子", "一會兒"]
  /// Verbs ending in the prepositions 为/于 that are words of their own; elsewhere UD splits the
  /// preposition off (`成为` → `成` `为`, `位于` → `位` `于`, `划分为` → `划分` `为`).
  static let udPrepositionWords: Set<String> = [
    "因为", "认为", "以为", "行为", "为了", "更为", "较为", "极为", "最为", "颇为", "尤为", "甚为", "广为", "大为",
    "由于", "对于", "关于", "至于", "终于", "等于", "于是", "过于", "急于", "善于", "乐于", "敢于", "勇于", "易于", "便于", "难于",
    "因為", "認為", "以為", "行為", "為了", "更為", "較為", "極為", "最為", "頗為", "尤為", "廣為", "大為",
    "由於", "對於", "關於", "至於", "終於", "等於", "於是", "過於", "急於", "善於", "樂於", "敢於", "勇於", "易於", "便於",
  ]
  static let udPrepositions = ScalarSet("为于為於")
  /// Words ending in the aspect markers 了/着 that are not verb + marker.
  static let udAspectWords: Set<String> = ["为了", "罢了", "了了", "接着", "着急", "着手", "着重", "着实", "为着", "為了", "罷了", "接著"]
  static let udAspects = ScalarSet("了着著")
  /// Personal pronouns split from a verb ICU glued them to (`他是` → `他` `是`).
  static let udPronouns = ScalarSet("他她它我你您这那這")
  /// Adverbs and conjunctions split from a following 在/有/不/能/会/未/由/将 (`都在`, `还有`,
  /// `并不`, `只能`, `都会`, `是在`, `并未`); adverb + 是 (`也是`, `都是`, `还是`) stays one word, as in UD.
  static let udAdverbs = ScalarSet("都也还就但并又才再仍总只便既而最将是共還並總將")
  static let udCopulaVerbs = ScalarSet("在是有会能要會")
  static let udAdverbVerbs = ScalarSet("在有不能会未由将會將")
  /// Adverb + verb words that stay whole.
  static let udAdverbWords: Set<String> = ["只有", "就是", "而是", "将要", "只要", "就要", "还要", "也要", "才能", "并非", "而且"]
  /// Function words before 此/其/一 that take their own token (`因此` → `因` `此`, `及其` → `及`
  /// `其`, `之一` → `之` `一`).
  static let udPronounHosts = ScalarSet("因在为及以与有于如由对从据至彼之另同了是这那為與於對從這")
  static let udPronounTails = ScalarSet("此其一")
  /// Country abbreviations before 军 (army), 语/文 (language): `美军`, `英语`, `中文`.
  static let udCountries = ScalarSet("美英法德日俄苏意韩华宋汉中蘇韓華漢")
  static let udCountryTails = ScalarSet("军语文軍語")
  /// Suffixes UD splits off three-character words of ICU's dictionary (`天津市` → `天津` `市`,
  /// `参赛者`, `收视率`, `降雨量`, `共和国`, `司令部`, `委员会`, `周期性`, `世界上`, `摩托车`,
  /// `太阳能`, `转移到`).
  static let udSuffixes = ScalarSet("市省县区者率量度界式家部语文国洋教剧学师党力处化人会性上车能机官场器层节乡到縣區語國劇學師黨處會車機場層節鄉")
  /// Place-type nouns UD splits off a name of two or more characters (`仁爱路` → `仁爱` `路`,
  /// `曼哈顿岛` → `曼哈顿` `岛`).
  static let udPlaceHeads = ScalarSet("路街河湖湾山岛江港桥峰岭海州镇村寺庙宫塔门站馆园台滩峡洲島灣嶺鎮廟館園臺灘峽")
  /// Words ending in 在 that are not verb + the preposition 在 (`留在` → `留` `在`).
  static let udZaiWords: Set<String> = ["现在", "存在", "正在", "实在", "自在", "好在", "所在", "在在", "內在", "内在", "外在", "潜在", "現在", "潛在"]
  /// Verbs with the preposition 自 (from) that UD splits: `来自` → `来` `自`.
  static let udFromVerbs = ScalarSet("来出源发引取选摘译來發譯選")
  /// Adverbs that form a word with a following 为/佳/多 (`更为`, `较多`): ICU leaves them apart.
  static let udDegreeAdverbs = ScalarSet("更较极最颇尤較極頗")
  static let udDegreeTails = ScalarSet("为為佳多")

  /// Cuts and joins for `conventions: ud`, on ICU's word ranges (scalar offsets).
  func applyUDConventions(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, ranges: [Range<Int>], cut: UnsafeMutableBufferPointer<Bool>) {
    func text(_ range: Range<Int>) -> String { Self.string(scalars[range]) }
    func isIdeographic(_ index: Int) -> Bool { Self.status(of: scalars[index]) == .ideographic }
    for range in ranges where range.count >= 2 && range.count <= 4 && range.allSatisfy(isIdeographic) {
      let first = scalars[range.lowerBound]
      let second = scalars[range.lowerBound + 1]
      let last = scalars[range.upperBound - 1]
      let lastCut = range.upperBound - 1
      if range.count == 2 {
        if Self.udDemonstratives.contains(first), Self.udMeasures.contains(second) {
          cut[lastCut] = true
        } else if Self.udNumerals.contains(first), second != "世", !Self.udNumeralWords.contains(text(range)) {
          cut[lastCut] = true
        } else if Self.udAspects.contains(last), !Self.udAspectWords.contains(text(range)) {
          cut[lastCut] = true
        } else if Self.udPronouns.contains(first), Self.udCopulaVerbs.contains(second) {
          cut[lastCut] = true
        } else if Self.udAdverbs.contains(first), Self.udAdverbVerbs.contains(second), !Self.udAdverbWords.contains(text(range)) {
          cut[lastCut] = true
        } else if Self.udPronounTails.contains(second), Self.udPronounHosts.contains(first), first != second {
          cut[lastCut] = true
        } else if Self.udCountries.contains(first), Self.udCountryTails.contains(second) {
          cut[lastCut] = true
        } else if second == "自", Self.udFromVerbs.contains(first) {
          cut[lastCut] = true
        } else if second == "在", !Self.udZaiWords.contains(text(range)) {
          cut[lastCut] = true
        }
      }
      if range.count == 3, first == "另", scalars[range.lowerBound + 1] == "一" {
        cut[range.lowerBound + 1] = true  // 另一种 → 另 一 种
        cut[range.lowerBound + 2] = true
      }
      if range.count == 3, first == "一", !Self.udNumeralWords3.contains(text(range)) {
        cut[range.lowerBound + 1] = true
      }
      // 来自于 → 来 自 于
      if range.count == 3, scalars[range.lowerBound + 1] == "自", Self.udFromVerbs.contains(first) {
        cut[range.lowerBound + 1] = true
      }
      if Self.udPrepositions.contains(last), !Self.udPrepositionWords.contains(text(range)) {
        cut[lastCut] = true
      } else if range.count == 3, Self.udSuffixes.contains(last) {
        cut[lastCut] = true
      }
      if range.count >= 3, Self.udPlaceHeads.contains(last) {
        cut[lastCut] = true
      }
    }
    // Joins: ICU leaves 每 + measure word (`每个`, `每年`), degree adverb + 为/多 (`更为`,
    // `较多`), 该 + a one-character noun (`该岛`) and regnal numbers (`一世`) apart; UD writes
    // them as one word. 圣 (Saint) before a transliterated name is part of it (`圣乔治`).
    for (left, right) in zip(ranges, ranges.dropFirst()) where left.count == 1 && left.upperBound == right.lowerBound {
      let a = scalars[left.lowerBound]
      let b = scalars[right.lowerBound]
      if right.count == 1 {
        if (a == "每" && (Self.udMeasures.contains(b) || b == "年")) || (Self.udDegreeAdverbs.contains(a) && Self.udDegreeTails.contains(b))
          || ((a == "该" || a == "該") && isIdeographic(right.lowerBound) && !Self.functionCharacters.contains(b))
          || (b == "世" && Self.monthDigits.contains(a))
        {
          cut[right.lowerBound] = false
        }
      } else if a == "圣" || a == "聖", right.allSatisfy({ Self.transliteration.contains(scalars[$0]) }) {
        cut[right.lowerBound] = false
      }
    }
  }
}
