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
    document.blocks = reflower.reflow(document.lines)
    if document.blocks.isEmpty {
      throw DocumentError(path: document.path, message: "no text blocks after reflow")
    }
  }
}
