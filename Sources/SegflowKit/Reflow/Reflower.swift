/// Rebuilds paragraphs, headings, headers and bylines from text whose lines were broken by
/// column layout and PDF extraction.
///
/// Expects: source lines. Produces: blocks whose pieces map every character back to its line.
/// Keeps every non-space character, in order; only line breaks and spaces that typesetting
/// added are removed. Each join, split, removed space and block kind is recorded as a
/// ``Decision`` with its rule and confidence.
///
/// Example: `["部", "工作和战斗力的基础。"]` → one paragraph `部工作和战斗力的基础。`.
public struct Reflower: Sendable {
  public var options: ReflowOptions

  public init(options: ReflowOptions = ReflowOptions()) {
    self.options = options
  }

  public func reflow(_ lines: [SourceLine]) -> [Block] {
    let rows = makeRows(lines)
    switch options.layout {
    case .lines:
      return rows.indices.map { index in
        var block = BlockBuilder()
        block.append(rows, at: index, verbatim: true)
        return block.finish(kind: .paragraph)
      }
    case .paragraphs:
      return paragraphs(rows)
    case .columns:
      return columns(rows)
    }
  }

  // MARK: - Rows

  func makeRows(_ lines: [SourceLine]) -> Rows {
    var rows: [Row] = []
    rows.reserveCapacity(lines.count)
    var pieces: [LineProfile.Piece] = []
    var blanks = 0
    var pageStart = true
    let removeGlue = options.cjkLatinSpacing == .remove && options.layout != .lines
    // One buffer for every line's scalars and classes (see DecodedLine).
    let decoded = DecodedLine()
    // (Lines read in place through a pointer: each `SourceLine` copied out of the array cost a
    // retain and a release.)
    lines.withUnsafeBufferPointer { lines in
      guard let first = lines.baseAddress else { return }
      for index in lines.indices {
        let line = first + index
        if line.pointee.startsPage { pageStart = true }
        // (The line's text is decoded from a copy of its slice, one retain; the rows read their
        // text from the lines when they need it.)
        var text = line.pointee.textSlice
        decoded.load(&text)
        guard decoded.hasNonSpace else {
          blanks += 1
          continue
        }
        let number = line.pointee.number
        // (Layout `lines` is verbatim: no space repair, one row per line.)
        // (Appended as it is made, and replaced in the rare case below: a row bound to a local
        // first was copied twice on its way into the array, 224 bytes each time.)
        rows.append(Row(lineNumber: number, blanksBefore: blanks, startsPage: pageStart,
          index: index, decoded: decoded, range: 0..<decoded.count, removeCJKLatinSpaces: removeGlue,
          verbatim: options.layout == .lines, pieceStore: &pieces))
        // (A line that ends with a byline is profiled again as two rows: rare. The whole line's
        // pieces, if any, stay unused in the store. Neither part is blank: the body holds the
        // line's first character, the byline its own.)
        if options.detectBylines, options.layout == .columns, let cut = rows[rows.count - 1].profile.bylineStart,
          cut > rows[rows.count - 1].profile.span.scalars.lowerBound
        {
          rows.removeLast()
          rows.append(Row(lineNumber: number, blanksBefore: blanks, startsPage: pageStart,
            index: index, decoded: decoded, range: 0..<cut, removeCJKLatinSpaces: removeGlue, recordsByline: false, pieceStore: &pieces))
          rows.append(Row(lineNumber: number, blanksBefore: 0, startsPage: false,
            index: index, decoded: decoded, range: cut..<decoded.count, removeCJKLatinSpaces: removeGlue, pieceStore: &pieces))
        }
        blanks = 0
        pageStart = false
      }
    }
    return Rows(lines: lines, rows: rows, pieces: pieces)
  }

  // MARK: - Paragraph layout

  func paragraphs(_ rows: Rows) -> [Block] {
    var blocks: [Block] = []
    var builder = BlockBuilder()
    for index in rows.indices {
      let row = rows[index]
      if !builder.isEmpty && (row.blanksBefore > 0 || row.startsPage) {
        blocks.append(builder.finishKeepingBuffers(kind: .paragraph))
        builder.decisions.append(Decision(.split, rule: "blank-line", confidence: 1, line: row.lineNumber, detail: "a blank line separates paragraphs"))
      }
      builder.append(rows, at: index, verbatim: false)
    }
    if !builder.isEmpty { blocks.append(builder.finish(kind: .paragraph)) }
    return blocks
  }

  // MARK: - Column layout

