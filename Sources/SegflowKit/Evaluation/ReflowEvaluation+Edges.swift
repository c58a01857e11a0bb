import Foundation

/// The edges the reflow edge model is asked about, with their features and gold labels: the
/// training data of `scripts/train-reflow-model`, written by `segflow eval reflow --features`.
extension ReflowEvaluation {
  /// One edge between two rows.
  public struct Edge: Sendable {
    /// Source line (1-based) of the row before the edge.
    public var line: Int
    /// Non-space characters before the edge.
    public var offset: Int
    /// The edge model is asked about it (the others are logged to measure what it could reach).
    public var asked: Bool
    /// A gold block starts after the edge.
    public var isBoundary: Bool
    /// The rule that decided it and whether it split; whether the edge was split in the end
    /// (the model's decision, when the pipeline has it on).
    public var rule: String
    public var ruleSplits: Bool
    public var splits: Bool
    /// In the order of ``featureNames``.
    public var features: [Double]
  }

  /// The names of ``Edge/features``.
  public static var featureNames: [String] { EdgeFeatures.names }

  /// The edges of one document's reflow that the rules decided (not those around rows that stand
  /// alone), labelled with the gold; empty for an unwrapped corpus,
  /// a layout other than `columns`, or when the repair changed a non-space character (then the
  /// edges cannot be placed on the gold).
  /// - Throws: `DocumentError` when the input or gold cannot be read or processed.
  public func edges(_ pair: ReflowCorpus.Pair) throws(DocumentError) -> [Edge] {
    guard case .blocks = pair.gold,
      let reflowIndex = pipeline.stages.firstIndex(where: { $0.name == "reflow" }),
      let stage = pipeline.stages[reflowIndex] as? ReflowStage
    else { return [] }
    let gold = try ReflowCorpus.goldBlocks(pair.gold)
    guard let data = FileManager.default.contents(atPath: pair.input) else {
      throw DocumentError(path: pair.input, message: "cannot read the file")
    }
    var document = Document(name: pair.name, path: pair.input, bytes: Array(data), language: pipeline.language)
    let context = StageContext()
    for stage in pipeline.stages[..<reflowIndex] { try stage.run(&document, context: context) }
    guard document.pdfLayout == nil else { return [] }
    try ReflowStage.checkLineLengths(document.lines, textBytes: document.text.utf8.count, path: document.path)
    let (blocks, samples) = stage.reflower.reflowLoggingEdges(document.lines)
    let g = ReflowScore.Layout(gold)
    let p = ReflowScore.Layout(blocks.map { GoldBlock(kind: $0.kind, text: $0.text) })
    guard g.scalars == p.scalars else { return [] }
    let starts = Set(g.spans.map(\.lowerBound))
    return samples.map { sample in
      Edge(
        line: sample.line, offset: sample.offset, asked: sample.asked, isBoundary: starts.contains(sample.offset), rule: sample.rule.rule,
        ruleSplits: sample.rule.action == .split, splits: sample.decision.action == .split, features: sample.features.values)
    }
  }
}
