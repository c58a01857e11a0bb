/// One line of the decoded input, before any repair.
public struct SourceLine: Sendable, Hashable {
  /// 1-based line number in the input.
  public var number: Int
  /// The line's text without its line terminator (after normalization, when a normalize stage ran).
  public var text: String
  /// UTF-8 offset of the line's first byte in ``Document/text``.
  public var offset: Int
  /// False when normalization changed the line, so offsets inside it map to the source only
  /// approximately (clamped to the line).
  public var isVerbatim: Bool = true
  /// Set on the first line after a form feed (a page break in pdftotext output).
  public var startsPage: Bool = false

  public init(number: Int, text: String, offset: Int, isVerbatim: Bool = true, startsPage: Bool = false) {
    self.number = number
    self.text = text
    self.offset = offset
    self.isVerbatim = isVerbatim
    self.startsPage = startsPage
  }

  /// True when the line has nothing but white space.
  public var isBlank: Bool { text.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