  func columns(_ rows: Rows, log: EdgeLog? = nil) -> [Block] {
    let fixedWrap = Self.fixedWrap(rows)
    var blocks: [Block] = []
    var builder = BlockBuilder()
    var previousKind: BlockKind? = nil
    var previousEnded = true  // the previous row ended a block
    // The last block, when it is a one-row heading: the row it came from and its builder.
    var lastHeading: (row: Int, builder: BlockBuilder)? = nil
    var details = WidthDetails()

    func close(_ kind: BlockKind) {
      guard !builder.isEmpty else { return }
      blocks.append(builder.finishKeepingBuffers(kind: kind))
      previousKind = kind
    }

    var index = 0
    while index < rows.count {
      let row = rows[index]
      // (The next row read in place, not copied out of the array: a retain and a release a row.)
      let hasNext = index + 1 < rows.count
      let blankAfter = hasNext ? rows[index + 1].blanksBefore > 0 || rows[index + 1].startsPage : true
      var vetoed: Decision? = nil  // a heading the edge model overrode

      // A row that stands alone: byline, header, heading.
      if builder.isEmpty || previousEnded {
        // A byline cut after its role's separator (`记者：` ⏎ `韦鹏`): one byline of two rows.
        if options.detectBylines, isSplitByline(rows, index) {
          close(.paragraph)
          var byline = BlockBuilder()
          byline.append(rows, at: index, verbatim: false)
          byline.decisions.append(Decision(.classify, rule: "split-byline", confidence: 0.9, line: row.lineNumber, detail: "a byline's role and separator alone, its names on the next line: one byline that squeezed punctuation cut"))
          byline.decisions.append(Decision(.join, rule: "split-byline", confidence: 0.9, line: row.lineNumber, detail: "the names of the byline's role"))
          byline.append(rows, at: index + 1, verbatim: false)
          blocks.append(byline.finish(kind: .byline))
          previousKind = .byline
          previousEnded = true
          lastHeading = nil
          index += 2
          continue
        }
        // The second half of a split headline stands between blank lines like the first.
        // (A headline's halves under the page head may be as wide as two columns: it spans them.)
        let topHalf = lastHeading.map { $0.row == 1 && index == 2 } ?? false
        let secondHalf = lastHeading.map { $0.row == index - 1 && blankAfter && isSplitHeadline(rows, index, top: topHalf) } ?? false
        let standalone = secondHalf
          ? Classification(kind: .heading, rule: "split-headline", confidence: 0.7, detail: "")
          : weighStandalone(standaloneKind(rows, index, previousEnded: previousEnded, previousKind: previousKind, blankAfter: blankAfter),
            rows: rows, at: index, previousKind: previousKind, fixedWrap: fixedWrap, log: log, veto: &vetoed)
        if let kind = standalone {
          close(.paragraph)
          if kind.kind == .heading, let last = lastHeading, last.row == index - 1, blankAfter, isSplitHeadline(rows, index, top: topHalf) {
            // `每集统计两队总分` ⏎⏎ `除此之外`: one headline whose wide middle gap made
            // pdftotext print two blocks. Each half is a block of its own, so a blank line
            // follows the second too; a heading directly above the text is a second heading
            // (`面對南下的德國大軍` ⏎⏎ `換句話說` ⏎ `但是甘地…`), and joining it would put a
            // space between CJK characters that the page does not have.
            var merged = last.builder
            merged.appendJoiningSpace()
            merged.append(rows, at: index, verbatim: false)
            merged.decisions.append(Decision(.join, rule: "split-headline", confidence: 0.7, line: rows[index - 1].lineNumber, detail: "two short title lines between blank lines that fit on one line: the halves of one headline"))
            blocks[blocks.count - 1] = merged.finish(kind: .heading)
            lastHeading = nil
            previousKind = .heading
            previousEnded = true
            index += 1
            continue
          }
          var single = BlockBuilder()
          single.append(rows, at: index, verbatim: false)
          single.decisions.append(Decision(.classify, rule: kind.rule, confidence: kind.confidence, line: row.lineNumber, detail: kind.detail))
          lastHeading = nil
          if kind.kind == .header || kind.kind == .footer, !options.keepHeaders {
            previousKind = kind.kind
          } else {
            blocks.append(single.finish(kind: kind.kind))
            previousKind = kind.kind
            if kind.kind == .heading { lastHeading = (index, single) }
          }
          previousEnded = true
          index += 1
          continue
        }
      }

      lastHeading = nil
      builder.append(rows, at: index, verbatim: false, keepSoftSpace: false)
      if let vetoed { builder.decisions.append(vetoed) }
      guard hasNext else { break }
      if rows[index + 1].isByline && options.detectBylines {
        close(.paragraph)
        previousEnded = true
        index += 1
        continue
      }
      let decision = decideEdge(builder: builder, rows: rows, at: index, fixedWrap: fixedWrap, previousKind: previousKind, log: log, details: &details)
      if decision.action == .split {
        // A single short line without sentence end, above a wider one: a title.
        // (The row count first: a string comparison is dearer.)
        let title = builder.rowCount == 1 && (decision.rule == "short-unterminated-line" || decision.rule == "edge-model") && options.detectHeadings && isTitleLike(row.profile)
        if title {
          builder.decisions.append(Decision(.classify, rule: "short-unterminated-title", confidence: 0.6, line: row.lineNumber, detail: "a single short title-like line without sentence end, above wider text"))
        }
        close(title ? .heading : .paragraph)
        builder.decisions.append(decision)
        previousEnded = true
      } else {
        builder.decisions.append(decision)
        previousEnded = false
      }
      index += 1
    }
    close(.paragraph)
    return blocks
  }

  struct Classification {
    var kind: BlockKind
    var rule: String
    var confidence: Double
    var detail: String
  }

