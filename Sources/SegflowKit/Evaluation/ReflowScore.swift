/// How close repaired blocks are to gold blocks, summed over documents.
///
/// Both sides are laid over their non-space characters, which reflow never changes: a block
/// boundary is the index of the first non-space character of a block, a space is a gap between
/// two non-space characters of one block. Scores are then counts over those positions, so a
/// wrong split costs one boundary, not a whole paragraph of character errors.
public struct ReflowScore: Sendable, Hashable {
  public var documents = 0
  public var goldBlocks = 0
  public var predictedBlocks = 0
  /// Gold blocks reproduced exactly: same characters, same spaces, same extent.
  public var exactBlocks = 0
  /// Boundaries between blocks (the document start not counted).
  public var boundaryHits = 0
  public var boundaryPredicted = 0
  public var boundaryGold = 0
  /// A space between two CJK characters that gold does not have (justification left over).
  public var spuriousCJKSpaces = 0
  public var spuriousOtherSpaces = 0
  /// A real space (gold) that the repair removed, between two CJK characters or elsewhere.
  public var missingCJKSpaces = 0
  public var missingOtherSpaces = 0
  /// Insertions plus deletions of the shortest edit script between the documents' texts, the
  /// blocks joined with line feeds.
  public var editDistance = 0
  public var goldCharacters = 0
  /// Blocks whose extent matches gold, and those of them with the gold kind.
  public var kindCompared = 0
  public var kindMatches = 0
  /// Documents whose non-space characters differ from gold (boundaries and spaces are not
  /// scored for them; a lossless reflow never produces one).
  public var characterMismatches = 0

  public init() {}

  public var exactRate: Double { ratio(exactBlocks, goldBlocks) }
  public var boundaryPrecision: Double { ratio(boundaryHits, boundaryPredicted) }
  public var boundaryRecall: Double { ratio(boundaryHits, boundaryGold) }
  public var boundaryF1: Double {
    let p = boundaryPrecision, r = boundaryRecall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }
  public var characterErrorRate: Double { goldCharacters == 0 ? 0 : Double(editDistance) / Double(goldCharacters) }
  public var kindAccuracy: Double { ratio(kindMatches, kindCompared) }

  private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

  public static func += (lhs: inout ReflowScore, rhs: ReflowScore) {
    lhs.documents += rhs.documents
    lhs.goldBlocks += rhs.goldBlocks
    lhs.predictedBlocks += rhs.predictedBlocks
    lhs.exactBlocks += rhs.exactBlocks
    lhs.boundaryHits += rhs.boundaryHits
    lhs.boundaryPredicted += rhs.boundaryPredicted
    lhs.boundaryGold += rhs.boundaryGold
    lhs.spuriousCJKSpaces += rhs.spuriousCJKSpaces
    lhs.spuriousOtherSpaces += rhs.spuriousOtherSpaces
    lhs.missingCJKSpaces += rhs.missingCJKSpaces
    lhs.missingOtherSpaces += rhs.missingOtherSpaces
    lhs.editDistance += rhs.editDistance
    lhs.goldCharacters += rhs.goldCharacters
    lhs.kindCompared += rhs.kindCompared
    lhs.kindMatches += rhs.kindMatches
    lhs.characterMismatches += rhs.characterMismatches
  }

  // MARK: - Scoring one document

  /// Scores one document and lists the gold blocks it got wrong.
  public static func document(predicted: [GoldBlock], gold: [GoldBlock]) -> (score: ReflowScore, errors: [ReflowMismatch]) {
    var score = ReflowScore()
    score.documents = 1
    score.goldBlocks = gold.count
    score.predictedBlocks = predicted.count
    let joinedGold = Array(gold.map(\.text).joined(separator: "\n").unicodeScalars)
    let joinedPredicted = Array(predicted.map(\.text).joined(separator: "\n").unicodeScalars)
    score.goldCharacters = joinedGold.count
    score.editDistance = EditDistance.insertionsAndDeletions(joinedPredicted, joinedGold)

    let g = Layout(gold)
    let p = Layout(predicted)
    var errors: [ReflowMismatch] = []
    guard g.scalars == p.scalars else {
      score.characterMismatches = 1
      // Without a common character stream only identical texts can be matched, in order.
      var next = 0
      for block in gold {
        if let found = predicted[next...].firstIndex(where: { $0.text == block.text }) {
          score.exactBlocks += 1
          next = found + 1
        } else {
          errors.append(ReflowMismatch(gold: block, predicted: []))
        }
      }
      return (score, errors)
    }

    let goldStarts = Set(g.spans.map(\.lowerBound).dropFirst())
    let predictedStarts = Set(p.spans.map(\.lowerBound).dropFirst())
    score.boundaryGold = goldStarts.count
    score.boundaryPredicted = predictedStarts.count
    score.boundaryHits = goldStarts.intersection(predictedStarts).count

    for index in g.scalars.indices.dropFirst() {
      let gs = g.spaceBefore[index], ps = p.spaceBefore[index]
      guard gs != ps, !goldStarts.contains(index), !predictedStarts.contains(index) else { continue }
      let cjk = ScalarClass(g.scalars[index - 1]).isCJK && ScalarClass(g.scalars[index]).isCJK
      switch (ps, cjk) {
      case (true, true): score.spuriousCJKSpaces += 1
      case (true, false): score.spuriousOtherSpaces += 1
      case (false, true): score.missingCJKSpaces += 1
      case (false, false): score.missingOtherSpaces += 1
      }
    }

    var predictedBySpan: [Range<Int>: Int] = [:]
    for (index, span) in p.spans.enumerated() { predictedBySpan[span] = index }
    for (index, span) in g.spans.enumerated() {
      if let match = predictedBySpan[span] {
        score.kindCompared += 1
        if predicted[match].kind == gold[index].kind { score.kindMatches += 1 }
        if predicted[match].text == gold[index].text {
          score.exactBlocks += 1
          if predicted[match].kind == gold[index].kind { continue }
        }
      }
      let overlapping = p.spans.indices.filter { p.spans[$0].overlaps(span) || (span.isEmpty && p.spans[$0].contains(span.lowerBound)) }
      errors.append(ReflowMismatch(gold: gold[index], predicted: overlapping.map { predicted[$0] }))
    }
    return (score, errors)
  }

  /// The non-space characters of a list of blocks, where each block starts, and which
  /// characters have a space before them inside their block.
  struct Layout {
    var scalars: [Unicode.Scalar] = []
    var spaceBefore: [Bool] = []
    var spans: [Range<Int>] = []

    init(_ blocks: [GoldBlock]) {
      for block in blocks {
        let start = scalars.count
        var pending = false
        for scalar in block.text.unicodeScalars {
          if ScalarClass(scalar) == .space || scalar == "\n" || scalar == "\r" {
            pending = scalars.count > start
            continue
          }
          scalars.append(scalar)
          spaceBefore.append(pending)
          pending = false
        }
        spans.append(start..<scalars.count)
      }
    }
  }
}

/// A gold block that the repair did not reproduce, with the predicted blocks over it.
public struct ReflowMismatch: Sendable, Hashable {
  public var gold: GoldBlock
  public var predicted: [GoldBlock]
}
