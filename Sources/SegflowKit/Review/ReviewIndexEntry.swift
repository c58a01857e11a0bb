/// One row of the batch index: a document's figures and its page, or why it failed.
public struct ReviewIndexEntry: Sendable, Hashable {
  public var name: String
  /// The input path as the user gave it.
  public var path: String
  /// The page's path relative to the index (`NAME.html`); nil when the document failed.
  public var page: String?
  public var blocks = 0
  public var segments = 0
  /// Non-space characters of the segments.
  public var characters = 0
  public var decisions = 0
  /// Decisions below ``ReviewReport/lowConfidence``.
  public var lowConfidence = 0
  /// Warnings the stages raised about the document.
  public var warnings = 0
  /// Why the document failed (compiler-style message); nil when it succeeded.
  public var error: String?

  public init(name: String, path: String, error: String? = nil) {
    self.name = name
    self.path = path
    self.error = error
  }

  /// The row for a processed document and its page.
  public init(document: Document, report: ReviewReport, page: String) {
    self.name = document.name
    self.path = document.path
    self.page = page
    self.blocks = document.blocks.count
    self.segments = document.segments.count
    self.characters = ReviewPage.characters(document)
    self.decisions = report.items.count
    self.lowConfidence = report.lowConfidenceItems.count
    self.warnings = document.warnings.count
  }
}
