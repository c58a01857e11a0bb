import ArgumentParser
import Foundation
import SegflowKit

/// `segflow merge --xliff TRANSLATED.xlf --out TARGET.txt`: the translated document.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Rebuild the target document from a translated XLIFF 2, XLIFF 1.2 or PO file.",
    discussion: """
      Writes one block per line in source order (the layout `segflow reflow` prints), each \
      translated segment in place of its source segment. Untranslated segments are listed on \
      standard error; with --keep-source they stay in the source language, otherwise nothing is \
      written and the exit status is 1. With --original, the blocks come from the source \
      document (processed with --pipeline), and every id must name one of its segments.
      """
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  @Option(name: .long, help: ArgumentHelp("The translated file: XLIFF 2.x, XLIFF 1.2 or PO (detected by content).", valueName: "file"))
  var xliff: String

  @Option(name: .long, help: ArgumentHelp("The source document the file was exported from.", valueName: "file"))
  var original: String?

  @Option(name: .long, help: ArgumentHelp("The target document to write.", valueName: "file"))
  var out: String

  @Flag(name: .long, help: "Keep untranslated segments in the source language instead of failing.")
  var keepSource = false

  func run() throws {
    var originalDocument: Document?
    if let original {
      let pipeline = try pipelineOptions.load()
      let collected = InputCollector().collect([original])
      guard let input = collected.documents.first, collected.documents.count == 1, collected.errors.isEmpty else {
        for error in collected.errors { Console.error(error.description) }
        if collected.errors.isEmpty { Console.error("\(original): error: --original names one document, not a folder of them") }
        throw ExitStatus.documentFailed
      }
      do {
        var document = try DocumentReader.load(input, language: pipeline.language)
        try pipeline.process(&document, context: StageContext())
        originalDocument = document
      } catch {
        Console.error(error.description)
        throw ExitStatus.documentFailed
      }
    }
    do {
      let file = try TranslationFile.read(path: xliff)
      guard file.format != .tmx else {
        throw DocumentError(path: xliff, message: "a TMX file is a translation memory, not a translated document; use `segflow import-tmx`")
      }
      let merged = try Merger(keepSource: true).merge(file, original: originalDocument)
      if !merged.untranslated.isEmpty {
        let shown = merged.untranslated.prefix(20).joined(separator: ", ") + (merged.untranslated.count > 20 ? ", …" : "")
        Console.error("\(xliff): \(keepSource ? "warning" : "error"): \(merged.untranslated.count) of \(merged.segments) segments have no translation: \(shown)")
        guard keepSource else {
          Console.error("segflow: nothing written; translate them or pass --keep-source to keep them in the source language")
          throw ExitStatus.documentFailed
        }
      }
      try AtomicFile.write(merged.text, to: out)
    } catch let error as DocumentError {
      Console.error(error.description)
      throw ExitStatus.documentFailed
    }
  }
}
