import ArgumentParser
import Foundation
import SegflowKit

/// `segflow import-tmx FILE.tmx [--out FILE.jsonl]`: a TM as segment records.
struct ImportTMXCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-tmx",
    abstract: "Read a TMX file into segment records (JSON Lines: id, source, target, languages)."
  )

  @Argument(help: ArgumentHelp("The TMX file.", valueName: "file"))
  var file: String

  @Option(name: .long, help: ArgumentHelp("Write the records here instead of standard output.", valueName: "file"))
  var out: String?

  func run() throws {
    do {
      let read = try TranslationFile.read(path: file)
      guard read.format == .tmx else {
        throw DocumentError(path: file, message: "not a TMX file (it reads as \(read.format.rawValue))")
      }
      let text = RecordJSON.lines(read)
      if let out { try AtomicFile.write(text, to: out) } else { Console.out(text) }
    } catch let error as DocumentError {
      Console.error(error.description)
      throw ExitStatus.documentFailed
    }
  }
}
