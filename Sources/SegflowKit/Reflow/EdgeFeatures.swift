/// The numbers the edge model reads about one edge between two rows: the shape of the rows
/// around it, the widths the rules estimate there, and what the rules decided.
///
/// One function (``Reflower/edgeFeatures(builder:rows:at:rule:previousKind:fixedWrap:)``) computes them,
/// for the training dump (`segflow eval reflow --features FILE`) and for inference alike, so the
/// model is used on exactly the numbers it was trained on. ``names`` fixes their order; the model
/// file lists the names it was trained with, and loading checks that they are these.
///
/// No feature looks at which characters a line holds beyond their classes (widths, marks, digits,
/// letters): the typeset corpora reuse the same UD sentences, so character identities would let a
/// model learn the sentences instead of the page shapes. And none looks further than eight rows
/// from the edge, the context ``ChunkedProcessor`` repairs a chunk with.
struct EdgeFeatures: Sendable {
  var values: [Double]

  /// Fills a buffer of ``names``'s size, in order.
  struct Writer {
    var values = [Double](repeating: 0, count: EdgeFeatures.count)
    var count = 0

    @inline(__always) mutating func add(_ value: Int) {
      values[count] = Double(value)
      count += 1
    }

    @inline(__always) mutating func add(_ flag: Bool) {
      values[count] = flag ? 1 : 0
      count += 1
    }

    @inline(__always) mutating func add(_ value: Double) {
      values[count] = value
      count += 1
    }

    /// Leaves `n` features at 0 (a row beyond the document's ends).
    mutating func skip(_ n: Int) { count += n }
  }

  static let count = names.count

  /// The position of each rule in ``rules``.
  static let ruleIndex: [String: Int] = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element, $0.offset) })

  /// For each first byte of a name in ``rules``, the lengths in bytes of the names that start
  /// with it, a bit each (all are ASCII and shorter than 64 bytes: `ReflowEdgeModelTests`).
  static let ruleShapes: [UInt64] = {
    var shapes = [UInt64](repeating: 0, count: 128)
    for rule in rules {
      guard let first = rule.utf8.first else { continue }
      shapes[Int(first)] |= 1 << rule.utf8.count
    }
    return shapes
  }()

  /// `name` is one of ``rules``. A name whose first byte and length no rule has is settled
  /// without hashing it: the edge rules the model is not asked about, `kinsoku-*`,
  /// `continuing-punctuation` and `justified-line`, were most of the lookups (some 420
  /// instructions each).
  static func isRule(_ name: String) -> Bool {
    let utf8 = name.utf8
    guard let first = utf8.first, first < 128, utf8.count < 64, ruleShapes[Int(first)] & (1 << utf8.count) != 0 else { return false }
    return ruleIndex[name] != nil
  }

  /// The rules that can decide an edge the model is asked about, in the order of their one-hot
  /// features: those of ``Reflower/edge(builder:rows:at:fixedWrap:details:)`` at sentence ends and short
  /// lines, and those that make a row a heading.
  static let rules = [
    "short-unterminated-line", "squeezed-fragment", "short-end-before-opening-mark",
    "short-end-before-cut-number", "column-change", "terminal-exact-short", "terminal-exact-indent",
    "terminal-short-next-line", "terminal-short-line", "terminal-indent", "terminal-blank-line", "terminal-full-line",
  ] + headingRules

  /// The rules that make a row a heading on its own, which the model is asked to confirm.
  static let headingRules = [
    "standalone-title", "document-headline", "title-above-wider-text", "title-above-narrower-column",
    "short-title-above-text", "title-above-first-line", "title-above-indent",
  ]

  /// Per-row features, for the rows before the edge (`p`, `a`) and after it (`b`, `c`).
  static let rowNames = [
    "present", "width", "length", "pureCJK", "exactWidth", "minWidth", "halfMarks", "endsSentence", "letterSpaced",
    "justified", "internalSpace", "softSpaceQuoted", "clausePunctuation", "brackets", "startsWithWord", "latin",
    "latinLetter", "titleLike", "byline", "blanksBefore", "startsPage", "leadingWord", "oneCharacterClause",
    "firstNoLineStart", "firstNoLineEnd", "firstWordLike", "firstIdeograph", "firstMark",
    "lastContinuing", "lastClosing", "lastTerminal", "lastWordLike", "lastIdeograph", "lastMark",
    "removedSpaces", "narrowness",
  ]

  static let names: [String] = {
    var names: [String] = []
    for row in ["p", "a", "b", "c"] { names += rowNames.map { "\(row).\($0)" } }
    names += [
      "rowsInBlock", "firstRow", "afterHeading", "blank", "endsSentence", "fixedWrap", "fixedWrapExcess",
      "reference", "visual", "nextVisual", "nextFragments", "widthAfter", "widthAfterNext", "secondWidest",
      "secondWidestNext", "visualWidthAfter", "secondWidestVisual", "exact", "columnBelow", "columnAbove", "context",
      "twoEmNearby", "indent2Rows", "indent1Rows", "justifiedRows", "pureRows", "nextStartsBlock",
      "nextIndentedFirstLine", "nextFirstLineWide", "shortUnterminated", "cutAtPunctuation", "cutAtPunctuationNext",
      "referenceMinusVisual", "referenceMinusNext", "referenceMinusNextVisual", "sumMinusReference",
      "exactMinusVisual", "exactMinusNext", "nextMinusThis", "afterMinusNext",
    ]
    // The widths of the rows around the edge against the column estimate, and which are pure CJK
    // (measured at least as wide as set).
    names += (-3...4).map { "width\($0 < 0 ? "" : "+")\($0)" }
    names += (-3...4).map { "pure\($0 < 0 ? "" : "+")\($0)" }
    names += ["ruleSplit", "ruleConfidence"]
    names += rules.map { "rule=\($0)" }
    return names
  }()
}

