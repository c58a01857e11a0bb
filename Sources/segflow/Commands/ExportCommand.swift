import ArgumentParser
import Foundation
import SegflowKit

/// `segflow export INPUT --out DIR --writers LIST [--translations FILE]`: one document's
/// translation files, with translations from a translated file filled in (for example a TMX
/// with targets made from a translated XLIFF).
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write one document's translation files, optionally with the translations of a translated file.",
    discussion: """
      Writes DIR/NAME.xlf, NAME.v12.xlf, NAME.tmx, … like `segflow run`. With --translations \
      (XLIFF 2, XLIFF 1.2, PO or TMX, detected by content) every translated segment gets its \
      target; every id in that file must name a segment of INPUT with the same source text.
      """
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  @Argument(help: ArgumentHelp("The source document.", valueName: "input"))
  var input: String

  @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
  var out: String

  @Option(name: .long, help: ArgumentHelp("Comma-separated writers (\(WriterRegistry.names.joined(separator: ", "))); default: the pipeline's.", valueName: "list"))
  var writers: String?

  @Option(name: .long, help: ArgumentHelp("A translated XLIFF 2, XLIFF 1.2, PO or TMX file of INPUT.", valueName: "file"))
  var translations: String?

  func run() throws {
    let pipeline = try pipelineOptions.load()
    let chosen = try WriterChoice.choose(writers, pipeline: pipeline)
    let collected = InputCollector().collect([input])
    guard let source = collected.documents.first, collected.documents.count == 1, collected.errors.isEmpty else {
      for error in collected.errors { Console.error(error.description) }
      if collected.errors.isEmpty { Console.error("\(input): error: export takes one document, not a folder of them") }
      throw ExitStatus.documentFailed
    }
    do throws(DocumentError) {
      var document = try DocumentReader.load(source, language: pipeline.language)
      try pipeline.process(&document, context: StageContext())
      let targets = try translations.map { path throws(DocumentError) in try TranslationFile.read(path: path).targets(for: document) } ?? [:]
      let context = WriterContext(sourceLanguage: pipeline.language, targetLanguage: pipeline.targetLanguage, targets: targets)
      _ = try BatchRunner.write(document, name: source.name, writers: chosen, context: context, outputDirectory: out)
      if translations != nil {
        Console.error("segflow: \(targets.count) of \(document.segments.count) segments translated")
      }
    } catch {
      Console.error(error.description)
      throw ExitStatus.documentFailed
    }
  }
}
