/// What reflow needs to know about one non-blank source line: its characters, which of its
/// spaces are real, its width on the page and how it ends.
///
/// Computed in one pass over the line decoded into a reused ``DecodedLine``, with counts kept in
/// the profile rather than per-line arrays of classes, tokens and ranges: reflow profiles every
/// line and keeps every row until the document is done.
///
/// A value without references: the characters stay in the line's text and the rare kept pieces
/// in a store the caller keeps (``pieceIndices``; see ``ProfiledLine`` for the two together), so
/// that the rules read and copy profiles, the rows' in one array, without counting references.
struct LineProfile {
  /// One run of kept text: scalar indices and UTF-8 offsets in the line.
  struct Piece {
    var scalars: Range<Int>
    var bytes: Range<Int>
  }

  /// Index in the document's `lines`. Scalar indices and UTF-8 offsets below point into the
  /// line's text (its ``SourceLine/textSlice``).
  let index: Int
  /// From the first to the last non-space character profiled: scalar indices and UTF-8 offsets.
  let span: Piece
  /// Where the kept pieces stand in the caller's piece store when there are several (empty when
  /// ``span`` is kept whole).
  let pieceIndices: Range<Int>
  /// Spaces removed inside the line (leading and trailing white space not counted).
  let removedSpaces: Int
  /// Every gap between characters is spaced: a justified (stretched) line.
  let isLetterSpaced: Bool
  /// Letter-spaced, or with two or more spaced gaps between CJK characters: the line was
  /// stretched to the full column width, so it is neither indented nor a paragraph's last line.
  let isJustified: Bool
  /// Characters from the first to the last non-space one, spaces included.
  let length: Int
  /// Display width of the kept text in half-width units.
  let width: Int
  let first: Unicode.Scalar
  let last: Unicode.Scalar
  /// `ScalarClass(first)` and `ScalarClass(last)`, from the class table (not the line's decoded
  /// classes, which demote ambiguous marks in a Latin line): the rules ask at nearly every edge.
  let firstClass: ScalarClass
  let lastClass: ScalarClass
  /// Ends a sentence: `。`, `！`, `？`, `…` (or `.` `!` `?` after a Latin word), possibly
  /// followed by closing quotes or brackets.
  let endsSentence: Bool
  /// Has `，。；：` or similar inside: running text rather than a title.
  let hasClausePunctuation: Bool
  /// Has round brackets (full or half width): rare in headings.
  let hasBrackets: Bool
  /// A single real space between two CJK runs, as in two-part newspaper headlines.
  let hasInternalSpace: Bool
  /// Scalar index where a byline (`文/宁杰`) starts at the end of the line, if any.
  var bylineStart: Int? { bylineIndex < 0 ? nil : bylineIndex }
  /// The whole line is a byline (``bylineStart`` is its first character).
  var isByline: Bool { bylineIndex == span.scalars.lowerBound }
  /// The one space kept between two ideographs, if any: real in titles and quoted slogans,
  /// justification in running text.
  var softSpace: Range<Int>? { softGap.scalars.lowerBound < 0 ? nil : softGap.scalars }
  /// UTF-8 offsets of ``softSpace``.
  var softSpaceBytes: Range<Int>? { softGap.scalars.lowerBound < 0 ? nil : softGap.bytes }
  /// `softSpace` stands inside quotation marks (`“联党心 通民生”`): kept in running text too.
  let softSpaceQuoted: Bool
  /// The soft space leaves a single ideograph on one side within the line (`1989年 到`,
  /// `查尔斯·克 拉克在`). The halves of a two-part headline are words or phrases, never one
  /// character, so such a space is glue from a stretched line, even in a title.
  let softSpaceIsolatesCharacter: Bool
  /// The soft space leaves a single ideograph between itself and a quotation mark (`神 龙》`,
  /// `《夜 行`): see ``isolatesCharacterAtQuote(_:gap:)``.
  let softSpaceIsolatedAtQuote: Bool
  /// Only full-width CJK characters, set solid (no Latin word, digit, glue or spacing, whose
  /// width on the page varies): the measured width is at least the width on the page.
  let isPureCJK: Bool
  /// Pure CJK without a mark that may be set half width (`，、；：` in kaiming style, two marks
  /// in a row squeezed): the measured width is the width on the page.
  let isExactWidth: Bool
  /// For a pure CJK line, a lower bound of its width on the page: the measured width less half a
  /// character for each punctuation mark, since any of them may be set half width (kaiming
  /// `，、；：`, one of two marks in a row, an opening mark at the line start, a mark at the line
  /// end). Nil for other lines.
  var minWidth: Int? { minimumWidth == Int.min ? nil : minimumWidth }
  /// No CJK character at all: East Asian ambiguous marks (`“ ’ •`) are Latin punctuation here.
  let isLatin: Bool
  /// Characters in the kept pieces (kept spaces included).
  let keptCount: Int
  /// The second character of the first word (run of non-space characters), if it has one.
  var secondScalar: Unicode.Scalar? { Unicode.Scalar(secondValue) }
  /// Characters of the number or Latin word (with `.` `,` `-`) that opens the line.
  let leadingWordLength: Int
  /// The line holds a Latin letter, whose width on the page we can only guess.
  let hasLatinLetter: Bool

