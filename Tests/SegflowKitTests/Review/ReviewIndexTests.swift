import Foundation
import Testing
@testable import SegflowKit

@Suite struct ReviewIndexTests {
  @Test("the index has a row per document, failures with their reason, and sortable headers")
  func indexPage() {
    var ok = ReviewIndexEntry(name: "a<b>", path: "in/a<b>.txt")
    ok.page = "a<b>.html"
    ok.blocks = 3
    ok.segments = 7
    ok.lowConfidence = 2
    let failed = ReviewIndexEntry(name: "bad", path: "in/bad.txt", error: "in/bad.txt: error: empty file")
    let page = XHTMLDocument(ReviewIndexPage().render([ok, failed]))
    #expect(page.error == nil, "\(page.error ?? "")")
    #expect(page.elements(named: "tr").count == 3)
    #expect(page.elements(named: "a").compactMap { $0.attributes["href"] } == ["a%3Cb%3E.html"])
    #expect(page.text.contains("a<b>"))
    #expect(page.text.contains("failed: in/bad.txt: error: empty file"))
    #expect(page.elements(named: "button").count == ReviewIndexPage.columns.count)
    #expect(page.scripts.count == 1)
  }

  @Test("a batch writes a page per document and an index listing every document, failed ones included")
  func batch() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-review-\(UUID().uuidString)")
    let output = folder.appendingPathComponent("out").path
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try Data("湖州联通\n\n党的基层组织是党的全\n部工作和战斗力的基础。\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
    try Data("同时，通过深入开展工作。\n".utf8).write(to: folder.appendingPathComponent("sub/b.txt"))
    try Data().write(to: folder.appendingPathComponent("c.txt"))
    let collected = InputCollector().collect([folder.path, folder.appendingPathComponent("missing.txt").path])
    let batch = ReviewBatch(pipeline: try Fixtures.defaultPipeline(), outputDirectory: output, jobs: 2)
    let entries = try await batch.run(collected.documents, inputErrors: collected.errors)
    #expect(entries.map(\.name) == ["a", "c", "sub/b", "missing"])
    #expect(entries.map { $0.error == nil } == [true, false, true, false])
    #expect(FileManager.default.fileExists(atPath: output + "/a.html"))
    #expect(FileManager.default.fileExists(atPath: output + "/sub/b.html"))
    #expect(!FileManager.default.fileExists(atPath: output + "/c.html"))
    let index = XHTMLDocument(try String(contentsOfFile: output + "/index.html", encoding: .utf8))
    #expect(index.error == nil)
    #expect(index.elements(named: "tr").count == 5)
    #expect(index.elements(named: "a").compactMap { $0.attributes["href"] } == ["a.html", "sub/b.html"])
    #expect(index.text.contains("empty file"))
    #expect(index.text.contains("no such file"))
    let nested = XHTMLDocument(try String(contentsOfFile: output + "/sub/b.html", encoding: .utf8))
    #expect(nested.elements(named: "a").contains { $0.attributes["href"] == "../index.html" })
    try? FileManager.default.removeItem(at: folder)
  }
}
