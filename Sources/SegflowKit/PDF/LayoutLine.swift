/// A visual line rebuilt from word boxes, with what paragraph analysis needs to know about it.
///
/// Positions named `start`/`end` are along the reading direction (x on horizontal pages, y on
/// vertical ones), so one set of rules serves both directions.
struct LayoutLine: Sendable {
  enum Role: Sendable { case body, header, footer }

  var text: String
  /// Where each word stands in `text`, with its box.
  var words: [PDFLayout.WordBox]
  var page: Int
  /// The line's box on the page (page coordinates).
  var box: BoundingBox
  /// Font size: the line's extent across the reading direction.
  var size: Double
  var role: Role
  /// Where the line's first glyph starts and its last ends, along the reading direction.
  var start: Double
  var end: Double
  /// The column (or tier) the line sits in, along the reading direction.
  var columnStart: Double
  var columnEnd: Double
  /// Lines of different bands on one page (a title, a lede, the columns below) never share a paragraph.
  var band: Int
  var vertical: Bool
}
