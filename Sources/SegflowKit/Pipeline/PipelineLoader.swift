import Foundation
import Yams

/// Reads and validates pipeline files (YAML). Every problem is reported with its line and
/// column, all at once, before any document is read.
public enum PipelineLoader {
  /// The pipeline file format versions this Segflow reads.
  public static let supportedVersions = [1]
  static let topLevelKeys = ["version", "description", "language", "targetLanguage", "stages", "writers"]

  /// Loads the pipeline file at `path`.
  public static func load(path: String) throws(ConfigError) -> Pipeline {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError([ConfigIssue(file: path, message: "cannot read the pipeline file (missing or unreadable)")])
    }
    guard let yaml = String(data: data, encoding: .utf8) else {
      throw ConfigError([ConfigIssue(file: path, message: "the pipeline file is not UTF-8")])
    }
    return try parse(yaml, file: path, hash: ContentHash.of(Array(data)))
  }

  /// Parses pipeline YAML; `file` names it in messages.
  public static func parse(_ yaml: String, file: String, hash: String? = nil) throws(ConfigError) -> Pipeline {
    let diagnostics = ConfigDiagnostics(file: file)
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw ConfigError([issue(for: error, file: file)])
    } catch {
      throw ConfigError([ConfigIssue(file: file, message: "not valid YAML: \(error)")])
    }
    guard let root, let top = root.mapping else {
      throw ConfigError([ConfigIssue(file: file, line: root?.mark?.line, column: root?.mark?.column, message: "a pipeline file is a mapping with the keys \(topLevelKeys.joined(separator: ", "))")])
    }
    for (key, _) in top where !topLevelKeys.contains(key.string ?? "") {
      diagnostics.error("unknown key '\(key.string ?? "?")'; valid keys: \(topLevelKeys.joined(separator: ", "))", at: key.mark)
    }

    if let version = top["version"] {
      if let number = version.int {
        if !supportedVersions.contains(number) {
          diagnostics.error("pipeline file version \(number) is not supported; this Segflow reads version \(supportedVersions.map(String.init).joined(separator: ", "))", at: version.mark)
        }
      } else {
        diagnostics.error("'version' must be a whole number", at: version.mark)
      }
    } else {
      diagnostics.error("missing 'version: 1'", at: root.mark)
    }

    let language = languageValue(top, "language", default: "zh", diagnostics)
    let targetLanguage = languageValue(top, "targetLanguage", default: "en", diagnostics)
    let description = top["description"]?.string ?? ""

    var stages: [any Stage] = []
    var produced: Set<String> = []
    if let stagesNode = top["stages"] {
      if let sequence = stagesNode.sequence {
        for entry in sequence {
          guard let (name, options, mark) = stageEntry(entry, diagnostics) else { continue }
          guard let descriptor = StageRegistry.descriptor(named: name) else {
            diagnostics.error("unknown stage '\(name)'; valid stages: \(StageRegistry.all.map(\.name).joined(separator: ", "))", at: mark)
            continue
          }
          for need in descriptor.requires where !produced.contains(need) {
            let maker = StageRegistry.all.first { $0.produces.contains(need) }?.name ?? "?"
            diagnostics.error("stage '\(name)' needs \(need), which no earlier stage produces; put '\(maker)' before it", at: mark)
          }
          produced.formUnion(descriptor.produces)
          let reader = OptionReader(options, owner: "stage '\(name)'", diagnostics: diagnostics)
          stages.append(descriptor.make(reader))
          reader.finish()
        }
        if sequence.count == 0 { diagnostics.error("'stages' is empty; a pipeline needs at least decode", at: stagesNode.mark) }
      } else {
        diagnostics.error("'stages' must be a list", at: stagesNode.mark)
      }
    } else {
      diagnostics.error("missing 'stages'", at: root.mark)
    }

    var writers: [String] = []
    if let writersNode = top["writers"] {
      if let sequence = writersNode.sequence {
        for entry in sequence {
          guard let name = entry.scalar?.string else {
            diagnostics.error("a writer is named by a string", at: entry.mark)
            continue
          }
          if WriterRegistry.writer(named: name) == nil {
            diagnostics.error("unknown writer '\(name)'; valid writers: \(WriterRegistry.names.joined(separator: ", "))", at: entry.mark)
          } else if let writer = WriterRegistry.writer(named: name), !writer.requires.isSubset(of: produced) {
            diagnostics.error("writer '\(name)' needs \(writer.requires.sorted().joined(separator: ", ")); add the stages that produce them", at: entry.mark)
          } else {
            writers.append(name)
          }
        }
      } else {
        diagnostics.error("'writers' must be a list such as [jsonl, xliff2]", at: writersNode.mark)
      }
    } else {
      writers = ["jsonl", "xliff2"].filter { WriterRegistry.writer(named: $0)!.requires.isSubset(of: produced) }
    }

    if !diagnostics.issues.isEmpty { throw ConfigError(diagnostics.issues) }
    return Pipeline(
      file: file, hash: hash ?? ContentHash.of(Array(yaml.utf8)), description: description,
      language: language, targetLanguage: targetLanguage, stages: stages, writers: writers)
  }

  /// `- decode`, `- reflow: {…}` or `- reflow:` with nested options.
  static func stageEntry(_ entry: Node, _ diagnostics: ConfigDiagnostics) -> (String, Node?, Mark?)? {
    if let name = entry.scalar?.string { return (name, nil, entry.mark) }
    if let map = entry.mapping, map.count == 1, let (key, value) = map.first(where: { _ in true }), let name = key.string {
      return (name, value, key.mark)
    }
    diagnostics.error("a stage is a name (`- segment`) or a name with options (`- reflow: {layout: columns}`)", at: entry.mark)
    return nil
  }

  static func languageValue(_ top: Node.Mapping, _ key: String, default fallback: String, _ diagnostics: ConfigDiagnostics) -> String {
    guard let node = top[key] else { return fallback }
    guard let tag = node.string, Language.isWellFormed(tag) else {
      diagnostics.error("'\(key)' must be a BCP 47 language tag such as zh, zh-Hant, en, ja", at: node.mark)
      return fallback
    }
    return tag
  }

  static func issue(for error: YamlError, file: String) -> ConfigIssue {
    switch error {
    case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
      return ConfigIssue(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
    default:
      return ConfigIssue(file: file, message: "not valid YAML: \(error)")
    }
  }
}
