import Foundation
import Testing

@testable import SegflowKit

/// The scorer itself, and the scores on the typeset corpus and the UD wrapped text.
@Suite struct ReflowCorpusTests {
  // MARK: - Scorer

  @Test("a wrong split costs one boundary; a leftover space is counted by where it sits")
  func scorer() {
    let gold = [GoldBlock(kind: .heading, text: "未来展望"), GoldBlock(kind: .paragraph, text: "党的基层组织，5G SA网络。")]
    let predicted = [GoldBlock(kind: .heading, text: "未来展望"), GoldBlock(kind: .paragraph, text: "党的 基层组织，"), GoldBlock(kind: .paragraph, text: "5GSA网络。")]
    let (score, errors) = ReflowScore.document(predicted: predicted, gold: gold)
    #expect(score.boundaryGold == 1 && score.boundaryPredicted == 2 && score.boundaryHits == 1)
    #expect(score.exactBlocks == 1)
    #expect(score.spuriousCJKSpaces == 1)
    #expect(score.missingOtherSpaces == 1)
    #expect(score.kindCompared == 1 && score.kindMatches == 1)
    #expect(errors.count == 1 && errors[0].predicted.count == 2)
    // Insertions and deletions: the space in `党的 基层`, the line feed, the space in `5G SA`.
    #expect(score.editDistance == 3)
  }

  @Test("identical blocks score perfectly; changed characters are reported, not aligned")
  func perfectAndMismatch() {
    let gold = [GoldBlock(kind: .paragraph, text: "文 字。")]
    #expect(ReflowScore.document(predicted: gold, gold: gold).score.exactRate == 1)
    let changed = ReflowScore.document(predicted: [GoldBlock(kind: .paragraph, text: "文学。")], gold: gold).score
    #expect(changed.characterMismatches == 1 && changed.exactBlocks == 0)
  }

  // MARK: - Corpora

  @Test("typeset corpus: boundary F1 ≥ 0.98, exact blocks ≥ 95%, no spurious space between CJK characters")
  func typesetCorpus() throws {
    let evaluation = ReflowEvaluation(pipeline: try Fixtures.defaultPipeline())
    let corpus = try ReflowCorpus(directory: Fixtures.path("Tests/Corpus/reflow"))
    #expect(corpus.pairs.count >= 20)
    var total = ReflowScore()
    for pair in corpus.pairs { total += try evaluation.evaluate(pair).score }
    #expect(total.characterMismatches == 0)
    #expect(total.exactRate >= 0.95, "exact block match \(total.exactRate)")
    #expect(total.spuriousCJKSpaces == 0)
    #expect(total.boundaryF1 >= 0.98, "boundary F1 \(total.boundaryF1)")
  }

  @Test("UD GSD wrapped text: repair loses nothing", .enabled(if: Fixtures.hasSharedData), arguments: ["UD_Chinese-GSD", "UD_Chinese-GSDSimp"])
  func udWrapped(folder: String) throws {
    let evaluation = ReflowEvaluation(pipeline: try Fixtures.defaultPipeline())
    let corpus = try ReflowCorpus(directory: Fixtures.sharedData + "/ud_zh/" + folder)
    try #require(corpus.pairs.count == 1)
    let result = try evaluation.evaluate(corpus.pairs[0])
    #expect(result.score.characterMismatches == 0)
    #expect(result.score.spuriousCJKSpaces + result.score.spuriousOtherSpaces == 0)
    #expect(result.score.missingCJKSpaces + result.score.missingOtherSpaces == 0)
    // Any split falls at a sentence end, so sentence and word segmentation are unchanged.
    #expect(result.splitsInsideSentences == 0)
    // In fact the text is wrapped every 80 characters, which reflow recognises: no split at all.
    #expect(result.score.exactBlocks == result.score.goldBlocks)
  }
}
