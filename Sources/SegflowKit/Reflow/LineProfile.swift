/// What reflow needs to know about one non-blank source line: its characters, which of its
/// spaces are real, its width on the page and how it ends.
struct LineProfile {
  /// Index in the document's `lines`.
  var index: Int
  var scalars: [Unicode.Scalar]
  /// Scalar ranges kept in the repaired text, in order; spaces between them were dropped.
  var kept: [Range<Int>]
  /// Spaces removed inside the line (leading and trailing white space not counted).
  var removedSpaces: Int
  /// Every gap between characters is spaced: a justified (stretched) line.
  var isLetterSpaced: Bool
  /// Letter-spaced, or with two or more spaced gaps between CJK characters: the line was
  /// stretched to the full column width, so it is neither indented nor a paragraph's last line.
  var isJustified: Bool
  /// Characters from the first to the last non-space one, spaces included.
  var length: Int
  /// Display width of the kept text in half-width units.
  var width: Int
  var first: Unicode.Scalar
  var last: Unicode.Scalar
  /// Ends a sentence: `。`, `！`, `？`, `…` (or `.` `!` `?` after a Latin word), possibly
  /// followed by closing quotes or brackets.
  var endsSentence: Bool
  /// Has `，。；：` or similar inside: running text rather than a title.
  var hasClausePunctuation: Bool
  /// Has round brackets (full or half width): rare in headings.
  var hasBrackets: Bool
  /// A single real space between two CJK runs, as in two-part newspaper headlines.
  var hasInternalSpace: Bool
  /// Scalar index where a byline (`文/宁杰`) starts at the end of the line, if any.
  var bylineStart: Int?
  /// The one space kept between two ideographs, if any: real in titles and quoted slogans,
  /// justification in running text.
  var softSpace: Range<Int>?
  /// `softSpace` stands inside quotation marks (`“联党心 通民生”`): kept in running text too.
  var softSpaceQuoted: Bool
  /// Only full-width CJK characters, set solid (no Latin word, digit, glue or spacing, whose
  /// width on the page varies): the measured width is at least the width on the page.
  var isPureCJK: Bool
  /// Pure CJK without a mark that may be set half width (`，、；：` in kaiming style, two marks
  /// in a row squeezed): the measured width is the width on the page.
  var isExactWidth: Bool
  /// For a pure CJK line, a lower bound of its width on the page: the measured width less half a
  /// character for each punctuation mark, since any of them may be set half width (kaiming
  /// `，、；：`, one of two marks in a row, an opening mark at the line start, a mark at the line
  /// end). Nil for other lines.
  var minWidth: Int?
  /// No CJK character at all: East Asian ambiguous marks (`“ ’ •`) are Latin punctuation here.
  var isLatin: Bool

  /// Profiles `text`, or returns nil for a blank line.
  init?(index: Int, text: String, removeCJKLatinSpaces: Bool) {
    let all = Array(text.unicodeScalars)
    self.init(index: index, scalars: all, range: 0..<all.count, removeCJKLatinSpaces: removeCJKLatinSpaces)
  }