extension Reflower {
  /// The features of the edge between row `index` (the last row of `builder`) and the next row,
  /// given the rules' decision there. Looks at no row more than eight from the edge.
  func edgeFeatures(builder: BlockBuilder, rows: Rows, at index: Int, rule: Decision, previousKind: BlockKind?, fixedWrap: Int?) -> EdgeFeatures {
    // (Written into a buffer of the final size: appending to an array, through a closure, was a
    // third of the cost of an edge.)
    var out = EdgeFeatures.Writer()
    for offset in -1...2 {
      if rows.indices.contains(index + offset) { addRow(rows[index + offset], to: &out) } else { out.skip(EdgeFeatures.rowNames.count) }
    }

    let a = rows[index].profile
    let b = rows[index + 1].profile
    let reference = referenceWidth(builder: builder, rows: rows, at: index)
    let visual = visualWidth(rows, endingAt: index, column: reference)
    let next = visualWidth(rows, index + 1, column: reference)
    let after = widthAfter(rows, index)
    let exact = exactWidth(rows, around: index, limit: reference + 3)
    let indents = indentRows(rows, around: index, column: exact ?? reference)
    out.add(min(builder.rowCount, 10))
    out.add(builder.rowCount == 1)
    out.add(previousKind == .heading)
    out.add(rows[index + 1].blanksBefore > 0 || rows[index + 1].startsPage)
    out.add(endsSentence(rows, index))
    out.add(fixedWrap != nil)
    out.add(fixedWrap.map { a.length - $0 } ?? -99)
    out.add(reference)
    out.add(visual)
    out.add(next.width)
    out.add(next.end - index - 1)
    out.add(after)
    out.add(widthAfter(rows, index + 1))
    out.add(secondWidest(rows, after: index))
    out.add(secondWidest(rows, after: index + 1))
    out.add(visualWidthAfter(rows, index, column: after + 2))
    out.add(secondWidestVisual(rows, after: index, column: after))
    out.add(exact ?? -1)
    out.add(columnBelow(rows, index) ?? -1)
    out.add(columnAbove(rows, index, limit: reference + 3) ?? -1)
    out.add(contextWidth(rows, around: index))
    out.add(twoEmIndentNearby(rows, around: index, column: exact ?? reference))
    out.add(indents.twoEm)
    out.add(indents.oneEm)
    out.add(indents.justified)
    out.add(indents.pure)
    out.add(nextStartsBlock(rows, index + 1, width: reference))
    out.add(isIndentedFirstLine(rows, index + 1))
    out.add(isFirstLineWide(rows, index + 1))
    out.add(shortUnterminatedLine(rows, at: index, rowsInBlock: builder.rowCount) != nil)
    out.add(Self.cutAtPunctuation(a, b))
    out.add(index + 2 < rows.count && Self.cutAtPunctuation(b, rows[index + 2].profile))
    out.add(reference - visual)
    out.add(reference - b.width)
    out.add(reference - next.width)
    out.add(visual + next.width - reference)
    out.add(exact.map { $0 - visual } ?? -99)
    out.add(exact.map { $0 - b.width } ?? -99)
    out.add(b.width - a.width)
    out.add(widthAfter(rows, index + 1) - b.width)
    for offset in -3...4 { out.add(rows.indices.contains(index + offset) ? rows[index + offset].profile.width - reference : -99) }
    for offset in -3...4 { out.add(rows.indices.contains(index + offset) && rows[index + offset].profile.isPureCJK) }

    out.add(rule.action == .split)
    out.add(rule.confidence)
    let oneHot = out.count
    out.skip(EdgeFeatures.rules.count)
    if let position = EdgeFeatures.ruleIndex[rule.rule] { out.values[oneHot + position] = 1 }
    assert(out.count == EdgeFeatures.names.count, "edge features and their names differ in number")
    return EdgeFeatures(values: out.values)
  }

