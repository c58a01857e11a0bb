import Foundation
import Testing

@Suite struct ResumeAndStreamTests {
  /// A folder of `count` small documents cut from the seed.
  func corpus(_ count: Int) throws -> URL {
    let folder = try SegflowProcess.temporaryFolder().appendingPathComponent("in")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let seed = try String(contentsOf: SegflowProcess.packageRoot.appendingPathComponent("seeds/000_447990846ac5af44.txt"), encoding: .utf8)
    let paragraphs = seed.components(separatedBy: "\n\n")
    for index in 0..<count {
      let text = paragraphs.shuffledDeterministically(seed: index).prefix(8).joined(separator: "\n\n")
      try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "doc%03d.txt", index)))
    }
    return folder
  }

  func outputs(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !["run.json", "manifest.jsonl"].contains(name) {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }

  @Test("a rerun skips documents whose outputs are current; --force redoes them")
  func resume() throws {
    let input = try corpus(3)
    let out = input.deletingLastPathComponent().appendingPathComponent("out")
    #expect(try SegflowProcess.run(["run", input.path, "--out", out.path, "--quiet"]).status == 0)
    let again = try SegflowProcess.run(["run", input.path, "--out", out.path, "--log-format", "json"])
    #expect(again.stderr.components(separatedBy: "\"skipped\":true").count - 1 == 3)
    // A changed input is redone, the others are not.
    try Data("新的内容。\n".utf8).write(to: input.appendingPathComponent("doc001.txt"))
    let changed = try SegflowProcess.run(["run", input.path, "--out", out.path, "--log-format", "json"])
    #expect(changed.stderr.components(separatedBy: "\"skipped\":true").count - 1 == 2)
    let forced = try SegflowProcess.run(["run", input.path, "--out", out.path, "--log-format", "json", "--force"])
    #expect(!forced.stderr.contains("\"skipped\":true"))
  }

  @Test("killing a run at any moment and rerunning gives the outputs of an uninterrupted run")
  func killAndRerun() throws {
    let input = try corpus(60)
    let root = input.deletingLastPathComponent()
    let reference = root.appendingPathComponent("reference")
    #expect(try SegflowProcess.run(["run", input.path, "--out", reference.path, "--quiet"]).status == 0)
    for delay in [0.02, 0.05, 0.1] {
      let out = root.appendingPathComponent("killed-\(delay)")
      let process = Process()
      process.executableURL = SegflowProcess.executable
      process.arguments = ["run", input.path, "--out", out.path, "--quiet", "--jobs", "2"]
      process.currentDirectoryURL = SegflowProcess.packageRoot
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // Whatever was left: no partial file under a final name (final names parse fully).
      if FileManager.default.fileExists(atPath: out.path) {
        for (name, data) in try outputs(out) where name.hasSuffix(".jsonl") && !name.hasPrefix(".") {
          #expect(data.last == UInt8(ascii: "\n"), "\(name) is truncated")
        }
      }
      #expect(try SegflowProcess.run(["run", input.path, "--out", out.path, "--quiet"]).status == 0)
      // The rerun also clears the killed run's temporary files.
      #expect(try outputs(out) == (try outputs(reference)))
    }
  }

  @Test("stream: one output batch per input record, errors as records with the line number")
  func stream() throws {
    let input = """
      {"id": "a", "text": "事业兴衰，关键在党。这是共识。"}
      {"id": 7, "text": "沧海横流显砥柱，万山磅礴看主峰。"}
      not json
      {"text": "no id"}
      {"id": "en", "text": "Mr. Smith left. He came back.", "lang": "en"}

      """
    let result = try SegflowProcess.run(["stream"], stdin: input)
    #expect(result.status == 0)
    let records = result.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(records.count == 7)
    #expect(records[0]?["id"] as? String == "a:1:1")
    #expect(records[2]?["id"] as? String == "7:1:1")
    #expect(records[3]?["line"] as? Int == 3)
    #expect(records[4]?["line"] as? Int == 4)
    #expect(records[5]?["text"] as? String == "Mr. Smith left.")
  }
}
