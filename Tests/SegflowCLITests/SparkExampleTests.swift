import Foundation
import Testing

/// examples/spark runs Segflow through PySpark's RDD.pipe (`segflow stream`); its records must
/// equal those `segflow run` writes for the same documents.
@Suite struct SparkExampleTests {
  static var pysparkInstalled: Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import pyspark"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  @Test("PySpark in local mode gives the same segment records as segflow run", .enabled(if: pysparkInstalled), .timeLimit(.minutes(3)))
  func sparkMatchesRun() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let input = folder.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let seed = try String(contentsOf: SegflowProcess.packageRoot.appendingPathComponent("seeds/000_447990846ac5af44.txt"), encoding: .utf8)
    let paragraphs = seed.components(separatedBy: "\n\n")
    for index in 0..<5 {
      try Data(paragraphs.shuffledDeterministically(seed: index).prefix(5).joined(separator: "\n\n").utf8).write(to: input.appendingPathComponent("doc\(index).txt"))
    }
    let out = folder.appendingPathComponent("out")
    #expect(try SegflowProcess.run(["run", input.path, "--out", out.path, "--quiet", "--writers", "jsonl"]).status == 0)
    var expected: [String] = []
    for index in 0..<5 {
      let text = try String(contentsOf: out.appendingPathComponent("doc\(index).segments.jsonl"), encoding: .utf8)
      expected += text.split(separator: "\n").map(String.init)
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let script = SegflowProcess.packageRoot.appendingPathComponent("examples/spark/segflow_spark.py").path
    let result = folder.appendingPathComponent("spark.jsonl")
    process.arguments = ["python3", script, SegflowProcess.executable.path, input.path, result.path, "2"]
    process.currentDirectoryURL = SegflowProcess.packageRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let spark = try String(contentsOf: result, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(spark.count == expected.count)
    #expect(Set(try spark.map(Self.canonical)) == Set(try expected.map(Self.canonical)))
  }

  /// The record with sorted keys, so both JSON writers compare equal.
  static func canonical(_ line: String) throws -> String {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
  }
}