  /// The features of one row (``EdgeFeatures/rowNames``).
  func addRow(_ row: Row, to out: inout EdgeFeatures.Writer) {
    let profile = row.profile
    let first = profile.firstClass, last = profile.lastClass
    out.add(true)
    out.add(profile.width)
    out.add(profile.length)
    out.add(profile.isPureCJK)
    out.add(profile.isExactWidth)
    out.add(profile.minWidth ?? -1)
    out.add(profile.minWidth.map { profile.width - $0 } ?? -1)
    out.add(profile.endsSentence)
    out.add(profile.isLetterSpaced)
    out.add(profile.isJustified)
    out.add(profile.hasInternalSpace)
    out.add(profile.softSpaceQuoted)
    out.add(profile.hasClausePunctuation)
    out.add(profile.hasBrackets)
    out.add(profile.startsWithWord)
    out.add(profile.isLatin)
    out.add(Self.hasLatinLetter(profile))
    out.add(isTitleLike(profile))
    out.add(row.isByline)
    out.add(min(row.blanksBefore, 3))
    out.add(row.startsPage)
    out.add(Self.leadingWordWidth(profile))
    out.add(Self.opensWithOneCharacterClause(profile))
    out.add(Punctuation.noLineStart.contains(profile.first))
    out.add(Punctuation.noLineEnd.contains(profile.first))
    out.add(first.isWordLike)
    out.add(first == .ideograph)
    out.add(first == .cjkPunctuation)
    out.add(Punctuation.continuing.contains(profile.last))
    out.add(Punctuation.closing.contains(profile.last))
    out.add(Punctuation.terminal.contains(profile.last))
    out.add(last.isWordLike)
    out.add(last == .ideograph)
    out.add(last == .cjkPunctuation)
    out.add(profile.removedSpaces)
    // Half-width units short of two a character: Latin letters, digits and half-width marks,
    // whose widths on the page we only guess.
    out.add(2 * profile.length - profile.width)
  }

  /// Rows within six of row `index` (as ``twoEmIndentNearby(_:around:column:)`` looks) that show
  /// the page's indent and spacing: pure CJK rows after a sentence end 2 em or 1 em short of
  /// `column`, and justified and pure CJK rows.
  func indentRows(_ rows: Rows, around index: Int, column: Int) -> (twoEm: Int, oneEm: Int, justified: Int, pure: Int) {
    var twoEm = 0, oneEm = 0, justified = 0, pure = 0
    let lower = max(1, index - 6), upper = min(rows.count - 1, index + 6)
    guard lower <= upper else { return (0, 0, 0, 0) }
    for other in lower...upper where other != index + 1 {
      let row = rows[other]
      if row.profile.isJustified { justified += 1 }
      guard row.profile.isPureCJK else { continue }
      pure += 1
      guard !row.startsPage, !row.isByline, !rows[other - 1].isByline, endsSentence(rows, other - 1) else { continue }
      if row.profile.width == column - 4 { twoEm += 1 }
      if row.profile.width == column - 2 { oneEm += 1 }
    }
    return (twoEm, oneEm, justified, pure)
  }
}
