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

extension PDFPage {
  /// The page as set, before a viewer's rotation (`/Rotate`): poppler reports word boxes in the
  /// rotated, displayed frame but the page size unrotated. `rotation` is clockwise, in degrees.
  public func unrotated(_ rotation: Int) -> PDFPage {
    let turn = ((rotation % 360) + 360) % 360
    guard turn == 90 || turn == 180 || turn == 270 else { return self }
    var copy = self
    copy.words = words.map { word in
      let b = word.box
      let corners: [(Double, Double)] = [(b.x0, b.y0), (b.x1, b.y1)].map { point in
        let (x, y) = point
        switch turn {
        case 90: return (y, height - x)
        case 180: return (width - x, height - y)
        default: return (width - y, x)
        }
      }
      let box = BoundingBox(
        x0: min(corners[0].0, corners[1].0), y0: min(corners[0].1, corners[1].1),
        x1: max(corners[0].0, corners[1].0), y1: max(corners[0].1, corners[1].1))
      return PDFWord(text: word.text, box: box)
    }
    return copy
  }
}
