import ArgumentParser
import SegflowKit

/// `segflow segment FILE...`: prints one sentence per line, after reflow.
struct SegmentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segment",
    abstract: "Print one sentence per line, after line-flow repair."
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  @Argument(help: ArgumentHelp("Files or folders; - reads standard input.", valueName: "file"))
  var files: [String]

  @Option(help: "reflow: repair the line flow first; lines: every input line is one paragraph; paragraphs: blank lines separate paragraphs.")
  var layout: LayoutChoice = .reflow

  @Option(help: "text: one sentence per line; jsonl: the segment records.")
  var format: OutputFormat = .text

  func run() throws {
    var pipeline = layout.apply(to: try pipelineOptions.load()).truncated(after: "segment")
    if !pipeline.has("segment") { pipeline.stages.append(SegmentStage()) }
    try DocumentLoop.run(files, pipeline: pipeline) { document, output in
      for segment in document.segments {
        switch format {
        case .text: output.write(segment.text + "\n")
        case .jsonl: output.write(JSONLWriter.record(segment, document: document.name, geometry: document.geometryParts(of: segment)) + "\n")
        }
      }
    }
  }
}
