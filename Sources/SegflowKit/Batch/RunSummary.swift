import Foundation

/// The summary of a batch run, written as `run.json` next to the outputs.
public struct RunSummary: Sendable {
  public var pipeline: Pipeline
  public var results: [DocumentResult]
  /// Inputs refused before processing (missing files, empty folders, clashing names).
  public var inputErrors: [DocumentError]
  public var seconds: Double
  public var jobs: Int

  public init(pipeline: Pipeline, results: [DocumentResult], inputErrors: [DocumentError], seconds: Double, jobs: Int) {
    self.pipeline = pipeline
    self.results = results
    self.inputErrors = inputErrors
    self.seconds = seconds
    self.jobs = jobs
  }

  public var failures: [DocumentError] { inputErrors + results.compactMap(\.error) }
  public var succeeded: Int { results.count { $0.error == nil } }
  /// Documents whose outputs were already current.
  public var skipped: Int { results.count { $0.skipped } }
  public var segments: Int { results.reduce(0) { $0 + $1.segments } }
  public var characters: Int { results.reduce(0) { $0 + $1.characters } }
  public var bytes: Int { results.reduce(0) { $0 + $1.bytes } }
  /// Counts over the documents that succeeded.
  public var counts: TextCounts { results.filter { $0.error == nil }.reduce(TextCounts()) { $0 + $1.counts } }
  public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }

  /// `run.json`: figures, failures with reasons, the pipeline's hash and Segflow's version.
  public func json() -> String {
    let failures = failures.map { "{\"error\":\(JSONText.quoted($0.message)),\"path\":\(JSONText.quoted($0.path))\($0.byte.map { ",\"byte\":\($0)" } ?? "")\($0.line.map { ",\"line\":\($0)" } ?? "")}" }
    let documents = results.map { result in
      "{\"blocks\":\(result.blocks),\"bytes\":\(result.bytes),\"characters\":\(result.characters),\"counts\":\(result.counts.json),\"name\":\(JSONText.quoted(result.input.name)),\"ok\":\(result.error == nil),\"outputs\":[\(result.outputs.map(JSONText.quoted).joined(separator: ","))],\"path\":\(JSONText.quoted(result.input.path)),\"segments\":\(result.segments),\"skipped\":\(result.skipped),\"warnings\":[\(result.warnings.map(JSONText.quoted).joined(separator: ","))]}"
    }
    return """
      {
        "bytes": \(bytes),
        "characters": \(characters),
        "countMethod": \(JSONText.quoted(TextCounts.method)),
        "counts": \(counts.json),
        "documents": \(results.count + inputErrors.count),
        "failed": \(failures.count),
        "failures": [\(failures.joined(separator: ", "))],
        "files": [
          \(documents.joined(separator: ",\n    "))
        ],
        "jobs": \(jobs),
        "megabytesPerSecond": \(String(format: "%.3f", megabytesPerSecond)),
        "pipeline": {"file": \(JSONText.quoted(pipeline.file)), "hash": \(JSONText.quoted(pipeline.hash))},
        "seconds": \(String(format: "%.3f", seconds)),
        "segflowVersion": \(JSONText.quoted(Segflow.version)),
        "segments": \(segments),
        "skipped": \(skipped),
        "succeeded": \(succeeded)
      }

      """
  }

  /// The short human summary printed on standard error.
  public var humanSummary: String {
    let status = failures.isEmpty ? "ok" : "\(failures.count) failed"
    let reused = skipped > 0 ? " (\(skipped) already current)" : ""
    return "segflow: \(succeeded) of \(results.count + inputErrors.count) documents\(reused), \(segments) segments, \(characters) characters in \(String(format: "%.2f", seconds)) s (\(String(format: "%.1f", megabytesPerSecond)) MB/s): \(status)"
  }
}
