import Foundation
import SegflowKit

/// `--writers LIST` (a comma list) or, without it, the pipeline file's writers.
enum WriterChoice {
  /// The writers to use; an unknown name, a writer whose layers the pipeline does not produce,
  /// or no writer at all is a usage error (exit 2) with a message.
  static func choose(_ list: String?, pipeline: Pipeline) throws -> [any SegmentWriter] {
    let names = list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? pipeline.writers
    var chosen: [any SegmentWriter] = []
    for name in names {
      guard let writer = WriterRegistry.writer(named: name) else {
        Console.error("segflow: error: unknown writer '\(name)'; valid writers: \(WriterRegistry.names.joined(separator: ", "))")
        throw ExitStatus.usage
      }
      guard pipeline.has("segment") || !writer.requires.contains("segments") else {
        Console.error("segflow: error: writer '\(name)' needs segments, but \(pipeline.file) has no segment stage")
        throw ExitStatus.usage
      }
      chosen.append(writer)
    }
    guard !chosen.isEmpty else {
      Console.error("segflow: error: no writers: name some with --writers or in the pipeline file")
      throw ExitStatus.usage
    }
    return chosen
  }
}