  // Optionals without their padding (rows keep their profiles until the document is done):
  // -1, `Int.min` and a value beyond Unicode stand for nil.
  private let bylineIndex: Int
  private let softGap: Piece
  private let minimumWidth: Int
  private let secondValue: UInt32

  /// Profiles `text` (its facts only: see ``ProfiledLine`` for its pieces), or returns nil for a
  /// blank line.
  init?(index: Int, text: String, removeCJKLatinSpaces: Bool) {
    guard let line = ProfiledLine(index: index, text: text, removeCJKLatinSpaces: removeCJKLatinSpaces) else { return nil }
    self = line.profile
  }

  /// Profiles the scalars of `range` of a line already decoded into `line` (a range: to cut a
  /// byline off the end of a line), appending its kept pieces, when there are several, to
  /// `pieceStore`. The range must hold a character that is not white space.
  /// - Parameters:
  ///   - recordsByline: false for the body of a line whose byline was cut off: no byline start.
  ///   - verbatim: layout `lines`: kept whole from the first to the last non-space character,
  ///     no byline (the other properties as profiled).
  ///
  /// (`decoded` is borrowed: an initializer takes its arguments owned, which cost a retain and a
  /// release of the one buffer per row. Not failable: an optional profile was copied out of the
  /// initializer, then again into its row.)
  init(index: Int, decoded line: borrowing DecodedLine, range: Range<Int>, removeCJKLatinSpaces: Bool,
    recordsByline: Bool = true, verbatim: Bool = false, pieceStore: inout [Piece])
  {
    let scalars = line.scalars
    let classes = line.classes
    let widths = line.widths
    let entries = line.entries
    let offsets = line.offsets
    var lower = range.lowerBound
    while lower < range.upperBound, classes[lower] == .space { lower += 1 }
    precondition(lower < range.upperBound, "a blank range has no profile")
    var upper = range.upperBound - 1
    while classes[upper] == .space { upper -= 1 }

    // One pass over the tokens (maximal runs of non-space scalars) and the gaps between them.
    // Justified lines: pdftotext spaces every gap, so tokens are single CJK characters or
    // whole numbers and Latin words.
    var tokenCount = 0
    var singleCJK = 0
    var atomic = 0
    var hasWord = false
    var solidIdeographs = false
    // Gaps between two CJK characters: two or more in one line are justification even when
    // pdftotext spaced only some gaps (squeezed punctuation makes the gaps uneven); a single one
    // between ideographs may be real (`“联党心 通民生”`, `创新发展 用好党建`).
    var cjkGaps = 0
    // (Written into the line's buffer, room for a gap a scalar: an array lent by the line and
    // taken back cost some 40 instructions a line.)
    let gaps = line.gaps
    var gapCount = 0
    // Counts over the non-space scalars (all of them are kept).
    var nonSpace = 0
    var width = 0
    var allWideCJK = true
    var narrowIdeographs = 0  // set one unit wide: rare (counted in the width at the end)
    var exact = true
    var previousMark = false
    var halfMarks = 0
    var brackets = false
    var clause = false
    var anyCJK = false
    var latinLetter = false
    var lastTerminal: Int? = nil
    var firstTokenEnd = lower
    var leadingWord = 0
    var position = lower
    var previousTokenEnd = -1
    while position <= upper {
      let tokenStart = position
      var cjkCount = 0
      var wordLike = true
      while position <= upper {
        let cls = classes[position]
        if cls == .space { break }
        if cls == .ideograph {
          // A run of ideographs (most of a CJK line) in a loop of its own: all that changes
          // along it is the width and the count, read from the entries (an ideograph's is its
          // wide flag alone: class zero, in no punctuation set), not from the class and width
          // views. (Wrapping arithmetic: both stay below twice the line's length; their overflow
          // checks were a sixth of the loop.)
          let runStart = position
          repeat {
            if entries[position] != ScalarTable.wideIdeograph { narrowIdeographs &+= 1 }
            position &+= 1
            while position <= upper && entries[position] == ScalarTable.wideIdeograph { position &+= 1 }
          } while position <= upper && entries[position] & ScalarTable.classMask == ScalarClass.ideograph.rawValue
          width &+= 2 &* (position &- runStart)
          cjkCount &+= position &- runStart
          wordLike = false
          if position - runStart > 1 { solidIdeographs = true }
          previousMark = false
          continue
        }
        let w = Int(widths[position])
        width += w
        if w != 2 || !cls.isCJK { allWideCJK = false }
        if cls.isCJK { cjkCount += 1 }
        if !cls.isWordLike { wordLike = false }
        // (No ideograph is in any of these sets. The sets are flags of the class table, which
        // the decoded line keeps with each scalar's class: no lookup.)
        let scalar = scalars[position]
        let flags = entries[position] & ScalarTable.punctuationFlagsMask
        let mark = cls == .cjkPunctuation
        if mark && (previousMark || flags & ScalarTable.continuingFlag != 0) { exact = false }
        if mark { halfMarks += 1 }
        previousMark = mark
        if scalar == "（" || scalar == "）" || scalar == "(" || scalar == ")" { brackets = true }
        if position < upper, flags & ScalarTable.clauseFlag != 0 { clause = true }
        if cls == .latinLetter { latinLetter = true }
        if flags & ScalarTable.terminalFlag != 0 { lastTerminal = position }
        position += 1
      }
      let count = position - tokenStart
      nonSpace += count
      if cjkCount > 0 { anyCJK = true }
      if cjkCount == 1 && count == 1 { singleCJK += 1; atomic += 1 } else if cjkCount == 0 { atomic += 1 }
      if count >= 2 && wordLike { hasWord = true }
      if tokenCount == 0 {
        firstTokenEnd = position
        while tokenStart + leadingWord < position {
          let scalar = scalars[tokenStart + leadingWord]
          guard classes[tokenStart + leadingWord].isWordLike || scalar == "." || scalar == "," || scalar == "-" else { break }
          leadingWord += 1
        }
      } else {
        (gaps + gapCount).initialize(to: previousTokenEnd..<tokenStart)
        gapCount += 1
        if classes[previousTokenEnd - 1].isCJK && classes[tokenStart].isCJK { cjkGaps += 1 }
      }
      tokenCount += 1
      previousTokenEnd = position
      while position <= upper, classes[position] == .space { position += 1 }
    }
    width -= narrowIdeographs
    if narrowIdeographs > 0 { allWideCJK = false }
    // With a number or Latin word in the line, pdftotext's space threshold drops to 0.03 em:
    // a stretched line then shows every gap spaced, so two ideographs set solid (`观景台于 2011
    // 年 4 月 17 日`) say the line was not stretched, however many single characters the glue
    // around the numbers isolates.
    let letterSpaced = tokenCount >= 4 && singleCJK >= 2 && atomic * 100 >= tokenCount * 85 && !(hasWord && solidIdeographs)

    // A byline keeps its spaces: they separate role and names (`文/图 夏华娜 胡伟刚`).
    let all = line.scalarBuffer()
    let bylineStart = Byline.start(in: all, lower: lower, upper: upper, lastTerminal: lastTerminal)
    let isByline = bylineStart == lower
    let firstPiece = pieceStore.count
    var pieceCount = 1
    var removed = 0
    var soft: Range<Int>? = nil
    var glue = 0
    var keptGaps = 0
    var pieceStart = lower
    for gap in UnsafeBufferPointer(start: gaps, count: gapCount) {
      let a = classes[gap.lowerBound - 1]
      let b = classes[gap.upperBound]
      let keep: Bool
      if isByline {
        keep = true
      } else if letterSpaced {
        keep = !a.isCJK && !b.isCJK
      } else if a.isCJK && b.isCJK {
        keep = cjkGaps == 1 && a == .ideograph && b == .ideograph
        if keep { soft = gap }
      } else if a.isCJK || b.isCJK {
        keep = !removeCJKLatinSpaces
        if !keep { glue += 1 }
      } else {
        keep = true
      }
      if keep {
        keptGaps += 1
        width += Int(widths[gap.lowerBound])
        // Keep one space of the gap; a run of several collapses to its first.
        if gap.count > 1 {
          pieceStore.append(Piece(scalars: pieceStart..<(gap.lowerBound + 1), bytes: offsets[pieceStart]..<offsets[gap.lowerBound + 1]))
          pieceStart = gap.upperBound
          removed += gap.count - 1
          pieceCount += 1
        }
      } else {
        pieceStore.append(Piece(scalars: pieceStart..<gap.lowerBound, bytes: offsets[pieceStart]..<offsets[gap.lowerBound]))
        pieceStart = gap.upperBound
        removed += gap.count
        pieceCount += 1
      }
    }
    if pieceCount > 1 {
      pieceStore.append(Piece(scalars: pieceStart..<(upper + 1), bytes: offsets[pieceStart]..<offsets[upper + 1]))
    }

    // xeCJK and InDesign set about a quarter em of glue on each side of digits and Latin words
    // inside CJK text (half a half-width unit), which pdftotext prints as a space: count it, or
    // lines with numbers look shorter than they are.
    width += letterSpaced ? 0 : (glue + 1) / 2
    // Widths that can be trusted: full-width CJK only (no Latin, digits or glue, whose width on
    // the page varies), and for an exact width no mark that may be set half width (kaiming
    // `，、；：`, two marks in a row squeezed). A kept space is no CJK character.
    let pure = allWideCJK && keptGaps == 0 && pieceCount == 1
    let internalSpace = !letterSpaced && pieceCount == 1 && tokenCount == 2
      && classes[gaps[0].lowerBound - 1].isCJK && classes[gaps[0].upperBound].isCJK

    self.index = index
    self.span = Piece(scalars: lower..<(upper + 1), bytes: offsets[lower]..<offsets[upper + 1])
    if verbatim { pieceStore.removeSubrange(firstPiece...) }
    self.pieceIndices = firstPiece..<pieceStore.count
    self.removedSpaces = removed
    self.isLetterSpaced = letterSpaced
    self.length = upper - lower + 1
    self.isJustified = letterSpaced || cjkGaps >= 2
    self.width = width
    self.first = scalars[lower]
    self.last = scalars[upper]
    // (The decoded class is the table's but for ambiguous marks demoted to `other` in a Latin
    // line: only an `other` is looked up again.)
    self.firstClass = classes[lower] == .other ? ScalarClass(scalars[lower]) : classes[lower]
    self.lastClass = classes[upper] == .other ? ScalarClass(scalars[upper]) : classes[upper]
    // (No closing or terminal mark is an ideograph: a line that ends with one, as most lines of
    // a column do, ends no sentence.)
    self.endsSentence = classes[upper] != .ideograph && Self.endsSentence(all[lower...upper])
    self.hasBrackets = brackets
    self.hasClausePunctuation = clause
    self.hasInternalSpace = internalSpace
    self.bylineIndex = verbatim || !recordsByline ? -1 : bylineStart ?? -1
    self.softGap = soft.map { Piece(scalars: $0, bytes: offsets[$0.lowerBound]..<offsets[$0.upperBound]) } ?? Piece(scalars: -1..<(-1), bytes: -1..<(-1))
    self.softSpaceQuoted = soft.map { Self.isQuoted(all, lower: lower, upper: upper, gap: $0) } ?? false
    self.softSpaceIsolatesCharacter = soft.map { Self.isolatesCharacter(line, gap: $0) } ?? false
    self.softSpaceIsolatedAtQuote = soft.map { Self.isolatesCharacterAtQuote(line, gap: $0) } ?? false
    self.isPureCJK = pure
    self.isExactWidth = pure && exact
    self.minimumWidth = pure ? width - halfMarks : Int.min
    self.isLatin = !anyCJK
    self.keptCount = nonSpace + keptGaps
    self.secondValue = firstTokenEnd - lower >= 2 ? scalars[lower + 1].value : 0x110000
    self.leadingWordLength = leadingWord
    self.hasLatinLetter = latinLetter
  }

