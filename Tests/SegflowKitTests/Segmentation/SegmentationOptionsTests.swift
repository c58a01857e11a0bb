import Foundation
import Testing

@testable import SegflowKit

/// The `segment` and `tokenize` options in pipeline files.
@Suite struct SegmentationOptionsTests {
  func load(_ stages: String) throws(ConfigError) -> Pipeline {
    try PipelineLoader.parse("version: 1\nlanguage: zh\ntargetLanguage: en\nstages:\n  - decode\n  - reflow\n\(stages)writers: []\n", file: "p.yaml")
  }

  @Test("rules: none is ICU alone; a rules file is read, relative to the pipeline's folder too")
  func rules() throws {
    let none = try load("  - segment:\n      rules: none\n")
    #expect((none.stages.last as? SegmentStage)?.rules == nil)
    let shipped = try PipelineLoader.parse(
      "version: 1\nlanguage: zh\ntargetLanguage: en\nstages:\n  - decode\n  - reflow\n  - segment:\n      rules: srx/segflow.srx\nwriters: []\n",
      file: Fixtures.path("pipelines/test.yaml"))
    #expect((shipped.stages.last as? SegmentStage)?.rules?.languageRules.isEmpty == false)
  }

  @Test("a bad rules file is a pipeline error that names the SRX file and line")
  func badRules() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-srx-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bad.srx")
    try """
      <?xml version="1.0"?>
      <srx xmlns="http://www.lisa.org/srx20" version="2.0">
        <header segmentsubflows="yes" cascade="no"/>
        <body><languagerules><languagerule languagerulename="X">
          <rule break="no"><beforebreak>[</beforebreak></rule>
        </languagerule></languagerules><maprules/></body>
      </srx>
      """.write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: ConfigError.self) { try load("  - segment:\n      rules: \(file.path)\n") }
    let message = error?.description ?? ""
    #expect(message.hasPrefix("p.yaml:"))
    #expect(message.contains("bad.srx:5"))
    #expect(message.contains("rule 1 of languagerule 'X'"))
  }

  @Test("tokenize reads lexicons given as one path or a list, and reports a missing one")
  func lexicons() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-lex-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "党建\n".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "建工作,x\n".write(to: folder.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    let pipeline = try load("  - segment\n  - tokenize:\n      lexicon: [\(folder.path)/a.txt, \(folder.path)/b.csv]\n      attachDateUnits: false\n")
    let stage = try #require(pipeline.stages.last as? TokenizeStage)
    #expect(stage.refiner?.lexicon.words == ["党建", "建工作"])
    #expect(stage.refiner?.options.attachDateUnits == false)
    let error = #expect(throws: ConfigError.self) { try load("  - segment\n  - tokenize:\n      lexicon: /nonexistent/words.txt\n") }
    #expect(error?.description.contains("/nonexistent/words.txt") == true)
    let ud = try #require(try load("  - segment\n  - tokenize:\n      conventions: ud\n").stages.last as? TokenizeStage)
    #expect(ud.refiner?.options.conventions == .ud)
    #expect(ud.refiner?.options.attachDateUnits == false && ud.refiner?.options.attachSuffixes == false, "ud changes the defaults")
    let udDates = try #require(try load("  - segment\n  - tokenize:\n      conventions: ud\n      attachDateUnits: true\n").stages.last as? TokenizeStage)
    #expect(udDates.refiner?.options.attachDateUnits == true, "an explicit option wins over the preset")
    let bad = #expect(throws: ConfigError.self) { try load("  - segment\n  - tokenize:\n      conventions: ctb\n") }
    #expect(bad?.description.contains("pku, ud") == true)
    let off = try load("  - segment\n  - tokenize:\n      wordLayer: false\n")
    #expect((off.stages.last as? TokenizeStage)?.refiner == nil)
  }
}
