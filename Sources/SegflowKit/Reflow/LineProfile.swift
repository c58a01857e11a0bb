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

  // The facts are kept in 32-bit fields and bits behind the `Int` and `Bool` accessors the rules
  // read (a profile of 88 bytes, from 190): reflow keeps a row per line until the document is
  // done, and rows larger than the lines' own text were a stream of cache misses to write and
  // read. (Counts and offsets within a line or a document: a line of 2^31 characters, or a
  // document of 2^31 lines, traps.)

  /// Index in the document's `lines`. Scalar indices and UTF-8 offsets below point into the
  /// line's text (its ``SourceLine/textSlice``).
  var index: Int { Int(storedIndex) }
  /// From the first to the last non-space character profiled: scalar indices and UTF-8 offsets.
  var span: Piece { storedSpan.piece }
  /// Where the kept pieces stand in the caller's piece store when there are several (empty when
  /// ``span`` is kept whole).
  var pieceIndices: Range<Int> { Range(uncheckedBounds: (Int(piecesLower), Int(piecesUpper))) }
  /// Spaces removed inside the line (leading and trailing white space not counted).
  var removedSpaces: Int { Int(storedRemovedSpaces) }
  /// Every gap between characters is spaced: a justified (stretched) line.
  var isLetterSpaced: Bool { traits.contains(.letterSpaced) }
  /// Letter-spaced, or with two or more spaced gaps between CJK characters: the line was
  /// stretched to the full column width, so it is neither indented nor a paragraph's last line.
  var isJustified: Bool { traits.contains(.justified) }
  /// Characters from the first to the last non-space one, spaces included.
  var length: Int { Int(storedLength) }
  /// Display width of the kept text in half-width units.
  var width: Int { Int(storedWidth) }
  /// Ends a sentence: `。`, `！`, `？`, `…` (or `.` `!` `?` after a Latin word), possibly
  /// followed by closing quotes or brackets.
  var endsSentence: Bool { traits.contains(.endsSentence) }
  /// Has `，。；：` or similar inside: running text rather than a title.
  var hasClausePunctuation: Bool { traits.contains(.clausePunctuation) }
  /// Has round brackets (full or half width): rare in headings.
  var hasBrackets: Bool { traits.contains(.brackets) }
  /// A single real space between two CJK runs, as in two-part newspaper headlines.
  var hasInternalSpace: Bool { traits.contains(.internalSpace) }
  /// Scalar index where a byline (`文/宁杰`) starts at the end of the line, if any.
  var bylineStart: Int? { bylineIndex < 0 ? nil : Int(bylineIndex) }
  /// The whole line is a byline (``bylineStart`` is its first character).
  var isByline: Bool { bylineIndex == storedSpan.scalarLower }
  /// The one space kept between two ideographs, if any: real in titles and quoted slogans,
  /// justification in running text.
  var softSpace: Range<Int>? { softGap.scalarLower < 0 ? nil : softGap.piece.scalars }
  /// UTF-8 offsets of ``softSpace``.
  var softSpaceBytes: Range<Int>? { softGap.scalarLower < 0 ? nil : softGap.piece.bytes }
  /// `softSpace` stands inside quotation marks (`“联党心 通民生”`): kept in running text too.
  var softSpaceQuoted: Bool { traits.contains(.softSpaceQuoted) }
  /// The soft space leaves a single ideograph on one side within the line (`1989年 到`,
  /// `查尔斯·克 拉克在`). The halves of a two-part headline are words or phrases, never one
  /// character, so such a space is glue from a stretched line, even in a title.
  var softSpaceIsolatesCharacter: Bool { traits.contains(.softSpaceIsolatesCharacter) }
  /// The soft space leaves a single ideograph between itself and a quotation mark (`神 龙》`,
  /// `《夜 行`): see ``isolatesCharacterAtQuote(_:gap:)``.
  var softSpaceIsolatedAtQuote: Bool { traits.contains(.softSpaceIsolatedAtQuote) }
  /// Only full-width CJK characters, set solid (no Latin word, digit, glue or spacing, whose
  /// width on the page varies): the measured width is at least the width on the page.
  var isPureCJK: Bool { traits.contains(.pureCJK) }
  /// Pure CJK without a mark that may be set half width (`，、；：` in kaiming style, two marks
  /// in a row squeezed): the measured width is the width on the page.
  var isExactWidth: Bool { traits.contains(.exactWidth) }
  /// For a pure CJK line, a lower bound of its width on the page: the measured width less half a
  /// character for each punctuation mark, since any of them may be set half width (kaiming
  /// `，、；：`, one of two marks in a row, an opening mark at the line start, a mark at the line
  /// end). Nil for other lines.
  var minWidth: Int? { minimumWidth == Int32.min ? nil : Int(minimumWidth) }
  /// No CJK character at all: East Asian ambiguous marks (`“ ’ •`) are Latin punctuation here.
  var isLatin: Bool { traits.contains(.latin) }
  /// Characters in the kept pieces (kept spaces included).
  var keptCount: Int { Int(storedKeptCount) }
  /// The second character of the first word (run of non-space characters), if it has one.
  var secondScalar: Unicode.Scalar? { Unicode.Scalar(secondValue) }
  /// Characters of the number or Latin word (with `.` `,` `-`) that opens the line.
  var leadingWordLength: Int { Int(storedLeadingWordLength) }
  /// The line holds a Latin letter, whose width on the page we can only guess.
  var hasLatinLetter: Bool { traits.contains(.latinLetter) }

  // Stored, widest first (no padding). Optionals without their padding: -1, `Int32.min` and a
  // value beyond Unicode stand for nil.
  private let storedIndex: Int32
  private let storedSpan: PackedPiece
  private let softGap: PackedPiece
  private let piecesLower: Int32
  private let piecesUpper: Int32
  private let storedRemovedSpaces: Int32
  private let storedLength: Int32
  private let storedWidth: Int32
  private let minimumWidth: Int32
  private let storedKeptCount: Int32
  private let storedLeadingWordLength: Int32
  private let bylineIndex: Int32
  private let secondValue: UInt32
  /// The first and the last character profiled.
  let first: Unicode.Scalar
  let last: Unicode.Scalar
  private let traits: Traits
  /// `ScalarClass(first)` and `ScalarClass(last)`, from the class table (not the line's decoded
  /// classes, which demote ambiguous marks in a Latin line): the rules ask at nearly every edge.
  let firstClass: ScalarClass
  let lastClass: ScalarClass

  /// The longest line profiled, in UTF-8 bytes: a quarter of the 32-bit range, since a width
  /// may be three times a line's length.
  static let longestLine = Int(Int32.max) / 4

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
    // (Every count, index, width and offset the profile keeps is at most three times the line's
    // UTF-8 length, and the line adds at most that many pieces to the store: checked once here,
    // the 32-bit fields take them unchecked.)
    precondition(
      offsets[line.count] <= Self.longestLine && index <= Int32.max && pieceStore.count < Int(Int32.max) - Self.longestLine,
      "a line of 2^29 bytes or more, or a document of 2^31 lines")
    var upper = range.upperBound - 1
    while classes[upper] == .space { upper -= 1 }

    // One pass over the tokens (maximal runs of non-space scalars) and the gaps between them.
    // Justified lines: pdftotext spaces every gap, so tokens are single CJK characters or
    // whole numbers and Latin words.
    var tokenCount = 0
    var singleCJK = 0
    var atomic = 0
    var hasWord = false
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
    var counts = ScalarCounts()
    var anyCJK = false
    var firstTokenEnd = lower
    var leadingWord = 0
    var position = lower
    var previousTokenEnd = -1
    while position <= upper {
      let tokenStart = position
      let (end, cjkCount, wordLike) = counts.scanToken(scalars, entries, from: position, upper: upper)
      position = end
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
    var width = counts.width - counts.narrowIdeographs
    let allWideCJK = counts.allWideCJK && counts.narrowIdeographs == 0
    // With a number or Latin word in the line, pdftotext's space threshold drops to 0.03 em:
    // a stretched line then shows every gap spaced, so two ideographs set solid (`观景台于 2011
    // 年 4 月 17 日`) say the line was not stretched, however many single characters the glue
    // around the numbers isolates.
    let letterSpaced = tokenCount >= 4 && singleCJK >= 2 && atomic * 100 >= tokenCount * 85 && !(hasWord && counts.solidIdeographs)

    // A byline keeps its spaces: they separate role and names (`文/图 夏华娜 胡伟刚`).
    let all = line.scalarBuffer()
    let bylineStart = Byline.start(in: all, lower: lower, upper: upper, lastTerminal: counts.lastTerminal)
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

    if verbatim { pieceStore.removeSubrange(firstPiece...) }
    var traits: Traits = []
    if letterSpaced { traits.insert(.letterSpaced) }
    if letterSpaced || cjkGaps >= 2 { traits.insert(.justified) }
    // (No closing or terminal mark is an ideograph: a line that ends with one, as most lines of
    // a column do, ends no sentence.)
    if classes[upper] != .ideograph && Self.endsSentence(all[lower...upper]) { traits.insert(.endsSentence) }
    if counts.clause { traits.insert(.clausePunctuation) }
    if counts.brackets { traits.insert(.brackets) }
    if internalSpace { traits.insert(.internalSpace) }
    if let soft {
      if Self.isQuoted(all, lower: lower, upper: upper, gap: soft) { traits.insert(.softSpaceQuoted) }
      if Self.isolatesCharacter(line, gap: soft) { traits.insert(.softSpaceIsolatesCharacter) }
      if Self.isolatesCharacterAtQuote(line, gap: soft) { traits.insert(.softSpaceIsolatedAtQuote) }
    }
    if pure { traits.insert(.pureCJK) }
    if pure && counts.exact { traits.insert(.exactWidth) }
    if !anyCJK { traits.insert(.latin) }
    if counts.latinLetter { traits.insert(.latinLetter) }

    self.storedIndex = Int32(truncatingIfNeeded: index)
    self.storedSpan = PackedPiece(scalars: lower..<(upper + 1), bytes: offsets[lower]..<offsets[upper + 1])
    self.piecesLower = Int32(truncatingIfNeeded: firstPiece)
    self.piecesUpper = Int32(truncatingIfNeeded: pieceStore.count)
    self.storedRemovedSpaces = Int32(truncatingIfNeeded: removed)
    self.storedLength = Int32(truncatingIfNeeded: upper - lower + 1)
    self.storedWidth = Int32(truncatingIfNeeded: width)
    self.first = scalars[lower]
    self.last = scalars[upper]
    // (The decoded class is the table's but for ambiguous marks demoted to `other` in a Latin
    // line: only an `other` is looked up again.)
    self.firstClass = classes[lower] == .other ? ScalarClass(scalars[lower]) : classes[lower]
    self.lastClass = classes[upper] == .other ? ScalarClass(scalars[upper]) : classes[upper]
    self.bylineIndex = verbatim || !recordsByline ? -1 : Int32(truncatingIfNeeded: bylineStart ?? -1)
    self.softGap = soft.map { PackedPiece(scalars: $0, bytes: offsets[$0.lowerBound]..<offsets[$0.upperBound]) } ?? .none
    self.minimumWidth = pure ? Int32(truncatingIfNeeded: width - counts.halfMarks) : Int32.min
    self.storedKeptCount = Int32(truncatingIfNeeded: nonSpace + keptGaps)
    self.secondValue = firstTokenEnd - lower >= 2 ? scalars[lower + 1].value : 0x110000
    self.storedLeadingWordLength = Int32(truncatingIfNeeded: leadingWord)
    self.traits = traits
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
