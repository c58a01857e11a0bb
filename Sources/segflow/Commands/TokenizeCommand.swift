import ArgumentParser
import SegflowKit

/// `segflow tokenize FILE...`: one sentence per line, words separated by single spaces.
struct TokenizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokenize",
    abstract: "Print one sentence per line with its words separated by single spaces.",
    discussion: """
      With --layout lines, output line n holds the words of input line n (empty lines kept), so \
      the output can be scored line by line, e.g. by the SIGHAN scorer.
      """
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  @Argument(help: ArgumentHelp("Files or folders; - reads standard input.", valueName: "file"))
  var files: [String]

  @Option(help: "reflow: repair the line flow first; lines: one output line per input line; paragraphs: blank lines separate paragraphs.")
  var layout: LayoutChoice = .reflow

  @Option(help: "text: words separated by spaces; jsonl: the segment records with their words.")
  var format: OutputFormat = .text

  func run() throws {
    var pipeline = layout.apply(to: try pipelineOptions.load()).truncated(after: "tokenize")
    if !pipeline.has("segment") { pipeline.stages.append(SegmentStage()) }
    if !pipeline.has("tokenize") { pipeline.stages.append(TokenizeStage()) }
    let byLine = layout == .lines
    try DocumentLoop.run(files, pipeline: pipeline) { document, output in
      if format == .jsonl {
        for segment in document.segments { output.write(JSONLWriter.record(segment, document: document.name, geometry: document.geometryParts(of: segment)) + "\n") }
        return
      }
      guard byLine else {
        for segment in document.segments { output.write(Self.words(segment) + "\n") }
        return
      }
      // One output line per input line: the words of every segment that starts on it.
      var lineWords: [Int: [String]] = [:]
      for segment in document.segments {
        lineWords[segment.source.start.line, default: []].append(Self.words(segment))
      }
      for line in document.lines {
        output.write((lineWords[line.number] ?? []).joined(separator: " ") + "\n")
      }
    }
  }

  static func words(_ segment: Segment) -> String {
    (segment.words ?? []).joined(separator: " ")
  }
}