  /// The kept pieces, in order; several are read from `store`, the piece store of ``pieceIndices``.
  func forEachPiece(in store: [Piece], _ body: (Piece) -> Void) {
    if pieceIndices.isEmpty { body(span) } else { for index in pieceIndices { body(store[index]) } }
  }

  /// The kept pieces without the soft space: for a line joined into running text, where a
  /// lone space between ideographs outside quotes is justification.
  func forEachPieceWithoutSoftSpace(in store: [Piece], _ body: (Piece) -> Void) {
    guard let gap = softSpace, let gapBytes = softSpaceBytes else { return forEachPiece(in: store, body) }
    forEachPiece(in: store) { piece in
      if piece.scalars.contains(gap.lowerBound) {
        if piece.scalars.lowerBound < gap.lowerBound {
          body(Piece(scalars: piece.scalars.lowerBound..<gap.lowerBound, bytes: piece.bytes.lowerBound..<gapBytes.lowerBound))
        }
        if piece.scalars.upperBound > gap.upperBound {
          body(Piece(scalars: gap.upperBound..<piece.scalars.upperBound, bytes: gapBytes.upperBound..<piece.bytes.upperBound))
        }
      } else {
        body(piece)
      }
    }
  }

  /// The gap lies inside quotation marks on this line: an opening mark before it that is not
  /// closed before it, or a closing mark after it that was not opened after it.
  static func isQuoted(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, lower: Int, upper: Int, gap: Range<Int>) -> Bool {
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

  static func endsSentence<Scalars: RandomAccessCollection>(_ scalars: Scalars) -> Bool
  where Scalars.Element == Unicode.Scalar, Scalars.Index == Int {
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
  @inline(__always)
  var startsWithWord: Bool {
    if firstClass.isWordLike { return true }
    // (A space after a one-character first word is no word either.)
    guard firstIsNoLineEnd, let second = secondScalar else { return false }
    return ScalarClass(second).isWordLike
  }

  // MARK: - Marks at the ends

  // (No mark of these sets is an ideograph (`ScalarTableTests`), and most lines start and end
  // with one: the sets, lazily initialized globals that the rules asked at every edge, are
  // asked only about the other characters.)

  /// `first` never starts a line in typesetting (``Punctuation/noLineStart``).
  @inline(__always)
  var firstIsNoLineStart: Bool { firstClass != .ideograph && Punctuation.noLineStart.contains(first) }
  /// `first` never ends a line in typesetting (``Punctuation/noLineEnd``): an opening mark.
  @inline(__always)
  var firstIsNoLineEnd: Bool { firstClass != .ideograph && Punctuation.noLineEnd.contains(first) }
  /// `last` never ends a line in typesetting (``Punctuation/noLineEnd``): an opening mark.
  @inline(__always)
  var lastIsNoLineEnd: Bool { lastClass != .ideograph && Punctuation.noLineEnd.contains(last) }
  /// The line ends with a mark after which it goes on (``Punctuation/continuing``).
  @inline(__always)
  var lastIsContinuing: Bool { lastClass != .ideograph && Punctuation.continuing.contains(last) }
}
