import Foundation
import SegflowKit

/// Paths the tests read: the package, its seeds and pipelines, and the team's shared data.
enum Fixtures {
  /// The package root (this file is Tests/SegflowKitTests/Support/Fixtures.swift).
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// `../shared/data`, next to the project (read only; never copied into the repository).
  static let sharedData = root.deletingLastPathComponent().appendingPathComponent("shared/data").path

  static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedData) }

  static func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appendingPathComponent(relative)))
  }

  /// The seed documents, sorted.
  static var seeds: [String] {
    let folder = path("seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted()
  }

  /// Runs `pipeline` on text given as a string.
  static func process(_ text: String, pipeline: Pipeline, name: String = "test") throws -> Document {
    var document = Document(name: name, path: "\(name).txt", bytes: Array(text.utf8), language: pipeline.language)
    try pipeline.process(&document, context: StageContext())
    return document
  }

  /// The default pipeline from `pipelines/newspaper-zh.yaml`.
  static func defaultPipeline() throws -> Pipeline {
    try PipelineLoader.load(path: path("pipelines/newspaper-zh.yaml"))
  }
}

/// Compares `actual` with the golden file `Golden/<suite>/<name>`; with `RECORD_GOLDEN=1` (or
/// when the file is missing) writes it and fails, so a recording is never mistaken for a pass.
func assertGolden(_ actual: String, suite: String, name: String) -> String? {
  let url = Fixtures.root.appendingPathComponent("Tests/SegflowKitTests/Golden/\(suite)/\(name)")
  let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
  guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    return "recorded new golden \(url.path)"
  }
  let normalize = { (text: String) in text.replacingOccurrences(of: "\r\n", with: "\n") }
  if normalize(expected) == normalize(actual) { return nil }
  let expectedLines = normalize(expected).split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = normalize(actual).split(separator: "\n", omittingEmptySubsequences: false)
  for index in 0..<max(expectedLines.count, actualLines.count) {
    let e = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
    let a = index < actualLines.count ? String(actualLines[index]) : "<none>"
    if e != a { return "\(name) differs from golden at line \(index + 1):\n- \(e)\n+ \(a)\n(rerun with RECORD_GOLDEN=1 to accept)" }
  }
  return "\(name) differs from golden"
}