  /// Profiles the scalars of `range` only (used to cut a byline off the end of a line).
  init?(index: Int, scalars all: [Unicode.Scalar], range: Range<Int>, removeCJKLatinSpaces: Bool) {
    let classes = ScalarClass.classes(of: all)
    guard let lower = classes[range].firstIndex(where: { $0 != .space }),
      let upper = classes[range].lastIndex(where: { $0 != .space })
    else { return nil }

    // Tokens: maximal runs of non-space scalars.
    var tokens: [Range<Int>] = []
    var start = lower
    var position = lower
    while position <= upper {
      if classes[position] == .space {
        if start < position { tokens.append(start..<position) }
        start = position + 1
      }
      position += 1
    }
    if start <= upper { tokens.append(start..<(upper + 1)) }

    // Justified lines: pdftotext spaces every gap, so tokens are single CJK characters or
    // whole numbers and Latin words.
    var singleCJK = 0
    var atomic = 0
    for token in tokens {
      let cjkCount = token.reduce(0) { $0 + (classes[$1].isCJK ? 1 : 0) }
      if cjkCount == 1 && token.count == 1 { singleCJK += 1; atomic += 1 } else if cjkCount == 0 { atomic += 1 }
    }
    // With a number or Latin word in the line, pdftotext's space threshold drops to 0.03 em:
    // a stretched line then shows every gap spaced, so two ideographs set solid (`观景台于 2011
    // 年 4 月 17 日`) say the line was not stretched, however many single characters the glue
    // around the numbers isolates.
    let hasWord = tokens.contains { token in token.count >= 2 && classes[token].allSatisfy(\.isWordLike) }
    let solidIdeographs = tokens.contains { token in
      zip(token.dropLast(), token.dropFirst()).contains { classes[$0] == .ideograph && classes[$1] == .ideograph }
    }
    let letterSpaced = tokens.count >= 4 && singleCJK >= 2 && atomic * 100 >= tokens.count * 85 && !(hasWord && solidIdeographs)

    // Gaps between two CJK characters: two or more in one line are justification even when
    // pdftotext spaced only some gaps (squeezed punctuation makes the gaps uneven); a single one
    // between ideographs may be real (`“联党心 通民生”`, `创新发展 用好党建`).
    var cjkGaps = 0
    for (left, right) in zip(tokens, tokens.dropFirst()) where classes[left.upperBound - 1].isCJK && classes[right.lowerBound].isCJK {
      cjkGaps += 1
    }
    // A byline keeps its spaces: they separate role and names (`文/图 夏华娜 胡伟刚`).
    let bylineStart = Byline.start(in: all, lower: lower, upper: upper)
    let isByline = bylineStart == lower
    var kept: [Range<Int>] = []
    var removed = 0
    var soft: Range<Int>? = nil
    var glue = 0
    var pieceStart = tokens[0].lowerBound
    for (left, right) in zip(tokens, tokens.dropFirst()) {
      let a = classes[left.upperBound - 1]
      let b = classes[right.lowerBound]
      let keep: Bool
      if isByline {
        keep = true
      } else if letterSpaced {
        keep = !a.isCJK && !b.isCJK
      } else if a.isCJK && b.isCJK {
        keep = cjkGaps == 1 && a == .ideograph && b == .ideograph
        if keep { soft = left.upperBound..<right.lowerBound }
      } else if a.isCJK || b.isCJK {
        keep = !removeCJKLatinSpaces
        if !keep { glue += 1 }
      } else {
        keep = true
      }
      let gap = left.upperBound..<right.lowerBound
      if keep {
        // Keep one space of the gap; a run of several collapses to its first.
        if gap.count > 1 {
          kept.append(pieceStart..<(gap.lowerBound + 1))
          pieceStart = right.lowerBound
          removed += gap.count - 1
        }
      } else {
        kept.append(pieceStart..<gap.lowerBound)
        pieceStart = right.lowerBound
        removed += gap.count
      }
    }
    kept.append(pieceStart..<(upper + 1))

    // xeCJK and InDesign set about a quarter em of glue on each side of digits and Latin words
    // inside CJK text (half a half-width unit), which pdftotext prints as a space: count it, or
    // lines with numbers look shorter than they are.
    var width = letterSpaced ? 0 : (glue + 1) / 2
    // Widths that can be trusted: full-width CJK only (no Latin, digits or glue, whose width on
    // the page varies), and for an exact width no mark that may be set half width (kaiming
    // `，、；：`, two marks in a row squeezed).
    var pure = true
    var exact = true
    var previousMark = false
    var halfMarks = 0
    for range in kept {
      for i in range {
        let w = ScalarClass.width(all[i])
        width += w
        let cls = classes[i]
        if w != 2 || !cls.isCJK { pure = false }
        let mark = cls == .cjkPunctuation
        if mark && (previousMark || Punctuation.continuing.contains(all[i])) { exact = false }
        if mark { halfMarks += 1 }
        previousMark = mark
      }
    }

    self.index = index
    self.scalars = all
    self.kept = kept
    self.removedSpaces = removed
    self.isLetterSpaced = letterSpaced
    self.length = upper - lower + 1
    self.isJustified = letterSpaced || cjkGaps >= 2
    self.width = width
    self.first = all[lower]
    self.last = all[upper]
    self.endsSentence = Self.endsSentence(all[lower...upper])
    self.hasBrackets = all[lower...upper].contains { $0 == "（" || $0 == "）" || $0 == "(" || $0 == ")" }
    self.hasClausePunctuation = all[lower..<upper].contains { Punctuation.clauseInternal.contains($0) }
    self.hasInternalSpace = !letterSpaced && kept.count == 1 && tokens.count == 2
      && classes[tokens[0].upperBound - 1].isCJK && classes[tokens[1].lowerBound].isCJK
    self.bylineStart = bylineStart
    self.softSpace = soft
    self.isPureCJK = pure && kept.count == 1
    self.isExactWidth = pure && exact && kept.count == 1
    self.minWidth = pure && kept.count == 1 ? width - halfMarks : nil
    self.softSpaceQuoted = soft.map { Self.isQuoted(all, lower: lower, upper: upper, gap: $0) } ?? false
    self.isLatin = !classes[lower...upper].contains { $0.isCJK }
  }