  /// Decides whether row `index` is a block on its own (and of which kind).
  func standaloneKind(_ rows: Rows, _ index: Int, previousEnded: Bool, previousKind: BlockKind?, blankAfter: Bool) -> Classification? {
    let row = rows[index]
    let profile = row.profile
    if row.isByline && options.detectBylines {
      return Classification(kind: .byline, rule: "byline", confidence: 0.95, detail: "a role and a name, like 文/宁杰")
    }
    guard options.detectHeadings, previousEnded else { return nil }
    // Stacked headings (a kicker above a title) follow each other without a blank line.
    let blankBefore = row.blanksBefore > 0 || row.startsPage || index == 0 || previousKind == .heading
    let titleLike = isTitleLike(profile)
    guard titleLike, blankBefore else { return nil }
    // A next line that opens with one character and a comma (`年，初称…`, `怒，但回到…`) ends a
    // word begun on this line (news prose has next to no one-character clauses): no title.
    if !blankAfter, index + 1 < rows.count, Self.opensWithOneCharacterClause(rows[index + 1].profile) { return nil }
    // Directly below a heading, a line of CJK characters exactly as wide as an indented first
    // line (1 or 2 em short of the column the pure CJK rows below, or above the heading, show)
    // opens a paragraph.
    if row.blanksBefore == 0, !row.startsPage, index > 0, profile.isPureCJK {
      let column = max(columnBelow(rows, index) ?? 0, columnAbove(rows, index - 1, limit: profile.width + 4) ?? 0)
      if profile.width >= column - 4 && profile.width <= column - 2 { return nil }
    }

    let next = index + 1 < rows.count ? rows[index + 1] : nil
    let context = contextWidth(rows, around: index)
    // (Asked by up to five of the rules below about the same row, each scanning its text for
    // quotation marks: asked once, when a rule first gets to it.)
    lazy var titleAboveText = isTitleAboveText(profile, source: rows.source(index))
    if PageNumber.matches(profile, text: rows.line(index).text) {
      return Classification(kind: row.startsPage ? .header : .footer, rule: "page-number", confidence: 0.9, detail: "a page number")
    }
    let nextStarts = next == nil ? true : nextStartsBlock(rows, index + 1, width: context)
    if blankAfter {
      if let next, Punctuation.noLineStart.contains(next.profile.first) { return nil }
      // The document's first line, short and alone: its running head, whatever follows.
      if index == 0 && profile.width <= 24 && !profile.isLetterSpaced {
        // Running heads are short names of two to four characters (`要闻`, `湖州联通`: a
        // paper's page names); a longer line (five or more) that the next one
        // completes to a line's width is the first half of a split headline.
        if profile.width > 8, index + 1 < rows.count, isSplitHeadline(rows, index + 1) {
          return Classification(kind: .heading, rule: "split-headline", confidence: 0.6, detail: "the first half of a headline that pdftotext printed as two blocks")
        }
        return Classification(kind: .header, rule: "page-head", confidence: 0.8, detail: "a short line alone at the top of the document")
      }
      // Under the page head, the first half of a headline spanning the columns, as wide as
      // the column or wider, with its second half between blank lines below it.
      if index == 1, previousKind == .header, row.blanksBefore > 0, !profile.isLetterSpaced, index + 2 < rows.count,
        isSplitHeadline(rows, index + 1, top: true)
      {
        return Classification(kind: .heading, rule: "split-headline", confidence: 0.6, detail: "the first half of a headline under the page head that pdftotext printed as two blocks")
      }
      let clearlyShort = profile.width <= context - 4
      guard clearlyShort || profile.isLetterSpaced || profile.hasInternalSpace else { return nil }
      // A column break after a paragraph's first line looks the same, but then the next line
      // goes on at full width instead of starting a block.
      // (A last line cannot be checked: then the blank lines decide.)
      // A title between blank lines after a sentence end, shorter than any indented first line
      // (W − 4, give or take one), needs no indent below it: the line below may be cut short
      // before a long Latin word or be a two-line paragraph's first line.
      let belowFirstLine = profile.width <= context - 7 && previousKind != nil
      guard nextStarts || index + 2 >= rows.count || belowFirstLine else { return nil }
      // A short title-like line opening the document or a page is its running head.
      if row.startsPage && profile.width <= 24 && (index == 0 || previousKind == nil || rows[index].startsPage) {
        return Classification(kind: .header, rule: "page-head", confidence: 0.8, detail: "a short line alone at the top of the page")
      }
      let confidence = clearlyShort && (profile.hasInternalSpace || profile.width <= context / 2) ? 0.9 : 0.75
      return Classification(kind: .heading, rule: "standalone-title", confidence: confidence, detail: "a short line between blank lines with no sentence punctuation")
    }
    // The document's first line (or the first after its running head) starts a headline, a lede
    // or a paragraph, and a paragraph's first line is indented: a title-like line that is not
    // (at least as wide as the lines below it, or clearly narrower) is the headline.
    if let next, index == 0 || (index <= 2 && previousKind == .header && rows[index].blanksBefore > 0),
      next.blanksBefore == 0, !next.isByline, !next.startsPage, index + 2 < rows.count, !profile.isJustified,
      titleAboveText, !Punctuation.noLineStart.contains(next.profile.first)
    {
      // (Narrower only when its width is sure, and not cut before a number or Latin word.)
      let below = widthAfter(rows, index)
      let cutBeforeWord = profile.width + Self.leadingWordWidth(next.profile) + 1 >= below - 5
      let narrower = profile.width <= below - 7 && (profile.isPureCJK || profile.hasInternalSpace) && !cutBeforeWord
      // (At the very top, a text may also start in the middle of a paragraph, at full width, or
      // wider when a Latin word follows: there only a clearly narrower line is a headline.)
      // (Or the next line, a line of CJK characters that goes on, is no full line below an
      // indented one: measured at most half a character wider, not one or two, and a pure CJK
      // line measures at least as wide as it is set. Rows with numbers below may measure the
      // column short: their glue stretches.)
      let nextVisual = visualWidth(rows, index + 1, column: below)
      let nextNotFull = index > 0 && profile.isPureCJK && next.profile.isPureCJK && !next.profile.endsSentence
        && nextVisual.end == index + 1 && rows[index + 2].blanksBefore == 0 && !rows[index + 2].startsPage
        && next.profile.width <= profile.width + 1
      // (Or a two-part headline, `除了抵制英國產品外 在此之後`: a lone real space between
      // ideographs, which a paragraph's first line does not have; justification would space
      // every gap.)
      if (profile.width >= below && index > 0) || narrower || nextNotFull || profile.hasInternalSpace {
        return Classification(kind: .heading, rule: "document-headline", confidence: 0.65, detail: "a title-like line opening the document, not shaped like an indented first line")
      }
    }
    // The first fragment of a visual line that squeezed punctuation cut (`《夜行神龍》` ⏎
    // `（Gargoyles）是美國迪士`): with the next row it fills the column, which the next row alone,
    // as a first line below a title, would not leave short.
    if !blankAfter, isFragmentBeforeShortRest(rows, index) { return nil }
    // A headline set directly above a wider lede (the lines below are wide too: one overfull
    // line under a line cut short before a long Latin word is no lede).
    if let next, next.blanksBefore == 0, next.profile.width * 2 >= profile.width * 3, profile.width <= 60, !profile.isJustified,
      index + 2 >= rows.count || profile.hasInternalSpace || !(next.profile.startsWithWord || Self.hasLatinLetter(next.profile))
        || widthAfter(rows, index + 1) * 2 >= profile.width * 3
    {
      return Classification(kind: .heading, rule: "title-above-wider-text", confidence: 0.7, detail: "a short title-like line above much wider text")
    }
    if let next, next.blanksBefore == 0, !next.isByline, !profile.isJustified, index + 2 < rows.count,
      !Punctuation.noLineStart.contains(next.profile.first), titleAboveText
    {
      let below = widthAfter(rows, index)
      // A headline spanning columns above a narrower column.
      if below * 5 <= profile.width * 4, isFirstLineWide(rows, index + 1) {
        return Classification(kind: .heading, rule: "title-above-narrower-column", confidence: 0.7, detail: "a title-like line after a blank, wider than the column below it")
      }
      // Too short for a paragraph's first line that goes on (those are full but for the
      // indent), and not cut before a Latin word that did not fit.
      // (The column is the second widest of the visual lines below: one of them may hold a number or
      // Latin word whose glue or letters measure wide, `眼状斑点。1929 年，`, or run overfull.)
      let column = secondWidestVisual(rows, after: index, column: below)
      if profile.width <= min(column - 6, column * 2 / 3), !next.profile.startsWithWord {
        return Classification(kind: .heading, rule: "short-title-above-text", confidence: 0.7, detail: "a title-like line after a blank, too short to be a first line that goes on")
      }
    }
    // A heading above a first line indented 1 em (or 2 em, cut before a number): the first line
    // is one or two characters short of the column, too little for `title-above-indent` to trust
    // alone, but the title is shorter than any first line (W − 4, give or take one) by more.
    // (After a blank line only: directly below a heading, a paragraph's first line has that shape.)
    if let next, row.blanksBefore > 0 || row.startsPage, next.blanksBefore == 0, !next.isByline, !next.startsPage, index + 2 < rows.count,
      !Punctuation.noLineStart.contains(next.profile.first), !profile.isJustified, titleAboveText
    {
      // The column width below: the second widest of the next four rows (one overfull line
      // around a long Latin word must not make a full line look indented).
      // An exactly measured CJK line nearby is a lower bound of it.
      let below = max(secondWidest(rows, after: index + 1), exactWidth(rows, around: index, limit: widthAfter(rows, index + 1) + 1) ?? 0)
      let first = visualWidth(rows, index + 1, column: below).width
      // (Not above a line that starts with a number or Latin word: a first line cut before a
      // word that did not fit, `“小燕子公益”是湖州联通在` ⏎ `2017年打造…`, looks the same.)
      // (A letter-spaced next line was stretched: its measured width says little.)
      if profile.width <= below - 6, profile.width <= first - 4, first >= below - 4, first <= below - 2, !next.profile.endsSentence,
        !next.profile.isJustified,
        !next.profile.startsWithWord
      {
        return Classification(kind: .heading, rule: "title-above-first-line", confidence: 0.65, detail: "a title-like line after a blank, shorter than a first line, above a line one or two characters short of the column")
      }
    }
    // A heading set directly above a paragraph's indented first line.
    if let next, next.blanksBefore == 0, !next.isByline, nextStarts, !Punctuation.noLineStart.contains(next.profile.first),
      index + 2 < rows.count, profile.width <= max(context, widthAfter(rows, index + 1)) + 2,
      !profile.isJustified, titleAboveText, !isIndentedFirstLine(rows, index), isFirstLineWide(rows, index + 1) || (isTitleLike(rows[index + 1].profile) && isFirstLineWide(rows, index + 2))
    {
      return Classification(kind: .heading, rule: "title-above-indent", confidence: 0.7, detail: "a title-like line after a blank, above an indented first line")
    }
    // Above a line whose width says little (it starts with a number or Latin word, or was
    // letter-spaced: stretched), the title alone must rule out a first line: even with the
    // word it would have been cut before, it stops two characters or more short of a 2 em
    // first line (W − 4), and a line of CJK characters is measured exactly. (`据媒体引述` ⏎
    // `1949 年之后，`; `除了抵制英國產品外` ⏎ `在 艾 哈 邁 達 巴 德 建 立 了 Sabarmati`.)
    // (After the rules the model is asked about, which see such rows too.)
    if let next, row.blanksBefore > 0 || row.startsPage, next.blanksBefore == 0, !next.isByline, !next.startsPage, index + 2 < rows.count,
      next.profile.startsWithWord || next.profile.isJustified, !Punctuation.noLineStart.contains(next.profile.first),
      !profile.isJustified, profile.isPureCJK, titleAboveText, !Self.cutAtPunctuation(profile, next.profile)
    {
      let below = max(secondWidest(rows, after: index + 1), exactWidth(rows, around: index, limit: widthAfter(rows, index + 1) + 1) ?? 0)
      let column = max(below, next.profile.isJustified ? next.profile.width : 0)
      if profile.width + Self.leadingWordWidth(next.profile) + 1 <= column - 8 {
        return Classification(kind: .heading, rule: "title-above-word-line", confidence: 0.6, detail: "a title-like line after a blank, too short to be a first line cut before the number or Latin word below it, above a line that starts with one or was stretched")
      }
    }
    return nil
  }

