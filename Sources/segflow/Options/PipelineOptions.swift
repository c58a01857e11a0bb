import ArgumentParser
import Foundation
import SegflowKit

/// `--pipeline` and `--lang`, shared by every command that processes documents.
struct PipelineOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Pipeline file (YAML).", valueName: "file"))
  var pipeline: String = DefaultPipeline.path

  @Option(name: .long, help: ArgumentHelp("Source language (BCP 47), overriding the pipeline's.", valueName: "tag"))
  var lang: String?

  /// Loads and validates the pipeline, printing every problem and exiting with 2 if any.
  func load() throws -> Pipeline {
    var loaded: Pipeline
    do {
      if pipeline == DefaultPipeline.path && !FileManager.default.fileExists(atPath: pipeline) {
        loaded = try PipelineLoader.parse(DefaultPipeline.yaml, file: "(built-in \(DefaultPipeline.path))")
      } else {
        loaded = try PipelineLoader.load(path: pipeline)
      }
    } catch {
      Console.error(error.description)
      throw ExitStatus.usage
    }
    if let lang {
      guard Language.isWellFormed(lang) else {
        Console.error("segflow: error: --lang '\(lang)' is not a BCP 47 language tag such as zh, zh-Hant, en, ja")
        throw ExitStatus.usage
      }
      loaded.language = lang
    }
    return loaded
  }
}
