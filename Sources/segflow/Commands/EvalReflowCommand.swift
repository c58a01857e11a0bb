import ArgumentParser
import Foundation
import SegflowKit

/// `segflow eval reflow DIR...`: scores line-flow repair on (input, gold) pairs.
struct EvalReflowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reflow",
    abstract: "Score line-flow repair on folders of NAME.txt + NAME.gold.jsonl (or NAME.unwrapped.txt) pairs.",
    discussion: """
      Block corpora (NAME.gold.jsonl): exact block match, block-boundary precision/recall/F1, \
      spurious and missing spaces (between CJK characters and elsewhere), character error rate \
      and kind accuracy. Unwrapped corpora (NAME.unwrapped.txt, one paragraph a line, as UD \
      ships its hard-wrapped NAME.txt): how many characters and paragraphs differ, and splits \
      that fall inside a sentence. Exits with 1 when --min-f1/--min-exact are not met.
      """
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  @Argument(help: ArgumentHelp("Folders holding the pairs.", valueName: "dir"))
  var directories: [String]

  @Flag(help: "Print every gold block that was not reproduced, with the predicted blocks over it.")
  var showErrors = false

  @Option(help: "Fail (exit 1) when block-boundary F1 is lower.")
  var minF1: Double?

  @Option(help: "Fail (exit 1) when the exact block match rate is lower.")
  var minExact: Double?

  @Option(help: ArgumentHelp("Write the edges reflow decided, with their features, gold label and whether the edge model is asked about them, as TSV (scripts/train-reflow-model reads it).", valueName: "file"))
  var features: String?

  func run() throws {
    let evaluation = ReflowEvaluation(pipeline: try pipelineOptions.load())
    var blocks = ReflowScore(), unwrapped = ReflowScore()
    var insideSentences = 0
    var seconds = 0.0, bytes = 0, failed = 0
    var table: FileHandle?
    if let features {
      guard FileManager.default.createFile(atPath: features, contents: nil), let handle = FileHandle(forWritingAtPath: features) else {
        Console.error("\(features): error: cannot write the file")
        throw ExitStatus.usage
      }
      handle.write(Data((Self.edgeHeader + "\n").utf8))
      table = handle
    }
    defer { try? table?.close() }
    for directory in directories {
      let corpus: ReflowCorpus
      do { corpus = try ReflowCorpus(directory: directory) } catch {
        Console.error(error.description)
        throw ExitStatus.usage
      }
      for pair in corpus.pairs {
        do {
          let result = try evaluation.evaluate(pair)
          seconds += result.seconds
          bytes += result.bytes
          switch pair.gold {
          case .blocks: blocks += result.score
          case .unwrapped:
            unwrapped += result.score
            insideSentences += result.splitsInsideSentences
          }
          if showErrors { Console.out(Self.describe(result)) }
          if let table { table.write(Data(Self.edgeRows(try evaluation.edges(pair), document: pair.name).utf8)) }
        } catch {
          Console.error(error.description)
          failed += 1
        }
      }
    }
    var out = ""
    if blocks.documents > 0 {
      out += Self.report(blocks)
    }
    if unwrapped.documents > 0 {
      out += """
        unwrapped text (\(unwrapped.documents) documents, \(unwrapped.goldCharacters) characters)
          characters differing:   \(unwrapped.editDistance) (spaces added \(unwrapped.spuriousCJKSpaces + unwrapped.spuriousOtherSpaces), removed \(unwrapped.missingCJKSpaces + unwrapped.missingOtherSpaces); documents with changed non-space characters \(unwrapped.characterMismatches))
          paragraphs:             \(unwrapped.goldBlocks) gold, \(unwrapped.predictedBlocks) repaired, \(unwrapped.exactBlocks) identical
          splits inside sentences: \(insideSentences)

        """
    }
    let documents = blocks.documents + unwrapped.documents
    if documents == 0 && failed == 0 {
      // Nothing scored must not read as a pass (an empty F1 is never below --min-f1).
      Console.error("\(directories.joined(separator: ", ")): error: no pairs to score (NAME.txt with NAME.gold.jsonl or NAME.unwrapped.txt)")
      throw ExitStatus.usage
    }
    if documents > 0 && seconds > 0 {
      out += String(format: "speed: %d documents in %.3f s: %.0f docs/s, %.2f MB/s\n", documents, seconds, Double(documents) / seconds, Double(bytes) / seconds / 1e6)
    }
    Console.out(out)
    if failed > 0 { throw ExitStatus.documentFailed }
    if let minF1, blocks.boundaryF1 < minF1 { throw ExitStatus.documentFailed }
    if let minExact, blocks.exactRate < minExact { throw ExitStatus.documentFailed }
  }

  static func report(_ s: ReflowScore) -> String {
    func f(_ value: Double) -> String { String(format: "%.4f", value) }
    return """
      blocks (\(s.documents) documents, \(s.goldBlocks) gold blocks, \(s.predictedBlocks) repaired)
        exact block match:      \(f(s.exactRate)) (\(s.exactBlocks)/\(s.goldBlocks))
        boundary precision:     \(f(s.boundaryPrecision)) (\(s.boundaryHits)/\(s.boundaryPredicted))
        boundary recall:        \(f(s.boundaryRecall)) (\(s.boundaryHits)/\(s.boundaryGold))
        boundary F1:            \(f(s.boundaryF1))
        spurious spaces:        \(s.spuriousCJKSpaces) between CJK, \(s.spuriousOtherSpaces) elsewhere
        missing spaces:         \(s.missingCJKSpaces) between CJK, \(s.missingOtherSpaces) elsewhere
        character error rate:   \(String(format: "%.5f", s.characterErrorRate)) (\(s.editDistance) insertions+deletions / \(s.goldCharacters))
        kind accuracy:          \(f(s.kindAccuracy)) (\(s.kindMatches)/\(s.kindCompared) blocks with the gold extent)
        documents with changed characters: \(s.characterMismatches)

      """
  }

  /// Columns of the --features table: where the edge is, its gold label, the rules' and the
  /// final decision, then the features.
  static var edgeHeader: String {
    (["document", "line", "offset", "asked", "label", "rule", "ruleSplit", "split"] + ReflowEvaluation.featureNames).joined(separator: "\t")
  }

  static func edgeRows(_ edges: [ReflowEvaluation.Edge], document: String) -> String {
    var out = ""
    for edge in edges {
      var fields = [document, String(edge.line), String(edge.offset), edge.asked ? "1" : "0", edge.isBoundary ? "1" : "0", edge.rule, edge.ruleSplits ? "1" : "0", edge.splits ? "1" : "0"]
      // Whole numbers without a fraction; others in Swift's shortest round-trip form, which
      // Python's float() reads back to the same double.
      fields += edge.features.map { $0 == $0.rounded() && abs($0) < 1e9 ? String(Int($0)) : String($0) }
      out += fields.joined(separator: "\t") + "\n"
    }
    return out
  }

  static func describe(_ result: ReflowEvaluation.Result) -> String {
    var out = ""
    for error in result.errors {
      out += "\(result.pair.name): gold \(error.gold.kind.rawValue): \(error.gold.text)\n"
      if error.predicted.isEmpty { out += "    repaired: (nothing)\n" }
      for block in error.predicted { out += "    repaired \(block.kind.rawValue): \(block.text)\n" }
    }
    return out
  }
}