  /// Row `index` and the next row meet at CJK punctuation and together fill the column below
  /// them, while the next row alone is well short of it: two fragments of one visual line.
  func isFragmentBeforeShortRest(_ rows: Rows, _ index: Int) -> Bool {
    guard index + 2 < rows.count else { return false }
    let next = rows[index + 1]
    guard next.blanksBefore == 0, !next.startsPage, Self.cutAtPunctuation(rows[index].profile, next.profile) else { return false }
    // (Below fragments the second widest row may be another fragment: a pure CJK row shows more.)
    let column = max(secondWidest(rows, after: index + 1), exactWidth(rows, around: index + 1, limit: widthAfter(rows, index + 1) + 3) ?? 0)
    let rest = visualWidth(rows, index + 1, column: column).width
    let sum = rows[index].profile.width + rest
    return rest <= column - 6 && sum >= column - 3 && sum <= column + 3
  }

  static let lineEndDetails = MarkDetails(Punctuation.noLineEndMarks) { "'\($0)' never ends a line in typesetting" }
  static let lineStartDetails = MarkDetails(Punctuation.noLineStartMarks) { "'\($0)' never starts a line in typesetting" }
  static let continuingDetails = MarkDetails(Punctuation.continuingMarks) { "the line ends with '\($0)'" }

