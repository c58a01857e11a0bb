/// The review page of a document (`NAME.html`): source lines next to repaired blocks and
/// sentences, with every decision's rule and confidence. See ``ReviewPage``.
///
/// Needs blocks only; without a segment stage the page shows no sentence boundaries.
public struct ReviewWriter: SegmentWriter {
  public let name = "review"
  public let fileSuffix = ".html"
  public let requires: Set<String> = []

  public init() {}

  public func render(_ document: Document, context: WriterContext) throws -> String {
    ReviewPage().render(document)
  }
}
