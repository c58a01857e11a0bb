import ArgumentParser
import Foundation
import SegflowKit

/// `segflow`: repairs extracted documents and writes aligned segment files for translation.
@main
struct SegflowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segflow",
    abstract: "Repair the line flow of extracted documents and write aligned segment files for translation.",
    discussion: """
      Exit status: 0 when every document succeeded, 1 when any document failed, 2 for a bad \
      command line or pipeline file.
      """,
    version: Segflow.version,
    subcommands: [RunCommand.self, ReflowCommand.self, SegmentCommand.self, TokenizeCommand.self, StreamCommand.self, ReviewCommand.self, MergeCommand.self, ImportTMXCommand.self, ExportCommand.self, ValidateCommand.self, ListStagesCommand.self, EvalCommand.self]
  )

  /// Usage errors exit with 2 (ArgumentParser's default is 64).
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}
