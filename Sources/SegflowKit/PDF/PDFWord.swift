/// A word as poppler reports it (`<word xMin=… yMin=… xMax=… yMax=…>`): a run of glyphs without
/// a gap, with its box on the page.
public struct PDFWord: Sendable, Hashable {
  public var text: String
  public var box: BoundingBox

  public init(text: String, box: BoundingBox) {
    self.text = text
    self.box = box
  }
}
