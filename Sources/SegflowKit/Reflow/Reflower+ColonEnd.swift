extension Reflower {
  /// Row `index` ends with `：` and stops clearly short of the column, and the next row is no
  /// rest of its visual line: a paragraph that ends with `：` (a sentence that introduces a list
  /// or a quotation the page does not hold, `姆明小說系列英語版本` ⏎ `及出版時間如下：` ⏎
  /// `始創中心前身為始`). Inside a paragraph a line ends short only where squeezed punctuation
  /// cut it (`：` ⏎ `“…`, or fragments that add up to the column) or before a number or Latin
  /// word that did not fit; none of those holds here. Returns the visual width and the column.
  func shortColonEnd(builder: BlockBuilder, rows: Rows, at index: Int) -> (visual: Int, column: Int)? {
    guard index + 2 < rows.count else { return nil }
    let next = rows[index + 1]
    let b = next.profile
    guard !next.isByline, !Punctuation.noLineEnd.contains(b.first), !Punctuation.noLineStart.contains(b.first),
      !b.startsWithWord, !b.isJustified
    else { return nil }
    let width = referenceWidth(builder: builder, rows: rows, at: index)
    let visual = visualWidth(rows, endingAt: index, column: width)
    // (As for a sentence end: a block's first line is indented, 2 em or 1.)
    let firstRow = builder.rowCount == 1
    guard visual <= width - (firstRow ? 7 : 3) else { return nil }
    // The next row alone is as wide as a paragraph's first line (2 em short of the column, or a
    // character more where TeX stretched it) or a full line, and the two do not fit in one
    // column: no fragments of one squeezed line (`士：` ⏎ `高大，` ⏎ `结实，` ⏎ `强壮有力。…`).
    guard b.width >= width - 6, visual + b.width > width + 3 else { return nil }
    return (visual, width)
  }

  /// Row `index` ends with `：` at the width of a wide lede, and a column at most ⁴⁄₅ as wide
  /// starts below it (`…及出版时间如下：` ⏎ `始创中心前身`): the lede ends there, as
  /// `column-change` finds after a sentence end. Returns the widths.
  func colonColumnChange(rows: Rows, at index: Int) -> (visual: Int, below: Int)? {
    // (The column below goes on for four rows at least: not the short last lines of a
    // paragraph before a blank line, which would pass for a narrow column.)
    guard index + 4 < rows.count, !rows[index + 1].isByline,
      (index + 1...index + 4).allSatisfy({ rows[$0].blanksBefore == 0 && !rows[$0].startsPage })
    else { return nil }
    let visual = rows[index].profile.width
    let after = widthAfter(rows, index)
    let below = max(after, visualWidthAfter(rows, index, column: after + 2))
    let nextVisual = visualWidth(rows, index + 1, column: below)
    guard below > 0, below * 5 <= visual * 4, nextVisual.width * 5 <= visual * 4 else { return nil }
    // The next row opens the column: as wide as a first line of it, no fragment of a squeezed
    // chain (`战士：` ⏎ `高大，` ⏎ `结实，`: the lines of a narrow column's paragraph).
    let next = rows[index + 1].profile
    guard next.width >= below - 6, next.lastClass != .cjkPunctuation else { return nil }
    // (The widths above it are the lede's too: not a short line in a narrow column.)
    guard index > 0, rows[index].blanksBefore == 0, !rows[index].startsPage, rows[index - 1].profile.width * 5 > below * 6 else { return nil }
    return (visual, below)
  }
}