  /// Join or split between row `index` (the last row of `builder`) and the next row.
  func edge(builder: BlockBuilder, rows: Rows, at index: Int, fixedWrap: Int? = nil, details: inout WidthDetails) -> Decision {
    let a = rows[index].profile
    let nextRow = rows[index + 1]
    let b = nextRow.profile
    let line = rows[index].lineNumber
    let blank = nextRow.blanksBefore > 0 || nextRow.startsPage

    if a.lastIsNoLineEnd {
      return Decision(.join, rule: "kinsoku-line-end", confidence: 0.99, line: line, detail: Self.lineEndDetails[a.last])
    }
    if b.firstIsNoLineStart && b.firstClass.isCJK {
      return Decision(.join, rule: "kinsoku-line-start", confidence: 0.98, line: line, detail: Self.lineStartDetails[b.first])
    }
    // A short title-like line after the blank line, above clearly wider text: a heading, even
    // after a line that ends with `：` or at the column edge.
    if blank, options.detectHeadings, index + 2 < rows.count, isTitleLike(b), shortUnterminatedLine(rows, at: index + 1, rowsInBlock: 1) != nil {
      return Decision(.split, rule: "title-after-blank", confidence: 0.7, line: line, detail: "the line after the blank is a short title-like line above wider text")
    }
    if blank && options.blankLines == .paragraph {
      return Decision(.split, rule: "blank-line", confidence: 0.95, line: line, detail: "blank lines are paragraph breaks in this pipeline")
    }
    if a.isLetterSpaced {
      return Decision(.join, rule: "justified-line", confidence: 0.95, line: line, detail: "a letter-spaced line was stretched to full width, so the paragraph goes on")
    }
    if a.last == "：", !blank, fixedWrap == nil, let short = shortColonEnd(builder: builder, rows: rows, at: index) {
      return Decision(.split, rule: "short-colon-end", confidence: 0.7, line: line, detail: details.detail("short-colon-end", short.visual, short.column) {
        "a line \($0) wide ending with '：' in a column \($1) wide, above a line that is no rest of it: a paragraph that ends with '：'"
      })
    }
    if a.last == "：", !blank, fixedWrap == nil, let change = colonColumnChange(rows: rows, at: index) {
      return Decision(.split, rule: "colon-column-change", confidence: 0.7, line: line, detail: details.detail("colon-column-change", change.visual, change.below) {
        "a line \($0) wide ending with '：', then lines of a column \($1) wide: a wide lede that ends with '：'"
      })
    }
    if a.lastIsContinuing {
      return Decision(.join, rule: "continuing-punctuation", confidence: 0.97, line: line, detail: Self.continuingDetails[a.last])
    }
    if !endsSentence(rows, index) {
      if let short = shortUnterminatedLine(rows, at: index, rowsInBlock: builder.rowCount) {
        return Decision(.split, rule: "short-unterminated-line", confidence: 0.7, line: line, detail: details.detail("short-unterminated-line", short.visual, short.column) {
          "a line of CJK characters \($0) wide, without sentence end, in a column \($1) wide: only a paragraph's last line or a title stops short"
        })
      }
      return Decision(.join, rule: "no-sentence-end", confidence: blank ? 0.8 : 0.9, line: line, detail: blank ? "no sentence end before the blank line: a column or page break" : "the sentence goes on")
    }

    // Text hard-wrapped at a fixed number of characters (not typeset): a line of that length
    // was cut by the wrap, whatever its display width.
    // (The next line must have that length too, or end the text: in a wide typeset column of
    // long paragraphs most lines also have one length, but a paragraph's first line is shorter.)
    if let fixedWrap, a.length >= fixedWrap - 3, b.length >= fixedWrap - 3 || index + 2 >= rows.count {
      return Decision(.join, rule: "fixed-width-wrap", confidence: blank ? 0.7 : 0.9, line: line, detail: "the text is wrapped every \(fixedWrap) characters and this line is that long")
    }

    // The line ends a sentence: is it also the paragraph's last line?
    let width = referenceWidth(builder: builder, rows: rows, at: index)
    // The visual line that ends here may have been cut into fragments (`員長）` ⏎ `。`).
    let visual = visualWidth(rows, endingAt: index, column: width)
    // A block's first line is indented (2 em, or 1 em): at that width it may still go on.
    let firstRow = builder.rowCount == 1
    let short = visual <= width - (firstRow ? 7 : 3)
    let nextVisual = visualWidth(rows, index + 1, column: width)
    // The rest of the visual line, not an indented first line (2 em: W − 4, give or take one).
    // Measured on the typeset corpora: after a short line ending a sentence, a line starting
    // with an opening mark (`《`, `“`) is as often the rest of the visual line (consecutive
    // punctuation squeezed) as a new paragraph; a line starting with anything else is a new
    // paragraph twenty times out of twenty-one, unless the two fill the column exactly.
    let sum = visual + nextVisual.width
    // (A letter-spaced next line was stretched, and a fragment of the same visual line would
    // be stretched too: `的一个镇。` ⏎ `夏 须 草 属 （学` are two lines, the second a first line
    // stretched before a long Latin word.)
    let stretchedAlone = b.isJustified && !a.isJustified && a.length >= 3
    if short && !blank && (b.firstIsNoLineEnd || sum >= width - 1)
      && sum <= width + 2 && nextVisual.width <= width - 7 && !b.endsSentence
      && widthAfter(rows, index + 1) >= width - 4 && !stretchedAlone
    {
      return Decision(.join, rule: "squeezed-fragment", confidence: 0.6, line: line, detail: "with the next line it fills one column width: squeezed punctuation ended the line early")
    }
    // A sentence end one or two characters into its line, then an opening mark: `意。` ⏎
    // `《婚前特急》` ⏎ `，2011 年 4 月`. Squeezed `。《` cut the visual line, or the paragraph
    // ended and the next line is indented by just that width: the widths are the same. pdftotext
    // cuts there whichever it is, so the cut says nothing, and most sentence ends are no
    // paragraph ends (two in three in the typeset corpora; 8 of 8 such edges there went on).
    // (No upper bound on the sum: the marks squeezed at the cuts and Latin words, which we
    // count wide, make it run over the column.)
    // (Up to three characters, `幕牆。` ⏎ `《紐約時報》認為本`: squeezed, `。《` take one character,
    // so the rest is as wide as a 2 em first line again. On the twelve dev corpora this joins
    // three such edges rightly and one wrongly, in quanjiao text.)
    if short && !blank && visual <= 6 && b.firstIsNoLineEnd && !b.endsSentence && !stretchedAlone
      && sum >= width - 3 && widthAfter(rows, nextVisual.end) >= width - 4
    {
      return Decision(.join, rule: "short-end-before-opening-mark", confidence: 0.55, line: line, detail: "a sentence end \(visual) wide, then an opening mark: with the next line it fills the column, as an indented first line would after a paragraph end; most sentence ends go on")
    }
    // A sentence end one to three characters into its line, then a number cut off right after
    // its comma, then a short fragment: `权。` ⏎ `2013 年 4 月，` ⏎ `威廉`. pdftotext cut at both
    // marks, so the line was shrunk, and the three fill the column as a 2 em first line's two
    // fragments would: the widths tie. On the sixteen dev corpora such edges went on seven times
    // in ten, so the paragraph goes on.
    if short && !blank && visual <= 6 && b.firstClass == .digit && Punctuation.continuing.contains(b.last),
      nextVisual.end == index + 1 || nextVisual.end == index + 2, index + 2 < rows.count
    {
      let rest = rows[index + 2]
      if rest.blanksBefore == 0, !rest.startsPage, !rest.isByline, rest.profile.width <= width / 2,
        visual + b.width + rest.profile.width >= width - 3
      {
        return Decision(.join, rule: "short-end-before-cut-number", confidence: 0.55, line: line, detail: "a sentence end \(visual) wide, then a number cut after its comma and a short fragment: one shrunk line, or a paragraph end and a first line; most such edges go on")
      }
    }
    // A wide lede or column ends and a narrower one begins below it.
    // (Lines below cut at squeezed punctuation count as the visual lines they make up, in the
    // column below: added up to the lede's width, a short last line and the next line's
    // fragment, `地，南部为日本原高原。` ⏎ `随着…，节`, would pass for a line as wide as the lede.)
    let below = max(widthAfter(rows, index), visualWidthAfter(rows, index, column: widthAfter(rows, index) + 2))
    // (Unless the next line ends a sentence and is itself wider than the lines below it: the
    // wide block's short last line, `…楼房。` ⏎ `教育部在…的活动。` above the body columns.)
    let lastOfWide = b.endsSentence && b.width >= widthAfter(rows, index + 1) + 4
    if !short && below > 0 && below * 5 <= visual * 4 && nextVisual.width * 5 <= visual * 4 && !lastOfWide {
      return Decision(.split, rule: "column-change", confidence: 0.8, line: line, detail: details.detail("column-change", visual, below) {
        "sentence end on a line \($0) wide, then lines of a column \($1) wide"
      })
    }
    // Lines of full-width CJK characters only are measured exactly (or too wide, never too
    // narrow): where such a line of the column shows its true width, a line a character short of
    // it is short on the page, not width noise.
    if !short, let exact = exactWidth(rows, around: index, limit: width + 3) {
      // The sentence ends a character or more before the column edge: a paragraph's last line.
      if !firstRow, a.isPureCJK, visual <= exact - 2, visual == a.width {
        return Decision(.split, rule: "terminal-exact-short", confidence: 0.8, line: line, detail: details.detail("terminal-exact-short", visual, exact) {
          "sentence end on a line of CJK characters \($0) wide where such lines show a column \($1) wide"
        })
      }
      // The next line starts a character or more in: a first line indented 1 em (or 2).
      // (Not before a line that starts with a number or Latin word: TeX may stretch a line by a
      // character rather than break such a word, and a stretched line of CJK shows no spaces.)
      if b.isPureCJK, !b.endsSentence, nextVisual.end == index + 1, b.width <= exact - 2, visual >= b.width + 2,
        index + 2 < rows.count, rows[index + 2].blanksBefore == 0, !rows[index + 2].startsPage,
        !rows[index + 2].profile.firstClass.isWordLike,
        // (One character short where the first lines nearby are indented 2 em: a line TeX
        // stretched, not a 1 em indent.)
        b.width <= exact - 4 || !twoEmIndentNearby(rows, around: index, column: exact)
      {
        return Decision(.split, rule: "terminal-exact-indent", confidence: 0.75, line: line, detail: details.detail("terminal-exact-indent", b.width, exact) {
          "sentence end, then a line of CJK characters \($0) wide where such lines show a column \($1) wide: an indented first line"
        })
      }
      // The next line is short of that column and goes on in the line after it: no paragraph's
      // last line, so a first line. (Not with Latin letters, whose width we guess, nor cut
      // before a number or Latin word.)
      if !b.endsSentence, nextVisual.end == index + 1, b.width <= exact - 3, visual >= b.width + 3, !Self.hasLatinLetter(b),
        !b.lastClass.isWordLike, index + 2 < rows.count, rows[index + 2].blanksBefore == 0, !rows[index + 2].startsPage,
        !rows[index + 2].isByline, !rows[index + 2].profile.startsWithWord
      {
        return Decision(.split, rule: "terminal-short-next-line", confidence: 0.7, line: line, detail: details.detail("terminal-short-next-line", b.width, exact) {
          "sentence end, then a line \($0) wide that goes on, where CJK lines show a column \($1) wide: an indented first line"
        })
      }
    }
    if short {
      return Decision(.split, rule: "terminal-short-line", confidence: blank ? 0.99 : 0.95, line: line, detail: details.detail("terminal-short-line", visual, width) {
        "sentence end on a line \($0) wide in a column \($1) wide"
      })
    }
    if !(b.endsSentence && b.width <= width - 3), nextStartsBlock(rows, index + 1, width: width),
      firstRow || visual >= visualWidth(rows, index + 1, column: width).width + 2
    {
      return Decision(.split, rule: "terminal-indent", confidence: blank ? 0.85 : 0.75, line: line, detail: "sentence end at full width, then an indented line")
    }
    if blank {
      // A column break right after a full-width sentence end: the paragraph goes on only when
      // the next line is a full line of the same column.
      let nextVisual = visualWidth(rows, index + 1, column: width)
      let continues = nextVisual.width >= width - 2 && widthAfter(rows, nextVisual.end) >= width - 3
      if !continues {
        return Decision(.split, rule: "terminal-blank-line", confidence: 0.7, line: line, detail: "sentence end at full width, then a blank line and no full line of the same column")
      }
    }
    return Decision(.join, rule: "terminal-full-line", confidence: blank ? 0.6 : 0.7, line: line, detail: "the sentence ended at the column edge and the next line is not indented")
  }

