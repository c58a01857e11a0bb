import Foundation
import ArgumentParser
import SegflowKit

/// `segflow reflow FILE...`: prints the repaired blocks, one per line.
struct ReflowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reflow",
    abstract: "Print the repaired blocks (paragraphs, headings, headers, bylines), one per line.",
    discussion: "With --explain, each block is followed by the decisions that shaped it: the rule, its confidence and the source line."
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  @Argument(help: ArgumentHelp("Files or folders; - reads standard input.", valueName: "file"))
  var files: [String]

  @Option(help: "text: one block per line; jsonl: {\"kind\", \"text\", \"source\"} per block.")
  var format: OutputFormat = .text

  @Flag(help: "Show, for each block, every join, split, removed space and kind decision with its rule.")
  var explain = false

  func run() throws {
    let pipeline = try pipelineOptions.load().truncated(after: "reflow")
    try DocumentLoop.run(files, pipeline: pipeline) { document, output in
      for block in document.blocks {
        switch format {
        case .jsonl:
          output.write(BlockRecord.json(block, offsetMap: document.offsetMap, path: document.path) + "\n")
        case .text:
          output.write(block.text + "\n")
        }
        if explain {
          for decision in block.decisions {
            output.write("    # \(decision.action.rawValue) \(decision.rule) (\(String(format: "%.2f", decision.confidence))) line \(decision.line): \(decision.detail)\n")
          }
          if format == .text {
            output.write("    # kind \(block.kind.rawValue), lines \(block.lines.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "?")\n")
          }
        }
      }
    }
  }
}

/// A block as `{"kind", "text", "source"}` (source: path, lines, and the span).
enum BlockRecord {
  static func json(_ block: Block, offsetMap: OffsetMap, path: String) -> String {
    let locator = SourceLocator(block: block, offsetMap: offsetMap)
    let span = locator.span(0..<block.text.utf8.count)
    let source = "{\"end\":{\"byte\":\(span.end.byte),\"column\":\(span.end.column),\"line\":\(span.end.line)},\"path\":\(JSONText.quoted(path)),\"start\":{\"byte\":\(span.start.byte),\"column\":\(span.start.column),\"line\":\(span.start.line)}}"
    // PDF input: page and box on the page (keys stay sorted).
    let bbox = block.box.map { "\"bbox\":\($0.jsonArray)," } ?? ""
    let page = block.page.map { "\"page\":\($0)," } ?? ""
    return "{\(bbox)\"kind\":\"\(block.kind.rawValue)\",\(page)\"source\":\(source),\"text\":\(JSONText.quoted(block.text))}"
  }
}
