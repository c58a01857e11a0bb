import Foundation

/// Runs the command-line tools the format tests prove our files against (xmllint, Translate
/// Toolkit, OmegaT); each test skips when its tool is missing locally (CI installs them all
/// through scripts/bootstrap).
enum ExternalTool {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The full path of `name` on PATH, or nil.
  static func find(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], currentDirectory: String? = nil) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes at once, before waiting, so a full pipe never blocks the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  static var hasXmllint: Bool { find("xmllint") != nil && Fixtures.hasSharedData }

  static var hasTranslateToolkit: Bool {
    guard let python = find("python3"), let result = try? run(python, ["-c", "import translate.storage.xliff2"]) else { return false }
    return result.status == 0
  }

  /// Validates `file` with xmllint against the shared schemas: `xliff2`, `xliff12` or `tmx`.
  /// Returns nil when valid, else xmllint's complaint.
  static func validate(_ file: String, as kind: String) throws -> String? {
    guard let xmllint = find("xmllint") else { return "no xmllint" }
    let schemas = Fixtures.sharedData + "/schemas"
    let arguments: [String]
    switch kind {
    case "xliff2": arguments = ["--nonet", "--noout", "--schema", schemas + "/xliff-2.0-2.1/xliff_core_2.0.xsd", file]
    case "xliff12": arguments = ["--nonet", "--noout", "--schema", schemas + "/xliff-1.2/xliff-core-1.2-strict.xsd", file]
    default: arguments = ["--nonet", "--noout", "--dtdvalid", schemas + "/tmx-1.4/tmx14.dtd", file]
    }
    let result = try run(xmllint, arguments, environment: ["XML_CATALOG_FILES": schemas + "/catalog.xml"])
    return result.status == 0 ? nil : result.stderr
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "segflow-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
