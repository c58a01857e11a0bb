import Foundation
import Testing

/// PDF input through the command line: folders with PDFs, bad PDFs in a batch, page and box in
/// the outputs.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"), "needs poppler-utils"))
struct PDFCommandTests {
  static let corpus = SegflowProcess.packageRoot.appendingPathComponent("Tests/Corpus")

  @Test("segflow run on a folder takes its PDFs and text files; bad PDFs fail alone")
  func runFolderWithPDFs() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let out = folder.appendingPathComponent("out")
    for name in ["pdf/h2col.pdf", "pdf-bad/encrypted.pdf", "pdf-bad/scanned.pdf", "pdf-bad/blank-page.pdf"] {
      try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name), to: folder.appendingPathComponent((name as NSString).lastPathComponent))
    }
    try Data("%PDF-1.5\nnot really\n".utf8).write(to: folder.appendingPathComponent("corrupt.pdf"))
    try Data("然而，这样的处理也衍生了一些问题。\n".utf8).write(to: folder.appendingPathComponent("plain.txt"))
    // Not --quiet: that hides warnings.
    let result = try SegflowProcess.run(["run", folder.path, "--out", out.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("encrypted.pdf: error: encrypted PDF"))
    #expect(result.stderr.contains("scanned.pdf: error: no text layer: run OCR first"))
    #expect(result.stderr.contains("corrupt.pdf: error:"))
    #expect(result.stderr.contains("blank-page.pdf: warning: no text on page 2"))
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
    for name in ["h2col", "blank-page", "plain"] {
      #expect(files.contains("\(name).segments.jsonl"), "\(files)")
      #expect(files.contains("\(name).xlf"))
    }
    let records = try String(contentsOf: out.appendingPathComponent("h2col.segments.jsonl"), encoding: .utf8).split(separator: "\n")
    #expect(records.count > 20)
    #expect(records.allSatisfy { $0.hasPrefix("{\"bbox\":[") && $0.contains("\"page\":") })
    let plain = try String(contentsOf: out.appendingPathComponent("plain.segments.jsonl"), encoding: .utf8)
    #expect(!plain.contains("bbox") && !plain.contains("\"page\""))
    let xliff = try String(contentsOf: out.appendingPathComponent("h2col.xlf"), encoding: .utf8)
    #expect(xliff.contains("<mda:meta type=\"page\">3</mda:meta>"))
    #expect(xliff.contains("<mda:meta type=\"bbox\">"))
  }

  @Test("PDFs larger than the chunk size are still read page by page, not in byte chunks")
  func chunkSizeDoesNotApplyToPDF() throws {
    let out = try SegflowProcess.temporaryFolder()
    let result = try SegflowProcess.run(["run", Self.corpus.appendingPathComponent("pdf/h2col.pdf").path, "--out", out.path, "--chunk-kb", "16", "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try String(contentsOf: out.appendingPathComponent("h2col.segments.jsonl"), encoding: .utf8).split(separator: "\n")
    #expect(records.count > 20)
    #expect(records.allSatisfy { $0.hasPrefix("{\"bbox\":[") })
  }

  @Test("segflow reflow --format jsonl on a PDF gives page and box per block")
  func reflowPDF() throws {
    let result = try SegflowProcess.run(["reflow", "--format", "jsonl", Self.corpus.appendingPathComponent("pdf/v2tier.pdf").path])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 18)
    #expect(lines.first?.hasPrefix("{\"bbox\":[") == true)
    #expect(lines.first?.contains("\"kind\":\"header\",\"page\":1,") == true)
  }
}
