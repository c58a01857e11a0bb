extension Reflower {
  /// A non-blank line (or the byline cut from its end) with its surroundings: its profile, and
  /// where it stands among the rows.
  ///
  /// A value without references, kept with the others in one array (``Rows``): the rules read
  /// rows around every edge, and a row that held a reference (its text, its pieces) cost a
  /// retain and a release at each look, and an allocation and a release of its own when rows
  /// were objects. Its numbers are 32-bit, as its profile's (see ``LineProfile``): 100 bytes a
  /// row, from 224. (The line's UTF-8 offset in the document is read from the line, by the
  /// block builder alone.)
  struct Row {
    let profile: LineProfile
    private let storedLineNumber: Int32
    private let storedBlanksBefore: Int32
    /// The row starts a page (after a form feed) or the document.
    let startsPage: Bool

    /// 1-based number of the row's line in the input.
    var lineNumber: Int { Int(storedLineNumber) }
    /// Blank lines between the previous row and this one.
    var blanksBefore: Int { Int(storedBlanksBefore) }

    /// Profiles `range` of the line, its kept pieces appended to `pieceStore` (see
    /// ``LineProfile/init(index:decoded:range:removeCJKLatinSpaces:recordsByline:verbatim:pieceStore:)``;
    /// not a blank range).
    init(
      lineNumber: Int, blanksBefore: Int, startsPage: Bool, index: Int, decoded: borrowing DecodedLine,
      range: Range<Int>, removeCJKLatinSpaces: Bool, recordsByline: Bool = true, verbatim: Bool = false,
      pieceStore: inout [LineProfile.Piece]
    ) {
      self.profile = LineProfile(
        index: index, decoded: decoded, range: range, removeCJKLatinSpaces: removeCJKLatinSpaces, recordsByline: recordsByline,
        verbatim: verbatim, pieceStore: &pieceStore)
      self.storedLineNumber = Int32(lineNumber)
      self.storedBlanksBefore = Int32(blanksBefore)
      self.startsPage = startsPage
    }

    /// The whole row is a byline (see ``LineProfile/isByline``).
    var isByline: Bool { profile.isByline }
  }
}
