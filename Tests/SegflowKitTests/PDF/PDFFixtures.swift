import Foundation

@testable import SegflowKit

/// The PDF dev corpus and helpers to run it.
enum PDFFixtures {
  /// The committed corpus, or another folder of `NAME.pdf` + `NAME.gold.jsonl` named by
  /// `SEGFLOW_PDF_CORPUS` (e.g. held-out layouts from `ONLY=heldout scripts/make-pdf-corpus`).
  static let committed = Fixtures.path("Tests/Corpus/pdf")
  static let folder = ProcessInfo.processInfo.environment["SEGFLOW_PDF_CORPUS"] ?? committed

  static var hasPoppler: Bool {
    (try? PopplerTools().locate("pdftotext", path: "-")) != nil && (try? PopplerTools().locate("pdfinfo", path: "-")) != nil
  }

  /// Names (without extension) of the corpus PDFs that have a gold file.
  static var corpus: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".pdf") }.map { String($0.dropLast(4)) }
      .filter { names.contains($0 + ".gold.jsonl") }.sorted()
  }

  /// Runs the default pipeline up to reflow on a PDF file.
  static func blocks(_ path: String) throws -> Document {
    let pipeline = try Fixtures.defaultPipeline().truncated(after: "reflow")
    var document = Document(name: "t", path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), language: pipeline.language)
    try pipeline.process(&document, context: StageContext())
    return document
  }

  static func score(_ name: String) throws -> PDFLayoutScore {
    let document = try blocks("\(folder)/\(name).pdf")
    let gold = try PDFLayoutScore.readGold(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).gold.jsonl")))
    let output = document.blocks.map { PDFLayoutScore.Item(kind: $0.kind.rawValue, text: $0.text) }
    return PDFLayoutScore.score(gold: gold, output: output)
  }
}
