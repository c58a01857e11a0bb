import ArgumentParser
import SegflowKit

/// `segflow validate FILE...`: checks pipeline files without reading any document.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check pipeline files: every problem with its line and column."
  )

  @Argument(help: ArgumentHelp("Pipeline files.", valueName: "pipeline"))
  var files: [String]

  func run() throws {
    var bad = false
    for file in files {
      do {
        let pipeline = try PipelineLoader.load(path: file)
        Console.out("\(file): ok: \(pipeline.stages.map(\.name).joined(separator: " → ")); writers: \(pipeline.writers.joined(separator: ", "))\n")
      } catch {
        Console.error(error.description)
        bad = true
      }
    }
    if bad { throw ExitStatus.usage }
  }
}
