import Foundation
import Testing

/// Runs the built `segflow` binary: export with every writer, merge, import-tmx.
@Suite struct MergeCLITests {
  static var binary: String? {
    FileManager.default.isExecutableFile(atPath: SegflowProcess.executable.path) ? SegflowProcess.executable.path : nil
  }

  func segflow(_ arguments: [String]) throws -> SegflowProcess.Result { try SegflowProcess.run(arguments) }

  func folder() throws -> String { try SegflowProcess.temporaryFolder().path }

  static let seed = "seeds/000_447990846ac5af44.txt"

  @Test(.enabled(if: binary != nil, "needs the built segflow"))
  func runWritesEveryFormatAndMergeRebuildsTheReflowLayout() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try segflow(["run", Self.seed, "--out", out, "--writers", "xliff2,xliff12,tmx,po,jsonl,tsv", "--quiet"])
    try #require(run.status == 0, "\(run.stderr)")
    let name = "000_447990846ac5af44"
    for suffix in [".xlf", ".v12.xlf", ".tmx", ".po", ".segments.jsonl", ".tsv"] {
      #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)\(suffix)"), "\(suffix)")
    }
    let summary = try String(contentsOfFile: "\(out)/run.json", encoding: .utf8)
    #expect(summary.contains("\"countMethod\"") && summary.contains("\"logographicWords\""))

    let reflow = try segflow(["reflow", Self.seed])
    for file in ["\(name).xlf", "\(name).v12.xlf", "\(name).po"] {
      // Untranslated: an error, and no target file.
      let target = "\(out)/\(file).target.txt"
      let refused = try segflow(["merge", "--xliff", "\(out)/\(file)", "--out", target])
      #expect(refused.status == 1 && refused.stderr.contains("have no translation"), "\(file)")
      #expect(!FileManager.default.fileExists(atPath: target))
      // Kept in the source language: exactly the reflow layout, with and without the original.
      let kept = try segflow(["merge", "--xliff", "\(out)/\(file)", "--out", target, "--keep-source"])
      #expect(kept.status == 0 && kept.stderr.contains("warning"), "\(file): \(kept.stderr)")
      #expect(try String(contentsOfFile: target, encoding: .utf8) == reflow.stdout, "\(file)")
      let withOriginal = try segflow(["merge", "--xliff", "\(out)/\(file)", "--original", Self.seed, "--out", target + "2", "--keep-source"])
      #expect(withOriginal.status == 0, "\(withOriginal.stderr)")
      #expect(try String(contentsOfFile: target + "2", encoding: .utf8) == reflow.stdout, "\(file) with --original")
    }
  }

  @Test(.enabled(if: binary != nil, "needs the built segflow"))
  func badTranslatedFilesFailWithFileAndLineAndWriteNothing() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let bad = "\(out)/bad.xlf"
    try "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\">\n<file id=\"f\"><unit id=\"1\">\n</file></xliff>\n".write(toFile: bad, atomically: true, encoding: .utf8)
    let result = try segflow(["merge", "--xliff", bad, "--out", "\(out)/t.txt"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(bad):4: error: not well-formed XML"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: "\(out)/t.txt"))
  }

  @Test(.enabled(if: binary != nil, "needs the built segflow"))
  func importTMXWritesRecords() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try segflow(["run", Self.seed, "--out", out, "--writers", "tmx", "--quiet"])
    let imported = try segflow(["import-tmx", "\(out)/000_447990846ac5af44.tmx", "--out", "\(out)/tm.jsonl"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let lines = try String(contentsOfFile: "\(out)/tm.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 38)
    #expect(lines.first?.contains("\"id\":\"000_447990846ac5af44:1:1\"") == true)
  }

  @Test(.enabled(if: binary != nil, "needs the built segflow"))
  func exportFillsTargetsFromATranslatedFile() throws {
    let out = try folder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try segflow(["run", Self.seed, "--out", out, "--writers", "xliff2", "--quiet"])
    let xliff = try String(contentsOfFile: "\(out)/000_447990846ac5af44.xlf", encoding: .utf8)
    let regex = try NSRegularExpression(pattern: "<source>([^<]*)</source></segment>")
    let translated = regex.stringByReplacingMatches(in: xliff, range: NSRange(xliff.startIndex..., in: xliff), withTemplate: "<source>$1</source><target>EN $1</target></segment>")
    try translated.write(toFile: "\(out)/tr.xlf", atomically: true, encoding: .utf8)
    let export = try segflow(["export", Self.seed, "--out", "\(out)/tm", "--writers", "tmx", "--translations", "\(out)/tr.xlf"])
    #expect(export.status == 0, "\(export.stderr)")
    let imported = try segflow(["import-tmx", "\(out)/tm/000_447990846ac5af44.tmx"])
    let lines = imported.stdout.split(separator: "\n")
    #expect(lines.count == 38)
    #expect(lines.allSatisfy { $0.contains("\"target\":\"EN ") })
    // A translated file of another document is refused, naming the line.
    let wrong = try segflow(["export", "pipelines/plain-en.yaml", "--out", "\(out)/x", "--writers", "tmx", "--translations", "\(out)/tr.xlf"])
    #expect(wrong.status == 1 && wrong.stderr.contains("tr.xlf:"), "\(wrong.stderr)")
  }
}
