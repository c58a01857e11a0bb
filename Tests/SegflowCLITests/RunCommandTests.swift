import Foundation
import Testing

@Suite struct RunCommandTests {
  @Test("segflow run seeds --out DIR writes segment files, XLIFF and run.json")
  func runOnSeeds() throws {
    let out = try SegflowProcess.temporaryFolder()
    let result = try SegflowProcess.run(["run", "seeds", "--out", out.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files == ["000_447990846ac5af44.segments.jsonl", "000_447990846ac5af44.xlf", "manifest.jsonl", "run.json"])
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
    #expect(summary?["failed"] as? Int == 0)
    #expect((summary?["segments"] as? Int ?? 0) > 10)
  }

  @Test("run.json counts words only when the pipeline tokenizes; without a tokenize stage words are null")
  func wordsComeFromTheTokenizeStage() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let seed = try String(contentsOf: SegflowProcess.packageRoot.appendingPathComponent("seeds/000_447990846ac5af44.txt"), encoding: .utf8)
    try Data(seed.utf8).write(to: folder.appendingPathComponent("seed.txt"))
    let pipeline = try String(contentsOf: SegflowProcess.packageRoot.appendingPathComponent("pipelines/newspaper-zh.yaml"), encoding: .utf8)
    let withoutWords = folder.appendingPathComponent("no-tokenize.yaml")
    try Data(pipeline.replacingOccurrences(of: "  - tokenize\n", with: "").utf8).write(to: withoutWords)
    func counts(_ label: String, _ arguments: [String]) throws -> [String: Any] {
      let out = folder.appendingPathComponent("out-" + label)
      let result = try SegflowProcess.run(["run", folder.appendingPathComponent("seed.txt").path, "--out", out.path, "--quiet", "--writers", "jsonl"] + arguments)
      try #require(result.status == 0, "\(result.stderr)")
      let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
      return try #require(summary?["counts"] as? [String: Any])
    }
    let tokenized = try counts("tokenized", [])
    let plain = try counts("plain", ["--pipeline", withoutWords.path])
    // Chunked (the seed is about 7.6 KB): the chunks' counts add up the same way.
    let chunked = try counts("chunked", ["--pipeline", withoutWords.path, "--chunk-kb", "1", "--jobs", "2"])
    #expect((tokenized["words"] as? Int ?? 0) > 1000)
    for result in [plain, chunked] {
      #expect(result["words"] is NSNull, "\(result)")
      #expect(result["characters"] as? Int == tokenized["characters"] as? Int)
      #expect(result["logographicWords"] as? Double == tokenized["logographicWords"] as? Double)
    }
  }

  @Test("one bad document does not stop the batch; the exit code tells and names the file")
  func badDocumentInBatch() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let out = folder.appendingPathComponent("out")
    try Data("党的基层组织是党的全部工作和战斗力的基础。\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
    try Data([0x61, 0x00, 0x62]).write(to: folder.appendingPathComponent("b.txt"))
    try Data().write(to: folder.appendingPathComponent("c.txt"))
    try Data("湖州联通\n".utf8 + [0xE6, 0x28] + Data("文\n".utf8)).write(to: folder.appendingPathComponent("d.txt"))
    let result = try SegflowProcess.run(["run", folder.path, folder.appendingPathComponent("missing.txt").path, "--out", out.path, "--quiet"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("b.txt: error: not a text file: NUL byte (byte 1)"))
    #expect(result.stderr.contains("c.txt: error: empty file"))
    #expect(result.stderr.contains("d.txt: error: invalid UTF-8 (byte 13)"))
    #expect(result.stderr.contains("missing.txt: error: no such file or folder"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a.segments.jsonl").path))
    let summary = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
    #expect(summary.contains("\"failed\": 4"))
  }

  @Test("a document over --max-mb fails with a clear error; the others go on")
  func sizeLimit() throws {
    let folder = try SegflowProcess.temporaryFolder()
    try Data(String(repeating: "党的基层组织是党的全部工作和战斗力的基础。\n", count: 200).utf8).write(to: folder.appendingPathComponent("big.txt"))
    try Data("湖州联通。\n".utf8).write(to: folder.appendingPathComponent("small.txt"))
    let out = folder.appendingPathComponent("out")
    let result = try SegflowProcess.run(["run", folder.path, "--out", out.path, "--max-mb", "0.001", "--quiet"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("big.txt: error: too large: 12800 bytes, over the limit of 1000 (--max-mb)"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("small.segments.jsonl").path))
  }

  @Test("a document over --timeout fails with a clear error; the batch goes on")
  func timeLimit() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let seed = try String(contentsOf: SegflowProcess.packageRoot.appendingPathComponent("seeds/000_447990846ac5af44.txt"), encoding: .utf8)
    try Data(String(repeating: seed + "\n", count: 40).utf8).write(to: folder.appendingPathComponent("slow.txt"))
    let out = folder.appendingPathComponent("out")
    let result = try SegflowProcess.run(["run", folder.path, "--out", out.path, "--timeout", "0.001", "--quiet"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("slow.txt: error: timed out: over the time limit"))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("slow.segments.jsonl").path))
  }

