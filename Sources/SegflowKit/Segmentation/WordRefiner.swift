import Foundation
import SegflowICU

/// The word layer on top of ICU's word breaks: keeps numbers, dates, URLs, e-mail addresses,
/// punctuation runs and glossary terms whole, and with a lexicon re-reads the text as the
/// fewest words.
///
/// Steps, in order:
/// 1. *Protected spans* become single tokens and are never cut inside: URLs and e-mail
///    addresses; glossary terms (``Lexicon/forced``), leftmost-longest; numbers with decimal,
///    thousands, time and fraction separators, a magnitude (万, 亿) and a trailing percent sign
///    (`35.8%`, `３５．８％`, `1200万`) and a sign before it (`－9`); numbers in Chinese numerals
///    (`二十一`, `一千二百万`);
///    with ``Options/attachDateUnits`` a number followed by 年 (a year: three digits or more), 月
///    or 日 (`2021年`, `十二月`, `二○○一年`, `三十一日`: the PKU and CTB conventions; UD Chinese splits
///    them; `5年`, a duration, stays apart); runs of the same
///    punctuation mark (`——`, `……`).
/// 2. *Conventions* (``Options``) adjust ICU's cuts where segmentation standards differ from its
///    dictionary; ``Options/conventions`` `.ud` adds the Universal Dependencies splits
///    (`WordRefiner+UD.swift`: `成为` → `成` `为`, `这个` → `这` `个`). Without a word list, these
///    cuts are the result.
/// 3. With a word list, the text is re-read as the cheapest path through a lattice whose edges
///    are the protected spans, the lexicon words, ICU's words and single characters: each word
///    costs 1 (0.95 when it is also ICU's word: ICU breaks ties), an ICU word that is not in the
///    lexicon 1.05 and a lone character 1.1 (1 when the
///    word list has it as a one-character word). So the reading has the fewest words, prefers
///    lexicon words on ties, and falls back to ICU for words the lexicon does not know — except
///    an ICU word made only of the list's one-character words, one of them a function character
///    (`也是`, `不能`), which costs 2.05: the list's convention splits it.
///    When the lexicon has counts (a frequency list, ``Lexicon/frequencies``), every edge costs
///    its unigram cost −log(count / total) instead; a character or ICU word the counts do not
///    know costs that of the rarest count plus ``unknownWordPenalty``.
///
/// Each token keeps ICU's rule status (number, letter, kana, ideographic, none); a token the
/// layer made takes the status of the ICU word it starts in, numbers being `number`.
///
/// `2021年新年贺词` → `2021年` `新年` `贺词` (ICU alone: `2021` `年` `新年` `贺词`).
public struct WordRefiner: Sendable {
  public struct Options: Sendable, Hashable {
    /// Keep 年/月/日 with the number before them (`2021年`, `十二月`).
    public var attachDateUnits = true
    /// Split a numeral from its measure word (`一个` → `一` `个`) and keep ordinals whole
    /// (`第一`), as PKU and UD Chinese do.
    public var splitNumeralMeasure = true
    /// Join productive suffixes to the word before them (`现代化`, `可能性`, `消费者`,
    /// `北京市`, `委员会`, `社会主义`), as PKU does; UD Chinese splits some of them.
    public var attachSuffixes = true
    /// Join runs of single transliteration characters that ICU left apart (`克 林 顿` → `克林顿`).
    public var joinTransliterations = true
    /// Join two or three single characters that ICU left apart and that are not function
    /// characters (`本|报` → `本报`); a three-character run starting with a surname is cut
    /// surname | given name.
    public var joinSingleCharacters = true
    /// The segmentation standard followed where standards disagree (``WordConventions``):
    /// `ud` also splits function morphemes off ICU's words (`成为` → `成` `为`).
    public var conventions = WordConventions.pku

    public init(attachDateUnits: Bool = true, splitNumeralMeasure: Bool = true, attachSuffixes: Bool = true, joinTransliterations: Bool = true, joinSingleCharacters: Bool = true, conventions: WordConventions = .pku) {
      self.conventions = conventions
      self.joinSingleCharacters = joinSingleCharacters
      self.joinTransliterations = joinTransliterations
      self.attachDateUnits = attachDateUnits
      self.splitNumeralMeasure = splitNumeralMeasure
      self.attachSuffixes = attachSuffixes
    }
  }

  struct Span {
    var range: Range<Int>
    var type: WordRuleStatus
  }

  public let lexicon: Lexicon
  public let options: Options

  public init(lexicon: Lexicon = Lexicon(), options: Options = Options()) {
    self.lexicon = lexicon
    self.options = options
  }

  /// The words of `text`, given ICU's tokens of it (UTF-8 offsets, as ``WordSplitter`` makes).
  public func refine(_ text: String, tokens icuTokens: [Token]) -> [Token] {
    var scratch = WordScratch()
    scratch.load(text)
    // ICU's tokens as scalar ranges, in order (a token whose ends are not character boundaries,
    // or that starts before the previous one ends, is left out).
    var scalarAt = [Int](repeating: -1, count: (scratch.utf8Offsets.last ?? 0) + 1)
    for (index, offset) in scratch.utf8Offsets.enumerated() { scalarAt[offset] = index }
    var words: [Range<Int>] = []
    var statuses: [WordRuleStatus] = []
    for token in icuTokens {
      let start = token.start < scalarAt.count ? scalarAt[token.start] : -1
      let end = token.end < scalarAt.count ? scalarAt[token.end] : -1
      guard start >= 0, end > start, start >= words.last?.upperBound ?? 0 else { continue }
      words.append(start..<end)
      statuses.append(token.type)
    }
    scratch.setWords(words, statuses: statuses)
    return refine(scratch: &scratch)
  }

