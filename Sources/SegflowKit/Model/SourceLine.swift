/// One line of the decoded input, before any repair.
public struct SourceLine: Sendable, Hashable {
  /// 1-based line number in the input.
  public var number: Int
  /// The line's text without its line terminator (after normalization, when a normalize stage ran).
  public var text: String {
    get { String(textSlice) }
    set { textSlice = Substring(newValue) }
  }
  /// The same text as a slice of the document's text: the lines that ``LineSplitter`` cuts share
  /// the document's storage (a string of its own for every line was most of the decode stage's
  /// time and a tenth of its memory). Read this rather than ``text`` in loops over lines.
  public var textSlice: Substring
  /// UTF-8 offset of the line's first byte in ``Document/text``.
  public var offset: Int
  /// False when normalization changed the line, so offsets inside it map to the source only
  /// approximately (clamped to the line).
  public var isVerbatim: Bool = true
  /// Set on the first line after a form feed (a page break in pdftotext output).
  public var startsPage: Bool = false

  public init(number: Int, text: String, offset: Int, isVerbatim: Bool = true, startsPage: Bool = false) {
    self.init(number: number, textSlice: Substring(text), offset: offset, isVerbatim: isVerbatim, startsPage: startsPage)
  }

  public init(number: Int, textSlice: Substring, offset: Int, isVerbatim: Bool = true, startsPage: Bool = false) {
    self.number = number
    self.textSlice = textSlice
    self.offset = offset
    self.isVerbatim = isVerbatim
    self.startsPage = startsPage
  }

  /// True when the line has nothing but white space.
  public var isBlank: Bool { textSlice.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