  /// Row `index` stops at least two characters before the column edge without a sentence end,
  /// and nothing else explains it: a line of CJK characters can break after any character, so
  /// in justified text only a paragraph's last line (a source sentence without a final mark)
  /// or a title is short. Not when the next line starts with a number or Latin word (that did
  /// not fit), nor for a fragment of a visual line cut at squeezed punctuation.
  func shortUnterminatedLine(_ rows: Rows, at index: Int, rowsInBlock: Int) -> (visual: Int, column: Int)? {
    let a = rows[index].profile
    let b = rows[index + 1].profile
    guard a.isPureCJK, a.lastClass == .ideograph, !b.startsWithWord else { return nil }
    // A row after a CJK mark may be the rest of a visual line that squeezed punctuation cut.
    if index > 0, rows[index].blanksBefore == 0, !rows[index].startsPage, Self.cutAtPunctuation(rows[index - 1].profile, a) {
      return nil
    }
    // (Likewise before a CJK mark: `的卫星` ⏎ `（如土卫六…`.)
    if Self.cutAtPunctuation(a, b) { return nil }
    // The column from the pure CJK rows of the same block above it (below it, for a block's
    // first row), with no blank line between: columns may narrow or widen around a picture,
    // and the next column may be narrower. The next line must be clearly wider, as a new
    // block's first line is (a narrowing column would give a narrower one).
    // (A row after a blank line opens a column or page: the rows above may be of another.)
    let firstRow = rowsInBlock == 1 || rows[index].blanksBefore > 0 || rows[index].startsPage
    var column = 0
    if firstRow {
      column = columnBelow(rows, index) ?? 0
    } else {
      var other = index
      while other > 0, index - other < 4, rows[other].blanksBefore == 0, !rows[other].startsPage, index - other + 1 < rowsInBlock {
        other -= 1
        if let bound = rows[other].profile.minWidth { column = max(column, bound + bound % 2) }
      }
    }
    let visual = a.width
    // (A block's first line is indented 2 em, and may be one: it must be shorter still.)
    guard visual <= column - (firstRow ? 8 : 4), visualWidth(rows, index + 1, column: column).width >= visual + 4 else { return nil }
    return (visual, column)
  }

