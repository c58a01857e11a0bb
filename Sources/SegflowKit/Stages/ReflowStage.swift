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
    document.blocks = reflower.reflow(document.lines)
    if document.blocks.isEmpty {
      throw DocumentError(path: document.path, message: "no text blocks after reflow")
    }
  }
}
