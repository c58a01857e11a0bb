import ArgumentParser
import Foundation
import SegflowKit

/// `segflow run INPUT... --out DIR`: the batch job.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Process documents and write segment files (JSONL, XLIFF, …) and run.json into a folder.",
    discussion: """
      INPUT is files or folders (searched recursively for *.txt). For a document NAME it writes \
      DIR/NAME.segments.jsonl and DIR/NAME.xlf (the pipeline's writers), and DIR/run.json with \
      figures and failures. A failing document is reported and the others go on.
      """
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  @Argument(help: ArgumentHelp("Files or folders to process; - reads standard input.", valueName: "input"))
  var inputs: [String]

  @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
  var out: String

  @Option(name: .long, help: ArgumentHelp("Comma-separated writers (\(WriterRegistry.names.joined(separator: ", "))); default: the pipeline's.", valueName: "list"))
  var writers: String?

  @Option(name: .long, help: ArgumentHelp("Documents, and chunks of a large document, processed at once (default: the number of cores).", valueName: "n"))
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .long, help: "No progress line and no summary on standard error.")
  var quiet = false

  @Flag(name: .long, help: "Redo every document, even those whose outputs are current (see manifest.jsonl).")
  var force = false

  @Option(name: .long, help: "text: messages for people; json: one JSON object per document and a summary, on standard error.")
  var logFormat: LogFormat = .text

  @Option(name: .long, help: ArgumentHelp("Documents over twice this size (KB) are processed in chunks of about this size, in bounded memory, with the same outputs; 0 processes every document whole.", valueName: "kb"))
  var chunkKb: Int = 512

  @Option(name: .long, help: ArgumentHelp("Fail documents larger than this many megabytes (reported, the batch goes on).", valueName: "mb"))
  var maxMb: Double?

  @Option(name: .long, help: ArgumentHelp("Fail documents still running after this many seconds (checked between stages and chunks).", valueName: "seconds"))
  var timeout: Double?

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    guard chunkKb >= 0 else { throw ValidationError("--chunk-kb must be 0 or more") }
    if let maxMb, maxMb <= 0 { throw ValidationError("--max-mb must be more than 0") }
    if let timeout, timeout <= 0 { throw ValidationError("--timeout must be more than 0") }
  }

  func run() async throws {
    let pipeline = try pipelineOptions.load()
    let chosen = try WriterChoice.choose(writers, pipeline: pipeline)
    try OutputFolder.prepare(out)

    let collected = InputCollector().collect(inputs)
    if logFormat == .text { for error in collected.errors { Console.error(error.description) } }
    let json = logFormat == .json
    if json { for error in collected.errors { Console.error(LogRecord.failure(error)) } }
    let progress = ProgressLine(total: collected.documents.count, enabled: !quiet && !json && Console.stderrIsTerminal)
    let started = Date()
    AtomicFile.removeStale(in: out)
    let manifest = Manifest(folder: out, fresh: force)
    var runner = BatchRunner(pipeline: pipeline, outputDirectory: out, writers: chosen, jobs: jobs, manifest: manifest, chunkBytes: chunkKb > 0 ? chunkKb * 1024 : nil)
    runner.maxBytes = maxMb.map { Int($0 * 1_000_000) }
    runner.timeLimit = timeout.map { .milliseconds(Int($0 * 1000)) }
    let results = await runner.run(collected.documents) { result in
      if json {
        Console.error(LogRecord.document(result))
      } else {
        if let error = result.error {
          progress.clearLine()
          Console.error(error.description)
        }
        if !result.warnings.isEmpty && !quiet {
          progress.clearLine()
          for warning in result.warnings { Console.error(warning) }
        }
      }
      progress.advance(result)
    }
    progress.finish()
    let summary = RunSummary(pipeline: pipeline, results: results, inputErrors: collected.errors, seconds: Date().timeIntervalSince(started), jobs: jobs)
    do {
      try AtomicFile.write(summary.json(), to: (out as NSString).appendingPathComponent("run.json"))
    } catch {
      Console.error(error.description)
      throw ExitStatus.documentFailed
    }
    if json {
      Console.error(LogRecord.summary(summary))
    } else if !quiet {
      Console.error(summary.humanSummary)
    }
    if !summary.failures.isEmpty { throw ExitStatus.documentFailed }
  }
}
