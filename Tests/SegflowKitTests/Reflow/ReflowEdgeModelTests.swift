import Foundation
import Testing

@testable import SegflowKit

/// The learned edge model: its file loads, Swift's inference gives scikit-learn's numbers, the
/// features are those it was trained on, and `model: off` leaves the rules alone.
@Suite struct ReflowEdgeModelTests {
  static let vectors = Fixtures.path("Tests/SegflowKitTests/Golden/Reflow/edge-model-vectors.tsv")

  static func pipeline(model: String) throws(ConfigError) -> Pipeline {
    try PipelineLoader.parse(
      "version: 1\nlanguage: zh\ntargetLanguage: en\nstages:\n  - decode\n  - normalize\n  - reflow:\n      model: \(model)\nwriters: []\n", file: "p.yaml")
  }

  static func reflower(_ pipeline: Pipeline) throws -> Reflower {
    try #require(pipeline.stages.first { $0.name == "reflow" } as? ReflowStage).reflower
  }

  @Test("the built-in model parses and was trained on the features Swift computes")
  func builtIn() throws {
    let model = try #require(EdgeModel.builtIn)
    #expect(model.names == EdgeFeatures.names)
    #expect(model.roots.count >= 10)
    #expect(model.threshold > 0 && model.threshold < 1)
    #expect(model.margin >= 0 && model.margin < min(model.threshold, 1 - model.threshold))
    // Parsing the same text again gives the same model (and does not throw).
    let again = try EdgeModel(text: EdgeModelData.text)
    #expect(again.nodes == model.nodes)
  }

  @Test("the rules the model is asked about are found by name, and no other name is")
  func ruleNames() {
    for rule in EdgeFeatures.rules {
      #expect(rule.utf8.allSatisfy { $0 < 128 } && rule.utf8.count < 64, "\(rule)")
      // (A string of its own, not the literal.)
      #expect(EdgeFeatures.isRule(rule.uppercased().lowercased()), "\(rule)")
    }
    let others = [
      "no-sentence-end", "kinsoku-line-end", "kinsoku-line-start", "continuing-punctuation", "justified-line",
      "terminal-full-lines", "column-changes", "terminal-short-linf", "", "标题", "edge-model",
    ]
    for other in others { #expect(!EdgeFeatures.isRule(other), "\(other)") }
  }

  @Test("inference gives the probabilities scikit-learn gave the training script's fixed vectors")
  func matchesTrainingScript() throws {
    let model = try #require(EdgeModel.builtIn)
    let text = try String(contentsOfFile: Self.vectors, encoding: .utf8)
    let lines = text.split(separator: "\n")
    try #require(lines.count >= 5)
    let header = lines[0].split(separator: "\t").map(String.init)
    #expect(Array(header.dropFirst()) == EdgeFeatures.names)
    var splits = 0
    for line in lines.dropFirst() {
      let fields = line.split(separator: "\t").map { Double(String($0)) }
      let expected = try #require(fields[0])
      let values = try fields.dropFirst().map { try #require($0) }
      let p = model.probability(EdgeFeatures(values: values))
      #expect(abs(p - expected) < 1e-12, "Swift \(p), scikit-learn \(expected)")
      if p >= model.threshold { splits += 1 }
    }
    // The vectors cover both answers.
    #expect(splits > 0 && splits < lines.count - 1)
  }

  @Test("a malformed model file is refused with its line")
  func malformed() {
    #expect(throws: FileError.self) { try EdgeModel(text: "segflow-edge-model 2\n") }
    let missingLeaf = "segflow-edge-model 1\nfeatures 1 x\nbase 0\nrate 0.1\nthreshold 0.5\nmargin 0\ntrees 1\n0,0.5,1,2 =1\n"
    #expect { try EdgeModel(text: missingLeaf) } throws: { ($0 as? FileError)?.line == 8 }
    let cycle = "segflow-edge-model 1\nfeatures 1 x\nbase 0\nrate 0.1\nthreshold 0.5\nmargin 0\ntrees 1\n0,0.5,0,0 =1\n"
    #expect(throws: FileError.self) { try EdgeModel(text: cycle) }
    let good = "segflow-edge-model 1\nfeatures 1 x\nbase 0.25\nrate 0.5\nthreshold 0.5\nmargin 0\ntrees 1\n0,0.5,1,2 =-1 =1\n"
    #expect(throws: Never.self) {
      let model = try EdgeModel(text: good)
      // x ≤ 0.5: 0.25 + 0.5 × −1; otherwise 0.25 + 0.5 × 1.
      #expect(abs(model.probability(EdgeFeatures(values: [0])) - 1 / (1 + exp(0.25))) < 1e-15)
      #expect(abs(model.probability(EdgeFeatures(values: [1])) - 1 / (1 + exp(-0.75))) < 1e-15)
    }
  }

  @Test("every logged edge has one value per feature name, and the log places it on the gold")
  func featuresAndLabels() throws {
    let evaluation = ReflowEvaluation(pipeline: try Self.pipeline(model: "off"))
    let corpus = try ReflowCorpus(directory: Fixtures.path("Tests/Corpus/reflow"))
    var asked = 0, boundaries = 0
    for pair in corpus.pairs.prefix(6) {
      for edge in try evaluation.edges(pair) {
        #expect(edge.features.count == EdgeFeatures.names.count)
        if edge.asked { asked += 1 }
        if edge.isBoundary { boundaries += 1 }
        // With the model off the decision is the rules'.
        #expect(edge.splits == edge.ruleSplits)
      }
    }
    #expect(asked > 20 && boundaries > 10)
  }

  @Test("model: off gives the rules' blocks, with no decision naming the model; on, some decision does")
  func turnedOff() throws {
    let off = try Self.reflower(Self.pipeline(model: "off"))
    let on = try Self.reflower(Self.pipeline(model: "on"))
    #expect(off.options.model == .off && on.options.model == .on)
    let corpus = try ReflowCorpus(directory: Fixtures.path("Tests/Corpus/reflow"))
    var overrides = 0, agreements = 0
    for pair in corpus.pairs {
      var document = Document(name: pair.name, path: pair.input, bytes: try Fixtures.bytes("Tests/Corpus/reflow/\(pair.name).txt"), language: "zh")
      try DecodeStage(encoding: "auto").run(&document, context: StageContext())
      let rules = off.reflow(document.lines)
      for decision in rules.flatMap(\.decisions) {
        #expect(decision.rule != "edge-model")
        #expect(!decision.detail.contains("edge model"))
      }
      let weighed = on.reflow(document.lines).flatMap(\.decisions)
      overrides += weighed.filter { $0.rule == "edge-model" }.count
      agreements += weighed.filter { $0.detail.contains("the edge model agrees") }.count
    }
    #expect(overrides > 0 && agreements > overrides)
  }

  @Test("'model' takes on or off")
  func option() {
    do {
      _ = try Self.pipeline(model: "sometimes")
      Issue.record("'model: sometimes' was accepted")
    } catch {
      #expect(error.issues.map(\.description).contains { $0.contains("'model' of stage 'reflow' must be one of on, off") })
    }
  }
}
