import Foundation

/// Runs a pipeline's reflow over a corpus and scores it against the gold.
public struct ReflowEvaluation: Sendable {
  /// One document's outcome.
  public struct Result: Sendable {
    public var pair: ReflowCorpus.Pair
    public var score: ReflowScore
    public var errors: [ReflowMismatch]
    /// Predicted block boundaries that fall inside a gold block and not after a sentence end
    /// (for unwrapped gold: a split that would change sentence segmentation).
    public var splitsInsideSentences: Int
    /// Wall-clock seconds of decoding and repairing the input (scoring not included).
    public var seconds: Double
    /// Bytes of the input.
    public var bytes: Int
  }

  public var pipeline: Pipeline

  /// - Parameter pipeline: the pipeline to evaluate; it is stopped after its reflow stage.
  public init(pipeline: Pipeline) {
    self.pipeline = pipeline.truncated(after: "reflow")
  }

  /// Repairs one input and scores it.
  /// - Throws: `DocumentError` when the input or gold cannot be read or processed.
  public func evaluate(_ pair: ReflowCorpus.Pair) throws(DocumentError) -> Result {
    let gold = try ReflowCorpus.goldBlocks(pair.gold)
    guard let data = FileManager.default.contents(atPath: pair.input) else {
      throw DocumentError(path: pair.input, message: "cannot read the file")
    }
    let clock = ContinuousClock()
    var predicted: [GoldBlock] = []
    var failure: DocumentError?
    let elapsed = clock.measure {
      do throws(DocumentError) { predicted = try repair(Array(data), pair: pair) } catch { failure = error }
    }
    if let failure { throw failure }
    let (score, errors) = ReflowScore.document(predicted: predicted, gold: gold)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Result(
      pair: pair, score: score, errors: errors,
      splitsInsideSentences: Self.splitsInsideSentences(predicted: predicted, gold: gold),
      seconds: seconds, bytes: data.count)
  }

  /// The repaired blocks of an input, as kind and text.
  public func repair(_ bytes: [UInt8], pair: ReflowCorpus.Pair) throws(DocumentError) -> [GoldBlock] {
    var document = Document(name: pair.name, path: pair.input, bytes: bytes, language: pipeline.language)
    try pipeline.process(&document, context: StageContext())
    return document.blocks.map { GoldBlock(kind: $0.kind, text: $0.text) }
  }

  /// Predicted boundaries that are not gold boundaries and do not follow a sentence end.
  static func splitsInsideSentences(predicted: [GoldBlock], gold: [GoldBlock]) -> Int {
    let g = ReflowScore.Layout(gold), p = ReflowScore.Layout(predicted)
    guard g.scalars == p.scalars else { return 0 }
    let goldStarts = Set(g.spans.map(\.lowerBound))
    var count = 0
    for span in p.spans.dropFirst() where !goldStarts.contains(span.lowerBound) && span.lowerBound > 0 {
      if !LineProfile.endsSentence(p.scalars[max(0, span.lowerBound - 4)..<span.lowerBound]) { count += 1 }
    }
    return count
  }
}
