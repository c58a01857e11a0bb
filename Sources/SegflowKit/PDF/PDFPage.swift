/// One page of a PDF: its size in points and the words on it, in poppler's order.
public struct PDFPage: Sendable {
  /// 1-based page number.
  public var number: Int
  public var width: Double
  public var height: Double
  public var words: [PDFWord]

  public init(number: Int, width: Double, height: Double, words: [PDFWord]) {
    self.number = number
    self.width = width
    self.height = height
    self.words = words
  }
}
