import Foundation
import Testing

@Suite struct ReviewCommandTests {
  @Test("segflow review writes NAME.html per document and index.html; a bad document gets a row and exit 1")
  func reviewBatch() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let out = folder.appendingPathComponent("out")
    try Data("党的基层组织是党的全\n部工作和战斗力的基础。\n".utf8).write(to: folder.appendingPathComponent("good.txt"))
    try Data([0x61, 0x00, 0x62]).write(to: folder.appendingPathComponent("bad.txt"))
    let result = try SegflowProcess.run([
      "review", "seeds/000_447990846ac5af44.txt", folder.appendingPathComponent("good.txt").path,
      folder.appendingPathComponent("bad.txt").path, folder.appendingPathComponent("missing.txt").path,
      "--out", out.path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.txt: error: not a text file"))
    #expect(result.stderr.contains("missing.txt: error: no such file or folder"))
    #expect(result.stderr.contains("reviewed 2 of 4 documents"))
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files == ["000_447990846ac5af44.html", "good.html", "index.html"])
    let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    for name in ["000_447990846ac5af44", "good", "bad", "missing"] { #expect(index.contains(">\(name)<"), "no row for \(name)") }
    #expect(index.contains("href=\"good.html\""))
    #expect(index.contains("not a text file: NUL byte"))
  }

  @Test("segflow review on good documents exits 0 and links every page from the index")
  func reviewSeeds() throws {
    let out = try SegflowProcess.temporaryFolder()
    let result = try SegflowProcess.run(["review", "seeds", "--out", out.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("href=\"000_447990846ac5af44.html\""))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("000_447990846ac5af44.html").path))
  }

  @Test("the review writer in segflow run writes NAME.html")
  func reviewWriter() throws {
    let out = try SegflowProcess.temporaryFolder()
    let result = try SegflowProcess.run(["run", "seeds", "--out", out.path, "--writers", "review", "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let page = try String(contentsOf: out.appendingPathComponent("000_447990846ac5af44.html"), encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("Review: <span class=\"name\">000_447990846ac5af44</span>"))
  }
}
