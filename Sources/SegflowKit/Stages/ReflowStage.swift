/// Repairs the line flow: lines become paragraphs, headings, headers and bylines.
///
/// Expects: lines. Produces: blocks. See ``Reflower`` for the rules.
public struct ReflowStage: Stage {
  public let name = "reflow"
  public var reflower: Reflower

  public init(options: ReflowOptions = ReflowOptions()) {
    reflower = Reflower(options: options)
  }

  public func run(_ document: inout Document, context: StageContext) throws(DocumentError) {
    // PDF input: blocks come from the page geometry (see PDF/LayoutPlanner.swift).
    if let layout = document.pdfLayout {
      document.blocks = LayoutBlockAssembler.blocks(layout, lines: document.lines)
      if document.blocks.isEmpty { throw DocumentError(path: document.path, message: "no text blocks in the PDF") }
      return
    }
    try Self.checkLineLengths(document.lines, textBytes: document.text.utf8.count, path: document.path)
    document.blocks = reflower.reflow(document.lines)
    if document.blocks.isEmpty {
      throw DocumentError(path: document.path, message: "no text blocks after reflow")
    }
  }

  /// Throws for the first line longer than `limit` UTF-8 bytes: a line profile keeps its counts
  /// and offsets in 32-bit fields (``LineProfile/longestLine``, 2^29 bytes), so such a line is
  /// refused with an error naming it rather than stopping the batch. (A text of `textBytes`
  /// bytes, the document's, within the limit has no such line: most documents skip the loop.)
  static func checkLineLengths(
    _ lines: [SourceLine], textBytes: Int, path: String, limit: Int = LineProfile.longestLine
  ) throws(DocumentError) {
    guard textBytes > limit else { return }
    for line in lines where line.textSlice.utf8.count > limit {
      throw DocumentError(path: path, message: "a line of \(line.textSlice.utf8.count) bytes, longer than reflow takes (\(limit) bytes)", line: line.number)
    }
  }
}