  @Test("a folder with no documents is an error")
  func emptyFolder() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let result = try SegflowProcess.run(["run", folder.path, "--out", folder.appendingPathComponent("out").path, "--quiet"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no documents"))
  }

  @Test("an output folder that cannot be written is a clear error")
  func unwritableOutput() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let blocker = folder.appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let result = try SegflowProcess.run(["run", "seeds", "--out", blocker.appendingPathComponent("out").path, "--quiet"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot create or write the output folder: Not a directory"))
    let onFile = try SegflowProcess.run(["run", "seeds", "--out", blocker.path, "--quiet"])
    #expect(onFile.status == 1)
    #expect(onFile.stderr.contains("\(blocker.path): error: cannot create or write the output folder: a file, not a folder, has that name"))
  }

  @Test("outputs are identical whatever the number of jobs")
  func jobsDoNotChangeOutput() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let seed = try String(contentsOf: SegflowProcess.packageRoot.appendingPathComponent("seeds/000_447990846ac5af44.txt"), encoding: .utf8)
    let paragraphs = seed.components(separatedBy: "\n\n")
    for index in 0..<12 {
      let text = paragraphs.shuffledDeterministically(seed: index).prefix(6).joined(separator: "\n\n")
      try Data(text.utf8).write(to: folder.appendingPathComponent("doc\(index).txt"))
    }
    var outputs: [[String: Data]] = []
    for jobs in ["1", "2", "4"] {
      let out = folder.appendingPathComponent("out\(jobs)")
      let result = try SegflowProcess.run(["run", folder.path, "--out", out.path, "--jobs", jobs, "--quiet"])
      #expect(result.status == 0, "\(result.stderr)")
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name != "run.json" && name != "manifest.jsonl" {
        files[name] = try Data(contentsOf: out.appendingPathComponent(name))
      }
      #expect(files.count == 24)
      outputs.append(files)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0] == outputs[2])
  }

  @Test("no temporary files are left next to the outputs")
  func noTemporaryFiles() throws {
    let out = try SegflowProcess.temporaryFolder()
    _ = try SegflowProcess.run(["run", "seeds", "--out", out.path, "--quiet"])
    let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
    #expect(hidden.isEmpty)
  }

  @Test("usage errors exit with 2")
  func usageErrors() throws {
    #expect(try SegflowProcess.run(["run", "seeds"]).status == 2)
    #expect(try SegflowProcess.run(["frobnicate"]).status == 2)
    #expect(try SegflowProcess.run(["run", "seeds", "--out", "/tmp/x", "--jobs", "0"]).status == 2)
    let badWriter = try SegflowProcess.run(["run", "seeds", "--out", "/tmp/x", "--writers", "xlif"])
    #expect(badWriter.status == 2)
    #expect(badWriter.stderr.contains("unknown writer 'xlif'"))
  }

  @Test("a bad pipeline file is reported with its line and column before any document is read")
  func badPipeline() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let pipeline = folder.appendingPathComponent("p.yaml")
    try Data("version: 1\nstages:\n  - decode\n  - reflw\n".utf8).write(to: pipeline)
    let result = try SegflowProcess.run(["run", "seeds", "--pipeline", pipeline.path, "--out", folder.appendingPathComponent("out").path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("p.yaml:4:5: error: unknown stage 'reflw'"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }
}

extension Array {
  /// A reproducible shuffle (the tests must not depend on the run).
  func shuffledDeterministically(seed: Int) -> [Element] {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
    var copy = self
    for index in copy.indices.reversed() where index > 0 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      copy.swapAt(index, Int(state >> 33) % (index + 1))
    }
    return copy
  }
}
