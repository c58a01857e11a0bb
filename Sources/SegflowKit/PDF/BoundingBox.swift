/// A rectangle on a PDF page in points, origin at the top left, y growing downwards (poppler's
/// `-bbox-layout` coordinates), so a reviewer can find a block or segment on the page.
public struct BoundingBox: Sendable, Hashable, Codable {
  public var x0: Double
  public var y0: Double
  public var x1: Double
  public var y1: Double

  public init(x0: Double, y0: Double, x1: Double, y1: Double) {
    self.x0 = x0
    self.y0 = y0
    self.x1 = x1
    self.y1 = y1
  }

  public var width: Double { x1 - x0 }
  public var height: Double { y1 - y0 }
  public var midX: Double { (x0 + x1) / 2 }
  public var midY: Double { (y0 + y1) / 2 }

  /// The smallest box holding both.
  public func union(_ other: BoundingBox) -> BoundingBox {
    BoundingBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
  }

  /// `[x0,y0,x1,y1]` rounded to 0.01 pt, for JSON and XLIFF metadata.
  public var jsonArray: String {
    "[\(Self.format(x0)),\(Self.format(y0)),\(Self.format(x1)),\(Self.format(y1))]"
  }

  static func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