  /// The words of the text loaded into `scratch` with ICU's words of it (``WordScratch``).
  ///
  /// The per-segment flags are the scratch's buffers, reused from one segment to the next and
  /// read and written through pointers (see ``ScratchBuffer``): this runs at every character
  /// and word, and arrays taken out of the scratch and handed back, with their uniqueness and
  /// bounds checks, were some 5 % of the word layer.
  func refine(scratch: inout WordScratch) -> [Token] {
    let scalars = scratch.scalars
    let n = scalars.count
    guard n > 0 else { return [] }
    let cut = scratch.cutStorage.filled(n + 1, with: false)
    let space = scratch.spaceStorage.filled(n, with: false)
    let forbidden = scratch.forbiddenStorage.filled(n + 1, with: false)
    let spanAt = scratch.spanAtStorage.filled(n, with: -1)
    let taken = scratch.takenStorage.filled(n, with: false)

    let classes = WordClassTable.shared
    // ICU's cuts and white space. The same pass over the characters learns which of
    // ``protectedSpans``' searches can find anything: the word classes the segment holds, where
    // a span may start, and whether a punctuation mark is repeated.
    var seen: UInt32 = 0
    var hasRun = false
    scratch.spanStartStorage.reserve(n)
    let spanStarts = scratch.spanStartStorage.base
    var spanStartCount = 0
    let spanInitialBits = Self.spanInitialBits
    scratch.characterBitStorage.reserve(n)
    let characterBits = scratch.characterBitStorage.base
    cut[0] = true
    cut[n] = true
    for range in scratch.words {
      cut[range.lowerBound] = true
      cut[range.upperBound] = true
    }
    var previous: Unicode.Scalar = "\u{0}"
    for index in 0..<n {
      let c = scalars[index]
      let bits = classes.bits(of: c)
      let entry = CharacterBits.traits(bits)
      characterBits[index] = bits
      seen |= bits
      if bits & spanInitialBits != 0 {
        spanStarts[spanStartCount] = index
        spanStartCount += 1
      }
      if c == previous, ScalarTraits.isPunctuation(entry: entry) { hasRun = true }
      previous = c
      if ScalarTraits.isWhitespace(entry: entry) {
        space[index] = true
        cut[index] = true
        cut[index + 1] = true
      }
    }

    let bits = UnsafeBufferPointer(start: characterBits, count: n)
    applyConventions(scalars, bits: bits, ranges: scratch.words, cut: cut, joins: &scratch.joins, events: scratch.conventionEventStorage)

    // Protected spans.
    let spans = protectedSpans(
      scalars, bits: bits, taken: taken, seen: seen, hasRun: hasRun, starts: UnsafeBufferPointer(start: spanStarts, count: spanStartCount),
      into: scratch.spanStorage)
    for (spanIndex, span) in spans.enumerated() {
      cut[span.range.lowerBound] = true
      cut[span.range.upperBound] = true
      for index in span.range.dropFirst() {
        forbidden[index] = true
        cut[index] = false
      }
      spanAt[span.range.lowerBound] = spanIndex
    }

    if !lexicon.isEmpty {
      // The cheapest reading through the lattice replaces the cuts.
      let path = bestPath(scalars, cut: UnsafeBufferPointer(cut), forbidden: UnsafeBufferPointer(forbidden), space: UnsafeBufferPointer(space), spans: spans, spanAt: UnsafeBufferPointer(spanAt))
      cut.update(repeating: false)
      for position in path { cut[position] = true }
    }

    cut[n] = true  // already: the end of the text is a cut whatever the steps above did
    return tokens(cut: UnsafeBufferPointer(cut), space: UnsafeBufferPointer(space), spanAt: UnsafeBufferPointer(spanAt), spans: spans, bits: bits, scratch: scratch)
  }

  /// The pieces between consecutive cuts (`cut[0]` and `cut[n]` must be set) that are not all white
  /// space, as tokens of the text loaded into `scratch`.
  ///
  /// A token takes the type of the protected span it is, else the status of the ICU word it
  /// starts in (both are in order, so the word is found by walking forward), else that of its
  /// first letter. The tokens are written into the scratch's buffer, then copied into an array
  /// allocated at their count: appending checked capacity and uniqueness at every token, and an
  /// array allocated uninitialized went through the standard library's generic code.
  private func tokens(
    cut: UnsafeBufferPointer<Bool>, space: UnsafeBufferPointer<Bool>, spanAt: UnsafeBufferPointer<Int>, spans: UnsafeBufferPointer<Span>, bits: UnsafeBufferPointer<UInt32>,
    scratch: WordScratch
  ) -> [Token] {
    let scalars = scratch.scalars
    let utf8Offsets = scratch.utf8Offsets
    let statuses = scratch.statuses
    let n = scalars.count
    // A segment has at most n tokens.
    scratch.foundTokenStorage.reserve(n)
    let found = scratch.foundTokenStorage.base
    let words = scratch.words
    var written = 0
    // The ICU word the walk is at, and where it ends (kept at hand: the walk runs at every token).
    var word = 0
    var wordEnd = words.first?.upperBound ?? Int.max
    var start = 0
    while start < n {
      // `cut[n]` is set (see the caller): the scan stops there without a bound test.
      var end = start + 1
      while !cut[end] { end += 1 }
      defer { start = end }
      if space[start], (start..<end).allSatisfy({ space[$0] }) { continue }
      var type: WordRuleStatus
      let span = spanAt[start]
      if span >= 0, spans[span].range.upperBound == end {
        type = spans[span].type
      } else {
        while wordEnd <= start {
          word += 1
          wordEnd = word < words.count ? words[word].upperBound : Int.max
        }
        type = word < words.count && words[word].lowerBound <= start ? statuses[word] : .none
      }
      if type == .none, let first = (start..<end).first(where: { CharacterBits.isAlphabetic(bits[$0]) }) {
        type = CharacterBits.status(bits[first])
      }
      found[written] = Token(type: type, start: utf8Offsets[start], end: utf8Offsets[end])
      written += 1
    }
    var tokens: [Token] = []
    tokens.reserveCapacity(written)
    tokens.append(contentsOf: UnsafeBufferPointer(start: found, count: written))
    return tokens
  }

