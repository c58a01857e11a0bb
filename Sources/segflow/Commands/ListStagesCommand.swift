import ArgumentParser
import SegflowKit

/// `segflow list-stages`: the stages and writers a pipeline file can name, with their options.
struct ListStagesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list-stages",
    abstract: "List the stages and writers a pipeline file can use, with their options."
  )

  func run() throws {
    var text = ""
    for stage in StageRegistry.all {
      text += "\(stage.name): \(stage.summary)\n"
      for option in stage.options {
        text += "    \(option.key) (\(option.type), default \(option.defaultValue)): \(option.summary)\n"
      }
    }
    text += "\nwriters: \(WriterRegistry.all.map { "\($0.name) (NAME\($0.fileSuffix))" }.joined(separator: ", "))\n"
    Console.out(text)
  }
}