  /// The line length in characters when at least three quarters of the lines have it (and it is
  /// 30 or more): text hard-wrapped by a program (UD's `*.txt`, e-mail), not typeset in columns,
  /// where paragraph ends and indents make a quarter of the lines or more differ.
  static func fixedWrap(_ rows: Rows) -> Int? {
    guard rows.count >= 10 else { return nil }
    // A length held by three quarters of the rows is a majority, which a majority vote (Boyer and
    // Moore) finds in one pass without a dictionary (hashing every row's length showed in profiles).
    var candidate = 0
    var votes = 0
    for index in rows.indices {
      let length = rows[index].profile.length
      if votes == 0 { candidate = length; votes = 1 } else if length == candidate { votes += 1 } else { votes -= 1 }
    }
    guard candidate >= 30 else { return nil }
    var count = 0
    for index in rows.indices where rows[index].profile.length == candidate { count += 1 }
    return count * 4 >= rows.count * 3 ? candidate : nil
  }

  /// Row `index` looks like the first line of a block: with the squeezed fragments that follow
  /// it, it is clearly narrower than the lines after it (a first-line indent), or it is a
  /// byline. `width` is the column width when known.
  func nextStartsBlock(_ rows: Rows, _ index: Int, width known: Int? = nil) -> Bool {
    let row = rows[index]
    if row.isByline { return true }
    if row.profile.firstIsNoLineStart { return false }
    let after = widthAfter(rows, index)
    let width = max(known ?? 0, after)
    guard after > 0 else { return false }
    let visual = visualWidth(rows, index, column: width)
    // A 2 em indent is 4 half-width units, 1 em is 2; a full line measures W ± 1. A line that
    // ends with a number or Latin word may also be short because the word did not fit.
    let slack = rows[visual.end].profile.lastClass.isWordLike ? 5 : 3
    guard visual.width <= width - slack else { return false }
    if widthAfter(rows, visual.end) >= visual.width + 2 { return true }
    // A two-line paragraph: only its short last line follows, so trust the known width.
    guard known != nil, visual.end + 1 < rows.count else { return false }
    let last = rows[visual.end + 1]
    // (Its last line may lack a sentence end, as some source sentences do: a short line before a
    // blank line is no column break in the middle of a sentence, whose lines are full.)
    // A last line that ends a sentence well short of the line above ends the paragraph whatever
    // follows it (`20 世纪后，…地图兴` ⏎ `起。` ⏎ `但在 2006 年…`).
    guard last.blanksBefore == 0, !last.startsPage, !last.isByline else { return false }
    let followedByBreak = visual.end + 2 >= rows.count || rows[visual.end + 2].blanksBefore > 0
    if last.profile.endsSentence {
      return last.profile.width < visual.width && (followedByBreak || last.profile.width <= visual.width - 8)
    }
    return followedByBreak && last.profile.width <= visual.width - 4
  }