  /// The string of `scalars`, encoded into its UTF-8 in place (the same string as
  /// `String(String.UnicodeScalarView(scalars))`, built several times faster: the word layer
  /// looks up a few words in sets of strings).
  static func string<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> String {
    String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
      var count = 0
      for scalar in scalars {
        let value = scalar.value
        if value < 0x80 {
          buffer[count] = UInt8(truncatingIfNeeded: value)
          count += 1
        } else if value < 0x800 {
          buffer[count] = 0xC0 | UInt8(truncatingIfNeeded: value >> 6)
          buffer[count + 1] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
          count += 2
        } else if value < 0x10000 {
          buffer[count] = 0xE0 | UInt8(truncatingIfNeeded: value >> 12)
          buffer[count + 1] = 0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F)
          buffer[count + 2] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
          count += 3
        } else {
          buffer[count] = 0xF0 | UInt8(truncatingIfNeeded: value >> 18)
          buffer[count + 1] = 0x80 | UInt8(truncatingIfNeeded: (value >> 12) & 0x3F)
          buffer[count + 2] = 0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F)
          buffer[count + 3] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
          count += 4
        }
      }
      return count
    }
  }

  // MARK: - Lattice

  private func bestPath(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, cut: UnsafeBufferPointer<Bool>, forbidden: UnsafeBufferPointer<Bool>, space: UnsafeBufferPointer<Bool>, spans: UnsafeBufferPointer<Span>,
    spanAt: UnsafeBufferPointer<Int>
  ) -> [Int] {
    let n = scalars.count
    var cost = [Double](repeating: .infinity, count: n + 1)
    var back = [Int](repeating: -1, count: n + 1)
    cost[0] = 0
    // With counts, a word costs −log p (unigram model); without, every word costs about 1.
    let unigram = lexicon.hasFrequencies
    let logTotal = unigram ? log(lexicon.totalFrequency) : 0
    let floor = lexicon.minimumFrequency.isFinite ? lexicon.minimumFrequency : 1
    /// A word (or character) the counts do not know: seen once at the rarest count, and an ICU
    /// word not in the list a little more (so a counted reading wins a tie).
    let unknownCost = logTotal - log(floor) + Self.unknownWordPenalty
    func unigramCost(_ word: String) -> Double {
      logTotal - log(max(lexicon.frequencies[word] ?? floor, floor))
    }
    func relax(_ from: Int, _ to: Int, _ weight: Double) {
      let total = cost[from] + weight
      if total < cost[to] - 1e-9 {
        cost[to] = total
        back[to] = from
      }
    }
    for i in 0..<n where cost[i].isFinite {
      if space[i] {
        relax(i, i + 1, 0)
        continue
      }
      if spanAt[i] >= 0 {
        relax(i, spans[spanAt[i]].range.upperBound, 1)
        continue
      }
      // The base (ICU) word from i: up to the next cut.
      var next = i + 1
      while next < n, !cut[next] { next += 1 }
      var word = String.UnicodeScalarView()
      var length = 0
      var baseIsWord = false
      while i + length < n, length < lexicon.maxLength {
        let scalar = scalars[i + length]
        if space[i + length] { break }
        word.append(scalar)
        length += 1
        let candidate = String(word)
        let end = i + length
        if length >= 2, !forbidden[end], lexicon.contains(candidate) {
          relax(i, end, unigram ? unigramCost(candidate) : (end == next ? 1 - Self.icuAgreementBonus : 1))
          if end == next { baseIsWord = true }
        }
        if !lexicon.hasLonger(candidate) { break }
      }
      // A character the word list has as a one-character word costs what a listed word costs.
      var single = lexicon.singles.contains(scalars[i]) ? 1.0 : 1.1
      if unigram {
        let character = String(scalars[i])
        single = lexicon.frequencies[character].map { _ in unigramCost(character) } ?? unknownCost
      }
      if !baseIsWord, unigram {
        relax(i, next, next - i == 1 ? single : unknownCost)
      } else if !baseIsWord {
        var weight = next - i == 1 ? single : 1.05
        // An ICU word the list lacks, made only of characters the list has as words of their
        // own, one of them a function character (也是, 不能, 都是): the list's convention
        // splits it, so it costs more than its characters.
        if next - i >= 2, !lexicon.singles.isEmpty, (i..<next).allSatisfy({ lexicon.singles.contains(scalars[$0]) }),
          (i..<next).contains(where: { Self.functionCharacters.contains(scalars[$0]) })
        {
          weight = 2.05
        }
        relax(i, next, weight)
      }
      if next > i + 1, !forbidden[i + 1] { relax(i, i + 1, single) }
    }
    var result: [Int] = []
    var position = n
    while position > 0 {
      result.append(position)
      let previous = back[position]
      guard previous >= 0 else {
        assertionFailure("no path through the word lattice")
        return (0...n).filter { cut[$0] }
      }
      position = previous
    }
    result.append(0)
    return result.reversed()
  }

  /// Extra cost, in nats, of a word the counts do not know, over one seen once at the rarest
  /// count.
  static let unknownWordPenalty = 1.0
  /// Without counts, a lexicon word that is also ICU's word costs this much less than 1: ICU's
  /// dictionary (built from frequencies) breaks ties between equally short readings (`取得|了`,
  /// not `取|得了`).
  static let icuAgreementBonus = 0.05

  // MARK: - Conventions

  /// Character classes the rules below test (bitmaps: this runs on every character).
  static let largeNumberUnits = ScalarSet("万亿")
  static let percentSigns = ScalarSet("%％‰")
  static let dayAndMonthUnits = ScalarSet("月日")
  static let numberSigns = ScalarSet("-－−+＋")
  static let numberSeparators = ScalarSet(".,:/．：／·")
  static let emailLocalMarks = ScalarSet(".%+-")
  static let urlInitials = ScalarSet("hHwWfF")
  static let urlTrailingPunctuation = ScalarSet(".,;:!?)]}'")
  /// A character's ``WordClassTable`` bits with its ``ScalarTraits`` entry in the top byte (the
  /// table's entries), found once per character in ``refine(scratch:)``'s pass and kept for the
  /// segment: the tests after it read one entry of a buffer in order instead of two tables of
  /// 64 K entries.
  enum CharacterBits {
    @inline(__always)
    static func combine(_ classes: UInt32, _ entry: UInt8) -> UInt32 { classes | UInt32(entry) << 24 }
    @inline(__always)
    static func traits(_ bits: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: bits >> 24) }
    @inline(__always)
    static func status(_ bits: UInt32) -> WordRuleStatus { ScalarTraits.status(entry: traits(bits)) }
    @inline(__always)
    static func isAlphabetic(_ bits: UInt32) -> Bool { ScalarTraits.isAlphabetic(entry: traits(bits)) }
    @inline(__always)
    static func isPunctuation(_ bits: UInt32) -> Bool { ScalarTraits.isPunctuation(entry: traits(bits)) }
    /// The status's bits, and their value for an ideographic character: `bits & statusMask ==
    /// ideographicStatus` is `status(bits) == .ideographic`, and can share its mask with classes.
    @inline(__always)
    static var statusMask: UInt32 { UInt32(ScalarTraits.statusEntryMask) << 24 }
    @inline(__always)
    static var ideographicStatus: UInt32 { UInt32(ScalarTraits.entryBits(of: .ideographic)) << 24 }
  }

  /// ASCII and full-width digits (``isDigit(_:)``), `@` and 第, as sets for ``WordClassTable``:
  /// a segment without any is spared the number, e-mail or ordinal search.
  static let digits = ScalarSet("0123456789０１２３４５６７８９")
  static let atSigns = ScalarSet("@")
  static let ordinalMarks = ScalarSet("第")
  /// The ``WordClassTable`` classes of the characters a protected span can start with, but for
  /// glossary terms and punctuation runs (found otherwise): a URL initial, `@`, a digit, a date
  /// initial, 第, a numeral digit.
  static let spanInitialBits = WordClassTable.Class.bits(.urlInitial, .atSign, .digit, .dateInitial, .ordinalMark, .numeralDigit)

  /// A single character joins others (``Options/joinSingleCharacters``) when it is ideographic
  /// and neither a function character nor a numeral: its ``CharacterBits`` under this mask are
  /// ``CharacterBits/ideographicStatus``.
  static let joinableSingleMask = CharacterBits.statusMask | WordClassTable.Class.bits(.functionCharacter, .numeral)

  /// Single-character numerals that take a measure word.
  static let numerals = ScalarSet("一两二三四五六七八九十几半每多")
  /// Measure words split from a numeral before them (written for Segflow from the PKU
  /// specification's examples; `一些`, `一样`, `一起` are words and stay whole).
  static let measures = ScalarSet("个次位条种项天年名批件场张份座所辆台届支只岁元篇封首架艘根棵颗把双股间" + "個條種項場張輛臺屆隻歲雙間")  // Traditional forms
  /// Characters Chinese uses to write foreign names by sound (克林顿, 普京, 斯洛伐克), written for
  /// Segflow from common transliteration tables.
  static let transliteration = ScalarSet("阿埃艾爱安奥巴拜班邦鲍贝本比彼宾波伯博布查达戴丹道德迪蒂丁杜多厄恩尔法菲芬弗福盖甘戈格贡古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考科克肯库拉莱赖兰朗劳勒雷里利列林琳隆卢鲁伦罗洛马迈麦曼芒梅蒙米密明莫墨姆穆纳奈内尼涅努诺欧帕派潘佩彭皮普齐奇乔切琼萨塞桑瑟森沙舍什施斯松苏索塔泰坦汤特滕提图托瓦万威维魏温沃乌西希谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐顿京玛丽娜妮莎廉茨奎娅黛"
    + "愛奧鮑貝賓達爾蓋貢漢華賈傑凱庫萊賴蘭勞盧魯倫羅邁麥納諾歐齊喬瓊薩蘇湯圖萬維溫烏謝亞揚約澤茲頓瑪麗婭馬")
  /// Two-character words with 的 that are words, not a particle after or before a word.
  static let wordsWithDe: Set<String> = ["目的", "有的", "别的", "似的", "的确", "的话", "的士", "的哥", "标的", "端的", "真的", "是的", "好的", "对的"]
  /// The characters after 的 in ``wordsWithDe`` (`的确`), and those before it (`目的`).
  static let afterDe = ScalarSet(wordsWithDe.map(\.unicodeScalars).filter { $0.first == "的" }.compactMap(\.last).map(String.init).joined())
  static let beforeDe = ScalarSet(wordsWithDe.map(\.unicodeScalars).filter { $0.last == "的" }.compactMap(\.first).map(String.init).joined())

  /// Whether `first` `second`, one of them 的, is one of ``wordsWithDe`` (as strings, so up to
  /// canonical equivalence). Asked at every two-character ICU word with 的: compared as
  /// characters, without a string, unless one is a CJK compatibility ideograph, the only single
  /// characters canonically equal to another (a unified ideograph).
  static func isWordWithDe(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
    if isCompatibilityIdeograph(first) || isCompatibilityIdeograph(second) {
      return wordsWithDe.contains(String(String.UnicodeScalarView([first, second])))
    }
    return (first == "的" && afterDe.contains(second)) || (second == "的" && beforeDe.contains(first))
  }

  /// The ``suffixes`` of two characters (主义).
  static let twoCharacterSuffixes: [(first: Unicode.Scalar, second: Unicode.Scalar)] = suffixes.compactMap { suffix in
    let scalars = Array(suffix.unicodeScalars)
    return scalars.count == 2 ? (scalars[0], scalars[1]) : nil
  }

  /// Whether `first` `second` (`first` a suffix initial) is one of ``suffixes``, found without a
  /// string; nil when one is a CJK compatibility ideograph, the only single characters
  /// canonically equal to another, for which the caller compares strings. Otherwise each
  /// character is equal only to itself (a suffix initial is a unified ideograph), so the pair is
  /// compared as characters; and no two characters equal 会.
  static func isTwoCharacterSuffix(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool? {
    guard !isCompatibilityIdeograph(first), !isCompatibilityIdeograph(second) else { return nil }
    return twoCharacterSuffixes.contains { $0.first == first && $0.second == second }
  }

  @inline(__always)
  static func isCompatibilityIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    // The unified ideographs (U+4E00–U+9FFF, most of the text) fail the first comparison.
    scalar.value >= 0xF900 && (scalar.value <= 0xFAFF || (0x2F800...0x2FA1F).contains(scalar.value))
  }
  /// Characters that are words by themselves far more often than parts of a longer word
  /// (particles, pronouns, prepositions, adverbs, common verbs), written for Segflow.
  static let functionCharacters = ScalarSet("的了是在有和与及或也就都不没很太更最把被从对为向往以于之其此这那哪个们着过地得上下中里外内前后来去到说要会能可将并所已让给使比越又还才再而且但即则若如因由自当该每各某些啥吗呢吧啊呀么嘛哦我你他她它谁您咱俺人年月日时天等多少大小新老好高长"
    + "這們對為與說會時長過後來還個裡於並將從讓給當該無沒麼嗎吧呢")  // Traditional forms
  /// Common surnames, for cutting three-character names as PKU does (江|泽民).
  static let surnames = ScalarSet("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    + "張劉陳楊黃趙吳孫馬鄭謝韓馮鄧蕭蔣葉蘇呂盧鍾譚陸範賈韋鄒龍賀顧龔萬錢嚴湯")
  /// Suffixes joined to a word of two or more ideographs before them.
  static let suffixes: Set<String> = ["化", "性", "者", "员", "界", "率", "制", "业", "院", "局", "省", "市", "县", "区", "村", "乡", "镇", "主义", "学", "型", "式", "论", "感", "法", "权", "费", "站", "厂", "队"]
  /// First characters of the suffixes and of 会. A word is compared with the suffixes (as
  /// strings, so up to canonical equivalence) only when it starts with one of these or with a CJK
  /// compatibility ideograph, the only other characters canonically equivalent to a Han
  /// character; every suffix has at most two characters.
  static let suffixInitials = ScalarSet(suffixes.map { String($0.unicodeScalars.first!) }.joined() + "会")

  /// The one-character ``suffixes``.
  static let singleSuffixes = ScalarSet(suffixes.filter { $0.unicodeScalars.count == 1 }.joined())

  @inline(__always)
  static func mayStartSuffix(_ scalar: Unicode.Scalar, classes: WordClassTable = .shared) -> Bool {
    classes.contains(scalar, .suffixInitial) || isCompatibilityIdeograph(scalar)
  }

  /// 会 (assembly) only after these: elsewhere it is mostly the verb "will".
  static let assemblyHeads: Set<String> = ["委员", "理事", "董事", "常委", "研讨", "座谈", "运动", "博览", "代表", "联合", "居委", "村委", "人代", "茶话", "招待", "交易", "展销", "洽谈", "联欢", "演唱", "音乐", "新闻发布", "发布", "年", "工商联", "基金"]

  /// `ranges`: ICU's words, in order.
  /// `joins`, `events`: buffers kept between segments (``ConventionEvent``), emptied here.
  /// `bits`: each character's ``CharacterBits``.
  private func applyConventions(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, bits: UnsafeBufferPointer<UInt32>, ranges: UnsafeBufferPointer<Range<Int>>, cut: UnsafeMutableBufferPointer<Bool>,
    joins: inout WordJoins, events: ScratchBuffer<ConventionEvent>
  ) {
    applyPKUConventions(scalars, bits: bits, ranges: ranges, cut: cut, joins: &joins, events: events)
    if options.conventions == .ud {
      // On the words as the conventions above left them (本|报 joined is one word here).
      var words: [Range<Int>] = []
      var start = -1
      for position in 0...scalars.count where cut[position] {
        if start >= 0 { words.append(start..<position) }
        start = position
      }
      applyUDConventions(scalars, ranges: words, cut: cut)
    }
  }

  /// The conventions but UD's (``applyConventions(_:bits:ranges:cut:joins:events:)``), in one
  /// pass over ICU's words. `cut` is written through a buffer: the nested functions that wrote
  /// an array they captured paid an exclusivity check per write.
  ///
  /// Each convention decides from ICU's words and the characters alone (none reads `cut`), and
  /// they are applied in this order, a later one winning where two touch the same position: the
  /// numeral–measure and particle splits, the transliteration joins, the single-character joins,
  /// the suffix joins. The pass runs them side by side and keeps the joins as lists, applied in
  /// that order at the end; the splits only set cuts, before any join, so they are written at
  /// once. (One pass instead of five: this runs on every word.)
  ///
  /// The pass itself (``conventionEvents(_:bits:ranges:cut:events:splitNumeralMeasure:pku:ud:joinTransliterations:joinSingleCharacters:attachSuffixes:)``)
  /// makes no call: what needs one (appending a join, comparing with a set of strings) is
  /// noted as a ``ConventionEvent`` and done here after it, in order.
  private func applyPKUConventions(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, bits: UnsafeBufferPointer<UInt32>, ranges: UnsafeBufferPointer<Range<Int>>, cut: UnsafeMutableBufferPointer<Bool>,
    joins: inout WordJoins, events eventStorage: ScratchBuffer<ConventionEvent>
  ) {
    func text(_ range: Range<Int>) -> String { Self.string(scalars[range]) }
    func has(_ index: Int, _ set: WordClassTable.Class) -> Bool { set.isIn(bits[index]) }
    let splitNumeralMeasure = options.splitNumeralMeasure
    let pku = options.conventions == .pku
    let ud = options.conventions == .ud
    let joinTransliterations = options.joinTransliterations
    // With a word list the lexicon decides instead (glossary terms alone do not count as one).
    let joinSingleCharacters = options.joinSingleCharacters && lexicon.words.count == lexicon.forced.count
    let attachSuffixes = options.attachSuffixes
    let wordCount = ranges.count
    // A particle and a suffix at most at each word, and a run of either kind noted has two
    // words or more: fewer events than three a word.
    eventStorage.reserve(3 * wordCount + 2)
    let events = eventStorage.base

    let eventCount = Self.conventionEvents(
      scalars, bits: bits, ranges: ranges, cut: cut, events: events, splitNumeralMeasure: splitNumeralMeasure, pku: pku, ud: ud,
      joinTransliterations: joinTransliterations, joinSingleCharacters: joinSingleCharacters, attachSuffixes: attachSuffixes)

    // What needed a call, in the order the pass found it (fewer joins than events).
    joins.removeAll(reserving: eventCount)
    for event in UnsafeBufferPointer(start: events, count: eventCount) {
      let range = event.start..<event.end
      switch event.kind {
      case .particle:
        if !Self.isWordWithDe(scalars[range.lowerBound], scalars[range.lowerBound + 1]) { cut[range.lowerBound + 1] = true }
      case .transliteration:
        joins.appendTransliteration(range)
      case .singles:
        joins.appendSingles(range, surname: range.count == 3 && has(range.lowerBound, .surname))
      case .suffixOfOne, .suffixOfTwo:
        // The word after `range`, of one or two characters, starts like a suffix.
        let second = range.upperBound..<(range.upperBound + (event.kind == .suffixOfOne ? 1 : 2))
        let matches: Bool
        let initial = scalars[second.lowerBound]
        if second.count == 1, has(second.lowerBound, .suffixInitial) {
          // One unified ideograph equals (canonically) only itself: no string needed.
          matches = has(second.lowerBound, .singleSuffix) || (initial == "会" && Self.assemblyHeads.contains(text(range)))
        } else if second.count == 2, let found = Self.isTwoCharacterSuffix(initial, scalars[second.lowerBound + 1]) {
          // Most of these are words that merely start like a suffix (市场, 学习): no string.
          matches = found
        } else {
          let suffix = text(second)
          matches = Self.suffixes.contains(suffix) || (suffix == "会" && Self.assemblyHeads.contains(text(range)))
        }
        // Only join when the suffix was cut off by ICU, not split from a numeral above.
        if matches, !(second.count == 1 && has(range.upperBound - 1, .numeral)) { joins.appendSuffix(at: range.upperBound) }
      }
    }
    joins.apply(to: cut)
  }

  // MARK: - Protected spans

  /// `bits`: each character's ``CharacterBits``.
  /// `taken`: `s.count` times false (the scratch's); marks the characters of the spans found.
  /// `seen`: the ``WordClassTable`` bits of all of `s`'s characters together; `hasRun`: whether
  /// a punctuation mark follows itself. Each search below adds spans only where its first
  /// character stands (a URL initial, `@`, a digit or date initial, `第`, a numeral, a
  /// punctuation mark repeated), and most segments hold few of these: the searches that can find
  /// nothing are skipped. `starts`: the positions of the characters of ``spanInitialBits``, in
  /// order; the searches that start at such a character visit these instead of every position
  /// (they are a few in a hundred characters of Chinese). (``refine(scratch:)`` learns all three
  /// in its pass over the characters.)
  /// `storage`: the scratch's buffer the spans are written to (an array per segment, grown at
  /// its first span and sorted in a copy, cost some 5 M instructions on 2 MB of text).
  ///
  /// Returns the spans in order.
  func protectedSpans(
    _ s: UnsafeBufferPointer<Unicode.Scalar>, bits: UnsafeBufferPointer<UInt32>, taken: UnsafeMutableBufferPointer<Bool>, seen: UInt32, hasRun: Bool,
    starts: UnsafeBufferPointer<Int>, into storage: ScratchBuffer<Span>
  ) -> UnsafeBufferPointer<Span> {
    let n = s.count
    // Spans have two characters or more and do not overlap.
    storage.reserve(n / 2 + 1)
    let found = storage.base
    var spanCount = 0
    func add(_ range: Range<Int>, _ type: WordRuleStatus) {
      guard range.count >= 2, !range.contains(where: { taken[$0] }) else { return }
      for index in range { taken[index] = true }
      found[spanCount] = Span(range: range, type: type)
      spanCount += 1
    }
    // The character sets, as bits of each character (``CharacterBits``).
    func has(_ index: Int, _ set: WordClassTable.Class) -> Bool { set.isIn(bits[index]) }
    let hasDigit = WordClassTable.Class.digit.isIn(seen)
    let hasAt = WordClassTable.Class.atSign.isIn(seen)
    let hasOrdinal = WordClassTable.Class.ordinalMark.isIn(seen)
    // URLs. Each search below visits the positions of `starts` at or after `i`, the first
    // position it has not yet read as part of a span; every other position fails its first test.
    var i = 0
    for start in starts where WordClassTable.Class.urlInitial.isIn(seen) && start >= i {
      if has(start, .urlInitial), start == 0 || !Self.isASCIIWordChar(s[start - 1]), let length = Self.urlLength(s, at: start) {
        add(start..<(start + length), .letter)
        i = start + length
      }
    }
    // E-mail addresses.
    for at in starts where hasAt && s[at] == "@" {
      var start = at
      while start > 0, Self.isEmailLocal(s[start - 1]) { start -= 1 }
      var end = at + 1
      while end < n, Self.isASCIIWordChar(s[end]) || s[end] == "." || s[end] == "-" { end += 1 }
      while end > at + 1, s[end - 1] == "." { end -= 1 }
      if start < at, s[(at + 1)..<end].contains(".") { add(start..<end, .letter) }
    }
    // Glossary terms, leftmost-longest.
    if !lexicon.forced.isEmpty {
      var i = 0
      while i < n {
        var word = String.UnicodeScalarView()
        var best = 0
        var length = 0
        while i + length < n, length < lexicon.maxLength {
          word.append(s[i + length])
          length += 1
          let candidate = String(word)
          if lexicon.forced.contains(candidate) { best = length }
          if !lexicon.hasLonger(candidate) { break }
        }
        if best >= 2 {
          add(i..<(i + best), Self.status(of: s[i]))
          i += best
        } else {
          i += 1
        }
      }
    }
    // Numbers (and dates). A date in Chinese numerals starts with one of `dateInitials`: most
    // positions are settled by one lookup.
    i = 0
    let mayHaveNumber = hasDigit || (options.attachDateUnits && WordClassTable.Class.dateInitial.isIn(seen))
    let attachDateUnits = options.attachDateUnits
    for start in starts where mayHaveNumber && start >= i {
      i = start
      // Only a digit or a date initial starts one: one lookup settles the other positions.
      let classes = bits[i]
      guard WordClassTable.Class.digit.isIn(classes) || (attachDateUnits && WordClassTable.Class.dateInitial.isIn(classes)) else { continue }
      guard Self.isDigit(s[i]), i == 0 || !(Self.isDigit(s[i - 1]) || Self.isLatinLetter(s[i - 1]) || s[i - 1] == "." || s[i - 1] == "．") else {
        if options.attachDateUnits, has(i, .dateInitial), let length = chineseDateLength(s, at: i) {
          add(i..<(i + length), .number)
          i += length
        } else {
          i += 1
        }
        continue
      }
      var end = i
      while end < n, Self.isDigit(s[end]) { end += 1 }
      while end + 1 < n, Self.isNumberSeparator(s[end]), Self.isDigit(s[end + 1]) {
        end += 1
        while end < n, Self.isDigit(s[end]) { end += 1 }
      }
      if end + 1 < n, s[end] == "多", has(end + 1, .largeNumberUnit) { end += 1 }
      while end < n, has(end, .largeNumberUnit) { end += 1 }  // 1万亿
      if end < n, has(end, .percentSign) { end += 1 }
      if end < n, Self.isLatinLetter(s[end]) {
        // "A4", "3D", "5G": ICU's word, not ours.
        i = end
        continue
      }
      // A year has three or more digits: "5年" is a duration, "5 年" in PKU and UD alike.
      if options.attachDateUnits, end < n, Self.dayAndMonthUnits.contains(s[end]) || (s[end] == "年" && end - i >= 3) { end += 1 }
      // A sign right before the digits, after anything but a digit or letter: －9℃, -3.5.
      var start = i
      if i > 0, Self.numberSigns.contains(s[i - 1]), i == 1 || !(Self.isDigit(s[i - 2]) || Self.isLatinLetter(s[i - 2])) {
        start = i - 1
      }
      add(start..<end, .number)
      i = end
    }
    // Ordinals: 第一, 第12.
    if options.splitNumeralMeasure, hasOrdinal {
      for start in starts where s[start] == "第" {
        var end = start + 1
        while end < n, Self.isDigit(s[end]) || has(end, .ordinalDigit) { end += 1 }
        if end > start + 1 { add(start..<end, .number) }
      }
    }
    // Numbers in Chinese numerals: 二十一, 三十五万, 一千二百万 (not 万一, 千万: they start with a
    // magnitude and are words).
    i = 0
    for start in starts where WordClassTable.Class.numeralDigit.isIn(seen) && start >= i {
      guard has(start, .numeralDigit), start == 0 || !has(start - 1, .numeralAll) else { continue }
      var end = start + 1
      while end < n, has(end, .numeralAll) { end += 1 }
      if end - start >= 2 { add(start..<end, .number) }
      i = end
    }
    // Runs of the same punctuation mark.
    i = 0
    while hasRun, i < n {
      var end = i + 1
      if CharacterBits.isPunctuation(bits[i]) {
        while end < n, s[end] == s[i] { end += 1 }
        if end - i >= 2 { add(i..<end, .none) }
      }
      i = end
    }
    // Each search finds its spans in order: most segments need no sorting. Spans never share a
    // start (`add` refuses overlaps).
    var spans = UnsafeMutableBufferPointer(start: found, count: spanCount)
    if spanCount > 1, zip(spans, spans.dropFirst()).contains(where: { $0.range.lowerBound > $1.range.lowerBound }) {
      spans.sort { $0.range.lowerBound < $1.range.lowerBound }
    }
    return UnsafeBufferPointer(spans)
  }

  /// A date in Chinese numerals at `i`: `二○○一年`, `十二月`, `三十一日` (a lone numeral before 日
  /// only after 月).
  func chineseDateLength(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Int? {
    let classes = WordClassTable.shared
    // A date starts with a numeral: most positions are settled by one lookup.
    guard classes.contains(s[i], .yearDigit) || classes.contains(s[i], .monthDigit) else { return nil }
    guard i == 0 || !(classes.contains(s[i - 1], .yearDigit) || classes.contains(s[i - 1], .monthDigit)) else { return nil }
    var end = i
    while end < s.count, classes.contains(s[end], .yearDigit) { end += 1 }
    if (2...4).contains(end - i), end < s.count, s[end] == "年" { return end - i + 1 }
    end = i
    while end < s.count, classes.contains(s[end], .monthDigit) || s[end] == "○" { end += 1 }
    // Only before 月 or 日 is the numeral looked up (as a string): most numerals are not dates.
    guard end < s.count, end > i, s[end] == "月" || s[end] == "日" else { return nil }
    let numeral = Self.string(s[i..<end])
    if s[end] == "月", Self.months.contains(numeral) { return end - i + 1 }
    if s[end] == "日", Self.days.contains(numeral), numeral.unicodeScalars.count >= 2 || (i > 0 && s[i - 1] == "月") {
      return end - i + 1
    }
    return nil
  }

  static let ordinalDigits = ScalarSet("一二三四五六七八九十百千零〇两")
  static let numeralDigits = ScalarSet("〇○零一二三四五六七八九十两")
  static let numeralAll = ScalarSet("〇○零一二三四五六七八九十两百千万亿")
  static let yearDigits = ScalarSet("○〇零一二三四五六七八九")
  static let monthDigits = ScalarSet("一二三四五六七八九十")
  /// The first characters of a date in Chinese numerals (``yearDigits`` and ``monthDigits``).
  static let dateInitials = ScalarSet("○〇零一二三四五六七八九" + "一二三四五六七八九十")
  static let months: Set<String> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
  static let days: Set<String> = {
    var days: Set<String> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "二十", "三十", "三十一"]
    for tens in ["十", "二十"] { for unit in ["一", "二", "三", "四", "五", "六", "七", "八", "九"] { days.insert(tens + unit) } }
    return days
  }()

  // MARK: - Characters

  static func isDigit(_ s: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(s) || ("０"..."９").contains(s)
  }

  static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("ａ"..."ｚ").contains(s) || ("Ａ"..."Ｚ").contains(s)
  }

  static func isNumberSeparator(_ s: Unicode.Scalar) -> Bool {
    Self.numberSeparators.contains(s)
  }

  static func isASCIIWordChar(_ s: Unicode.Scalar) -> Bool {
    s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_")
  }

  static func isEmailLocal(_ s: Unicode.Scalar) -> Bool {
    isASCIIWordChar(s) || Self.emailLocalMarks.contains(s)
  }

  /// Length of a URL starting at `i` (`http://`, `https://`, `www.`), without trailing
  /// punctuation.
  static func urlLength(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Int? {
    // Every prefix starts with h, w or f: most positions are settled by one comparison.
    guard Self.urlInitials.contains(s[i]) else { return nil }
    let prefixes = ["https://", "http://", "www.", "ftp://"]
    func starts(with prefix: String) -> Bool {
      let units = Array(prefix.unicodeScalars)
      guard i + units.count <= s.count else { return false }
      for (k, unit) in units.enumerated() {
        let c = s[i + k]
        let lower = ("A"..."Z").contains(c) ? (Unicode.Scalar(c.value + 32) ?? c) : c
        if lower != unit { return false }
      }
      return true
    }
    guard let prefix = prefixes.first(where: starts(with:)) else { return nil }
    var end = i + prefix.unicodeScalars.count
    while end < s.count, s[end].isASCII, !s[end].properties.isWhitespace, s[end] != "\"", s[end] != "<", s[end] != ">" { end += 1 }
    while end > i, Self.urlTrailingPunctuation.contains(s[end - 1]) { end -= 1 }
    return end - i > prefix.unicodeScalars.count ? end - i : nil
  }

  static func status(of scalar: Unicode.Scalar) -> WordRuleStatus {
    ScalarTraits.status(of: scalar)
  }

  /// ``status(of:)`` from the character's properties, as ICU reports them (``ScalarTraits`` keeps
  /// a table of it).
  static func computedStatus(of scalar: Unicode.Scalar) -> WordRuleStatus {
    computedStatus(of: scalar, category: scalar.icuCategory)
  }

  /// ``computedStatus(of:)`` for a scalar whose general category the caller already has.
  static func computedStatus(of scalar: Unicode.Scalar, category: CharacterCategory) -> WordRuleStatus {
    if isDigit(scalar) { return .number }
    switch category {
    case .otherLetter:
      let script = scalar.value
      if (0x3040...0x30FF).contains(script) { return .kana }
      return .ideographic
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter: return .letter
    case .decimalNumber, .letterNumber, .otherNumber: return .number
    default: return .none
    }
  }
}

extension Unicode.GeneralCategory {
  var isPunctuation: Bool {
    switch self {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation: true
    default: false
    }
  }
}