  /// The gap lies inside quotation marks on this line: an opening mark before it that is not
  /// closed before it, or a closing mark after it that was not opened after it.
  static func isQuoted(_ scalars: [Unicode.Scalar], lower: Int, upper: Int, gap: Range<Int>) -> Bool {
    var depth = 0
    for position in lower..<gap.lowerBound {
      if Punctuation.openingQuotes.contains(scalars[position]) { depth += 1 }
      if Punctuation.closingQuotes.contains(scalars[position]) { depth = max(0, depth - 1) }
    }
    if depth > 0 { return true }
    var opened = 0
    for position in gap.upperBound...upper {
      if Punctuation.openingQuotes.contains(scalars[position]) { opened += 1 }
      if Punctuation.closingQuotes.contains(scalars[position]) {
        if opened == 0 { return true }
        opened -= 1
      }
    }
    return false
  }

  /// The kept ranges without the soft space: for a line joined into running text, where a
  /// lone space between ideographs outside quotes is justification.
  var keptWithoutSoftSpace: [Range<Int>] {
    guard let gap = softSpace else { return kept }
    var result: [Range<Int>] = []
    for range in kept {
      if range.contains(gap.lowerBound) {
        if range.lowerBound < gap.lowerBound { result.append(range.lowerBound..<gap.lowerBound) }
        if range.upperBound > gap.upperBound { result.append(gap.upperBound..<range.upperBound) }
      } else {
        result.append(range)
      }
    }
    return result
  }

  static func endsSentence(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    var end = scalars.endIndex
    while end > scalars.startIndex, Punctuation.closing.contains(scalars[end - 1]) { end -= 1 }
    guard end > scalars.startIndex else { return false }
    let last = scalars[end - 1]
    if Punctuation.terminal.contains(last) { return true }
    if Punctuation.latinTerminal.contains(last), end - 2 >= scalars.startIndex {
      // `e.g.` or a decimal point is not a sentence end; a word then a full stop is.
      let before = scalars[end - 2]
      return before.properties.isAlphabetic && before.value < 0x3000 && !(end - 3 >= scalars.startIndex && scalars[end - 3] == ".")
    }
    return false
  }

  /// Starts with a number or Latin word, or with one after an opening mark (`（Gargoyles）`): a
  /// word that may not have fitted at the end of the line above, leaving that line short.
  var startsWithWord: Bool {
    guard let range = kept.first, !range.isEmpty else { return false }
    let first = scalars[range.lowerBound]
    if ScalarClass(first).isWordLike { return true }
    guard Punctuation.noLineEnd.contains(first), range.count > 1 else { return false }
    return ScalarClass(scalars[range.lowerBound + 1]).isWordLike
  }

  /// Text of the kept ranges, for messages.
  var text: String {
    var result = String.UnicodeScalarView()
    for range in kept { result.append(contentsOf: scalars[range]) }
    return String(result)
  }
}
