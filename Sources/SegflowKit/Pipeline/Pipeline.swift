import Foundation

/// A validated pipeline: its stages in order, its writers and languages.
public struct Pipeline: Sendable {
  /// The file it was read from (for messages and the run summary).
  public var file: String
  /// ``ContentHash`` of the file's bytes: outputs are current only for the same pipeline.
  public var hash: String
  public var description: String
  /// BCP 47 source language, e.g. `zh`.
  public var language: String
  /// BCP 47 target language for translation files, e.g. `en`.
  public var targetLanguage: String
  public var stages: [any Stage]
  /// Writer names, e.g. `jsonl`, `xliff2`.
  public var writers: [String]

  public init(file: String, hash: String, description: String, language: String, targetLanguage: String, stages: [any Stage], writers: [String]) {
    self.file = file
    self.hash = hash
    self.description = description
    self.language = language
    self.targetLanguage = targetLanguage
    self.stages = stages
    self.writers = writers
  }

  /// Runs every stage on `document`.
  public func process(_ document: inout Document, context: StageContext) throws(DocumentError) {
    for stage in stages {
      try stage.run(&document, context: context)
      try context.checkDeadline(path: document.path, after: "stage '\(stage.name)'")
    }
  }

  /// The same pipeline with a stage replaced (used by commands that force a layout).
  public func replacing(_ name: String, with stage: any Stage) -> Pipeline {
    var copy = self
    copy.stages = stages.map { $0.name == name ? stage : $0 }
    return copy
  }

  /// The same pipeline stopped after the stage `name`.
  public func truncated(after name: String) -> Pipeline {
    var copy = self
    if let index = stages.firstIndex(where: { $0.name == name }) { copy.stages = Array(stages[...index]) }
    return copy
  }

  public func has(_ name: String) -> Bool { stages.contains { $0.name == name } }
}