  /// Row `index` has the shape of a paragraph's indented first line: about W − 4 wide above a
  /// line wider than itself.
  func isIndentedFirstLine(_ rows: Rows, _ index: Int) -> Bool {
    guard index + 1 < rows.count else { return false }
    // (The second widest row below, not the widest: a row with a number or an overfull Latin
    // word measures wider than the column, `眼状斑点。1929 年，` in a column 16 wide.)
    let width = min(widthAfter(rows, index), secondWidest(rows, after: index))
    let row = rows[index].profile.width
    let next = visualWidth(rows, index + 1, column: width).width
    // A justified (letter-spaced) line below was stretched to the full width.
    return row >= width - 5 && (next >= row + 3 || rows[index + 1].profile.isJustified)
  }

  /// Row `index` ends a sentence; a row of closing marks only (`”` squeezed onto a line of its
  /// own) ends one when the row before it does.
  ///
  /// (Inlined, the rare row of closing marks asked in a function of its own: this runs at nearly
  /// every edge, and the call was most of it.)
  @inline(__always)
  func endsSentence(_ rows: Rows, _ index: Int) -> Bool {
    if rows[index].profile.endsSentence { return true }
    // (The profile counts its kept characters: most rows are long.)
    guard index > 0, rows[index].profile.keptCount <= 3 else { return false }
    return closingMarksEndSentence(rows, index)
  }

  /// Row `index`, of three characters or fewer, holds only closing and terminal marks after a
  /// row that ends a sentence with them.
  private func closingMarksEndSentence(_ rows: Rows, _ index: Int) -> Bool {
    let marks = rows.line(index).keptScalars
    guard marks.allSatisfy({ Punctuation.closing.contains($0) || Punctuation.terminal.contains($0) }) else { return false }
    let previous = rows.line(index - 1)
    let tail = Array(previous.source.utf8Slice((previous.pieces.last ?? previous.profile.span).bytes).unicodeScalars.suffix(4))
    return LineProfile.endsSentence((tail + marks)[...])
  }

  /// Rows `index - 1` and `index` could be the two halves of one headline: both short
  /// title-like lines, not letter-spaced, with blank lines between, that fit on one line of the
  /// text around them (`top`: the headline under the page head, which spans the columns: on two
  /// such lines).
  func isSplitHeadline(_ rows: Rows, _ index: Int, top: Bool = false) -> Bool {
    let first = rows[index - 1], second = rows[index]
    guard second.blanksBefore > 0, !second.startsPage, isTitleLike(first.profile), isTitleLike(second.profile),
      !first.profile.isLetterSpaced, !second.profile.isLetterSpaced, first.profile.softSpace == nil, second.profile.softSpace == nil
    else { return false }
    let width = max(contextWidth(rows, around: index), widthAfter(rows, index))
    return first.profile.width + second.profile.width + 2 <= (top ? 2 * width : width)
  }

  /// No sentence or clause punctuation, nothing that continues on the next line.
  @inline(__always)
  func isTitleLike(_ profile: LineProfile) -> Bool {
    !profile.hasClausePunctuation && !profile.endsSentence
      && !profile.lastIsContinuing && !profile.lastIsNoLineEnd
      && profile.last != "-"
  }

  /// A title-like line set directly above text (no blank line after it) must look like a
  /// title: no brackets (`安班加县（Ambanja District）` opens a paragraph), no number or Latin
  /// word at its end (`太极分别于 2012 年 5 月 4 日及 2012` was cut before the next word), and no
  /// quotation left open (`站牌上標示著「浪漫和傳奇的入` ⏎ `野松原」。`).
  func isTitleAboveText(_ profile: LineProfile, source: Substring) -> Bool {
    guard isTitleLike(profile) else { return false }
    // (Nor a quotation opened and not closed: the line was cut inside it.)
    if Self.hasUnclosedQuote(source) { return false }
    if profile.hasInternalSpace { return true }
    return !profile.hasBrackets && !profile.lastClass.isWordLike
  }

  /// The line starts with one ideograph and a comma or enumeration comma (`年，`, `下、`).
  static func opensWithOneCharacterClause(_ profile: LineProfile) -> Bool {
    // (A space after a one-character first word is no comma.)
    guard let second = profile.secondScalar else { return false }
    return profile.firstClass == .ideograph && (second == "，" || second == "、")
  }

  /// Row `index` is as wide as a paragraph's indented first line, not a fragment or a short
  /// last line: what a heading directly above a paragraph is followed by.
  func isFirstLineWide(_ rows: Rows, _ index: Int) -> Bool {
    guard index < rows.count else { return false }
    let width = widthAfter(rows, index)
    let visual = visualWidth(rows, index, column: width)
    return visual.width >= max(width - 8, width / 2)
  }
}

/// Page numbers standing alone: `12`, `- 12 -`, `第12版`, `第 3 页`.
enum PageNumber {
  /// The line's kept text (`text`) is a page number. Its first character must be a digit, `第`
  /// or a dash: most lines are settled without building their text.
  static func matches(_ profile: LineProfile, text: @autoclosure () -> String) -> Bool {
    let first = profile.first
    guard first == "第" || first == "-" || first == "—" || first == "–" || (first.value < 0x80 && first.properties.numericType != nil) else {
      return false
    }
    return matches(text())
  }

  static func matches(_ text: String) -> Bool {
    // (The characters gathered in an array, given up past eight: filtering into a string's
    // scalar view and converting it cost some twenty thousand instructions a line.)
    var compact: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars where scalar != " " && scalar != "-" && scalar != "—" && scalar != "–" {
      guard compact.count < 8 else { return false }
      compact.append(scalar)
    }
    var number = compact[...]
    if number.first == "第" { number = number.dropFirst() }
    if let last = number.last, last == "版" || last == "页" { number = number.dropLast() }
    return !number.isEmpty && number.allSatisfy { $0.value < 0x80 && $0.properties.numericType != nil }
  }
}

