import Foundation
import Testing

@testable import SegflowKit

@Suite struct PipelineLoaderTests {
  static let pipelineFiles: [String] = {
    let folder = Fixtures.path("pipelines")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
  }()

  @Test("every file in pipelines/ loads", arguments: pipelineFiles)
  func shippedPipelinesLoad(name: String) throws {
    let pipeline = try PipelineLoader.load(path: Fixtures.path("pipelines/\(name)"))
    #expect(pipeline.stages.first?.name == "decode")
    #expect(!pipeline.writers.isEmpty)
  }

  @Test("pipelines/ is not empty")
  func pipelinesExist() {
    #expect(Self.pipelineFiles.contains("newspaper-zh.yaml"))
    #expect(Self.pipelineFiles.contains("plain-en.yaml"))
  }

  /// Loads `yaml` expecting failure; returns the messages.
  func issues(_ yaml: String) -> [String] {
    do {
      _ = try PipelineLoader.parse(yaml, file: "p.yaml")
      return []
    } catch {
      return error.issues.map(\.description)
    }
  }

  @Test("an unknown stage names its place and lists the valid stages")
  func unknownStage() {
    let messages = issues("version: 1\nstages:\n  - decode\n  - reflw\n")
    #expect(messages == ["p.yaml:4:5: error: unknown stage 'reflw'; valid stages: decode, normalize, reflow, segment, tokenize"])
  }

  @Test("an unknown option key names its place and lists the valid keys")
  func unknownOption() {
    let messages = issues("version: 1\nstages:\n  - decode\n  - reflow:\n      layot: lines\n")
    #expect(messages == ["p.yaml:5:7: error: unknown key 'layot' in stage 'reflow'; valid keys: layout, cjkLatinSpacing, blankLines, keepHeaders, detectBylines, detectHeadings, model"])
  }

  @Test("an unknown top-level key is an error")
  func unknownTopLevelKey() {
    let messages = issues("version: 1\nlanguage: zh\nstagez: []\nstages: [decode]\n")
    #expect(messages == ["p.yaml:3:1: error: unknown key 'stagez'; valid keys: version, description, language, targetLanguage, stages, writers"])
  }

  @Test("a bad choice lists the valid values")
  func badChoice() {
    let messages = issues("version: 1\nstages:\n  - decode\n  - reflow: {layout: rows}\n")
    #expect(messages == ["p.yaml:4:22: error: 'layout' of stage 'reflow' must be one of columns, lines, paragraphs; got 'rows'"])
  }

  @Test("an encoding ICU has no converter for is reported before any document is read")
  func unknownEncoding() {
    let messages = issues("version: 1\nstages:\n  - decode: {encoding: nope}\n")
    #expect(messages == ["p.yaml:3:24: error: 'encoding' of stage 'decode' is not a charset ICU knows: 'nope' (use auto, UTF-8, GB18030, Big5, Shift_JIS, UTF-16LE, …)"])
    #expect(issues("version: 1\nstages:\n  - decode: {encoding: gbk}\n").isEmpty)
  }

  @Test("a wrong type is reported")
  func wrongType() {
    let messages = issues("version: 1\nstages:\n  - decode\n  - reflow:\n      keepHeaders: maybe\n")
    #expect(messages == ["p.yaml:5:20: error: 'keepHeaders' of stage 'reflow' must be true or false, not 'maybe'"])
  }

  @Test("a stage before the stage it needs is an error that says what to add")
  func stageOrder() {
    let messages = issues("version: 1\nstages:\n  - decode\n  - segment\n")
    #expect(messages == ["p.yaml:4:5: error: stage 'segment' needs blocks, which no earlier stage produces; put 'reflow' before it"])
  }

  @Test("an unsupported version says which versions are read")
  func version() {
    let messages = issues("version: 7\nstages: [decode]\n")
    #expect(messages == ["p.yaml:1:10: error: pipeline file version 7 is not supported; this Segflow reads version 1"])
  }

  @Test("an unknown writer lists the writers")
  func unknownWriter() {
    let messages = issues("version: 1\nstages: [decode, reflow, segment]\nwriters: [jsonl, xlif]\n")
    #expect(messages.count == 1)
    #expect(messages[0].hasPrefix("p.yaml:3:18: error: unknown writer 'xlif'; valid writers: jsonl, xliff2"))
  }

  @Test("a malformed language tag is an error")
  func badLanguage() {
    let messages = issues("version: 1\nlanguage: chinese!\nstages: [decode]\n")
    #expect(messages == ["p.yaml:2:11: error: 'language' must be a BCP 47 language tag such as zh, zh-Hant, en, ja"])
  }

  @Test("broken YAML reports the parser's place")
  func brokenYAML() {
    let messages = issues("version: 1\nstages: [decode\n")
    #expect(messages.count == 1)
    #expect(messages[0].hasPrefix("p.yaml:3:1: error: not valid YAML"))
  }

  @Test("all problems are reported at once")
  func allProblems() {
    let messages = issues("version: 1\nbogus: 1\nstages:\n  - decode\n  - frobnicate\n  - reflow: {layout: rows}\n")
    #expect(messages.count == 3)
  }

  @Test("a missing file is a clear error")
  func missingFile() {
    #expect(throws: ConfigError([ConfigIssue(file: "/nonexistent.yaml", message: "cannot read the pipeline file (missing or unreadable)")])) {
      try PipelineLoader.load(path: "/nonexistent.yaml")
    }
  }

  @Test("every stage's documented options are the ones it reads")
  func optionDocsMatch() throws {
    for stage in StageRegistry.all {
      // A mapping with every documented key must load without 'unknown key' errors.
      let keys = stage.options.map { "\($0.key): \(sampleValue($0))" }
      let options = keys.isEmpty ? "" : ": {" + keys.joined(separator: ", ") + "}"
      let before = StageRegistry.all.prefix { $0.name != stage.name }.map(\.name)
      let yaml = "version: 1\nstages: [" + (before + ["\(stage.name)\(options)"]).map { "{\($0.contains(":") ? $0 : $0 + ": {}")}" }.joined(separator: ", ") + "]\n"
      #expect(issues(yaml) == [], "stage \(stage.name)")
    }
  }

  func sampleValue(_ option: OptionDoc) -> String {
    if option.type == "bool" { return "true" }
    return option.defaultValue
  }
}
