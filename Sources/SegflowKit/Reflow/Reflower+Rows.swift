extension Reflower {
  /// A document's rows: values in one array, read by the rules, and apart from them what only
  /// building a block's text reads: the lines (whose text the rows' profiles point into) and
  /// the kept pieces of the rows that have several.
  struct Rows: RandomAccessCollection {
    /// The document's lines; a row's ``LineProfile/index`` is its line's place here.
    let lines: [SourceLine]
    let rows: [Row]
    /// The kept pieces of every row that has several (see ``LineProfile/pieceIndices``).
    let pieces: [LineProfile.Piece]

    var startIndex: Int { 0 }
    var endIndex: Int { rows.count }
    /// (Yielded in place: `BlockBuilder.append` reads its row without copying it. A rule that
    /// binds a profile with `let` still copies it, some 30 instructions.)
    subscript(index: Int) -> Row {
      _read { yield rows[index] }
    }

    /// The text of row `index`'s line.
    func source(_ index: Int) -> Substring { lines[rows[index].profile.index].textSlice }

    /// Row `index`'s profile with its text and kept pieces.
    func line(_ index: Int) -> ProfiledLine {
      ProfiledLine(profile: rows[index].profile, source: source(index), pieceStore: pieces)
    }
  }
}
