import ArgumentParser
import SegflowKit

/// Runs a pipeline over the files of a printing command (`reflow`, `segment`, `tokenize`) one
/// after another: errors go to standard error, the others go on, and the exit code tells.
enum DocumentLoop {
  static func run(_ files: [String], pipeline: Pipeline, _ body: (Document, inout OutputBuffer) -> Void) throws {
    let collected = InputCollector().collect(files)
    var failed = collected.errors.count
    for error in collected.errors { Console.error(error.description) }
    let context = StageContext()
    var output = OutputBuffer()
    for input in collected.documents {
      do throws(DocumentError) {
        var document = try DocumentReader.load(input, language: pipeline.language)
        try pipeline.process(&document, context: context)
        body(document, &output)
        if !document.warnings.isEmpty {
          output.flush()
          for warning in document.warnings { Console.error(warning) }
        }
      } catch {
        output.flush()
        Console.error(error.description)
        failed += 1
      }
    }
    output.flush()
    if failed > 0 { throw ExitStatus.documentFailed }
  }
}

/// `--format`, for commands that print text or JSON Lines.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, jsonl
}

/// `--layout`, for commands that can skip line-flow repair.
enum LayoutChoice: String, ExpressibleByArgument, CaseIterable {
  /// The pipeline's reflow (column repair by default).
  case reflow
  /// Every input line is one paragraph, verbatim.
  case lines
  /// Blank lines separate paragraphs.
  case paragraphs

  func apply(to pipeline: Pipeline) -> Pipeline {
    var options = ReflowOptions()
    switch self {
    case .reflow: return pipeline
    case .lines: options.layout = .lines
    case .paragraphs: options.layout = .paragraphs
    }
    return pipeline.replacing("reflow", with: ReflowStage(options: options))
  }
}
