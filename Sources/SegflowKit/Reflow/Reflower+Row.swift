extension Reflower {
  /// A non-blank line (or the byline cut from its end) with its surroundings: its profile, and
  /// where it stands among the rows.
  ///
  /// A class: the rules read rows around every edge, and copying a struct of several arrays and
  /// a string (one retain each) for each look was a tenth of reflow's time. A subclass of its
  /// profile, so that a row is one allocation: a row and a profile allocated apart, then freed
  /// when the document is done, cost a tenth of reflow again.
  final class Row: LineProfile {
    /// 1-based number of the row's line in the input.
    let lineNumber: Int
    /// UTF-8 offset of the row's line in the document's text.
    let lineOffset: Int
    /// Blank lines between the previous row and this one.
    let blanksBefore: Int
    /// The row starts a page (after a form feed) or the document.
    let startsPage: Bool

    /// Profiles `range` of the line (see ``LineProfile/init(index:source:decoded:range:removeCJKLatinSpaces:recordsByline:verbatim:)``);
    /// nil for a blank range.
    init?(
      lineNumber: Int, lineOffset: Int, blanksBefore: Int, startsPage: Bool, index: Int, source: Substring, decoded: borrowing DecodedLine,
      range: Range<Int>, removeCJKLatinSpaces: Bool, recordsByline: Bool = true, verbatim: Bool = false
    ) {
      self.lineNumber = lineNumber
      self.lineOffset = lineOffset
      self.blanksBefore = blanksBefore
      self.startsPage = startsPage
      super.init(
        index: index, source: source, decoded: decoded, range: range, removeCJKLatinSpaces: removeCJKLatinSpaces,
        recordsByline: recordsByline, verbatim: verbatim)
    }

    /// The row read as its line's profile (itself).
    var profile: LineProfile { self }
  }
}
