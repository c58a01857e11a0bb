import Foundation
import Testing

@testable import SegflowKit

/// The typeset dev PDFs in Tests/Corpus/pdf (made by scripts/make-pdf-corpus) against their gold
/// blocks: the targets, per document. Prints each document's figures.
@Suite(.enabled(if: PDFFixtures.hasPoppler, "needs poppler-utils (scripts/bootstrap)"))
struct PDFCorpusTests {
  static let documents = PDFFixtures.corpus

  @Test("the corpus is there: horizontal and vertical PDFs, each with gold", .enabled(if: PDFFixtures.folder == PDFFixtures.committed))
  func corpusPresent() {
    #expect(Self.documents.contains { $0.hasPrefix("h") })
    #expect(Self.documents.contains { $0.hasPrefix("v") })
  }

  @Test("exact block match ≥ 0.98, boundary F1 ≥ 0.99, no spurious spaces", arguments: documents)
  func targets(_ name: String) throws {
    let score = try PDFFixtures.score(name)
    print("PDF layout \(name): \(score.summary)")
    #expect(score.goldBlocks > 10)
    #expect(score.exactMatch >= 0.98, "\(name): \(score.summary)")
    #expect(score.boundaryF1 >= 0.99, "\(name): \(score.summary)")
    #expect(score.spuriousSpaces == 0, "\(name): \(score.summary)")
  }

  @Test("the scorer is not lenient: a merged pair of blocks and a stray space are counted")
  func scorerCounts() {
    let gold = [PDFLayoutScore.Item(kind: "paragraph", text: "甲乙。"), .init(kind: "paragraph", text: "丙丁 New York。")]
    let merged = [PDFLayoutScore.Item(kind: "paragraph", text: "甲乙。丙丁 New York。")]
    let score = PDFLayoutScore.score(gold: gold, output: merged)
    #expect(score.exactMatches == 0)
    #expect(score.boundaryRecall == 0)
    let spaced = [PDFLayoutScore.Item(kind: "paragraph", text: "甲 乙。"), .init(kind: "paragraph", text: "丙丁 NewYork。")]
    let spaces = PDFLayoutScore.score(gold: gold, output: spaced)
    #expect(spaces.spuriousSpaces == 1)
    #expect(spaces.missingSpaces == 1)
    #expect(spaces.boundaryF1 == 1)
  }
}
