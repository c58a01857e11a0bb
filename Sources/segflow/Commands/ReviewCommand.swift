import ArgumentParser
import Foundation
import SegflowKit

/// `segflow review FILE... --out DIR`: HTML pages for people to check the repairs.
struct ReviewCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Write an HTML review page per document and an index, to check every repair and segment.",
    discussion: """
      For a document NAME it writes DIR/NAME.html: the source lines as extracted next to the \
      repaired blocks and sentences, every join, split, removed space, block kind and sentence \
      boundary with its rule and confidence, and the doubtful ones (confidence below 0.80) listed \
      first. DIR/index.html has one row per document, failures included. The pages are static \
      and self-contained: open them in any browser, offline. A failing document is reported and \
      the others go on.
      """
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  @Argument(help: ArgumentHelp("Files or folders to review; - reads standard input.", valueName: "file"))
  var files: [String]

  @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
  var out: String

  @Option(name: .long, help: ArgumentHelp("Documents processed at once (default: the number of cores).", valueName: "n"))
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .long, help: "No summary on standard error.")
  var quiet = false

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
  }

  func run() async throws {
    // Words are not shown, so the pipeline stops after sentences (and gains them if it had none).
    var pipeline = try pipelineOptions.load().truncated(after: "segment")
    if !pipeline.has("segment") { pipeline.stages.append(SegmentStage()) }
    try OutputFolder.prepare(out)
    let collected = InputCollector().collect(files)
    for error in collected.errors { Console.error(error.description) }
    let batch = ReviewBatch(pipeline: pipeline, outputDirectory: out, jobs: jobs)
    let entries: [ReviewIndexEntry]
    do {
      entries = try await batch.run(collected.documents, inputErrors: collected.errors) { entry in
        if let message = entry.error { Console.error(message) }
      }
    } catch {
      Console.error(error.description)
      throw ExitStatus.documentFailed
    }
    let failed = entries.count { $0.error != nil }
    if !quiet {
      let doubtful = entries.reduce(0) { $0 + $1.lowConfidence }
      Console.error("segflow: reviewed \(entries.count - failed) of \(entries.count) documents, \(doubtful) doubtful decisions: \(batch.indexPath)")
    }
    if failed > 0 { throw ExitStatus.documentFailed }
  }
}
