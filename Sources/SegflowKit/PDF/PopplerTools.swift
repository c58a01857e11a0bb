import Foundation

/// Runs poppler's command-line tools (`pdfinfo`, `pdftotext` from Debian's poppler-utils) as
/// subprocesses. Output goes to temporary files, not pipes, so a chatty stderr (corrupt files
/// print thousands of syntax errors) can never block the child.
public struct PopplerTools: Sendable {
  /// Folders searched for the tools; by default the `PATH` of this process.
  public var searchPath: [String]

  public init(searchPath: [String]? = nil) {
    self.searchPath = searchPath ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      .split(separator: ":").map(String.init)
  }

  /// What a tool printed and how it ended.
  struct Output {
    var status: Int32
    var stdout: Data
    var stderr: String
  }

  /// The full path of `tool`, or a document error naming the Debian package to install.
  func locate(_ tool: String, path: String) throws(DocumentError) -> String {
    for folder in searchPath where !folder.isEmpty {
      let candidate = (folder as NSString).appendingPathComponent(tool)
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw DocumentError(path: path, message: "\(tool) not found: install Debian package poppler-utils (apt-get install poppler-utils)")
  }

  /// Runs `tool` with `arguments`; `path` names the document in errors.
  func run(_ tool: String, _ arguments: [String], path: String) throws(DocumentError) -> Output {
    let executable = try locate(tool, path: path)
    let folder = FileManager.default.temporaryDirectory
    let token = UUID().uuidString
    let outURL = folder.appendingPathComponent("segflow-\(token).out")
    let errURL = folder.appendingPathComponent("segflow-\(token).err")
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
          FileManager.default.createFile(atPath: errURL.path, contents: nil),
          let outHandle = try? FileHandle(forWritingTo: outURL),
          let errHandle = try? FileHandle(forWritingTo: errURL) else {
      throw DocumentError(path: path, message: "cannot create temporary files for \(tool) in \(folder.path)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw DocumentError(path: path, message: "cannot run \(executable): \(error.localizedDescription)")
    }
    process.waitUntilExit()
    try? outHandle.close()
    try? errHandle.close()
    let stdout = (try? Data(contentsOf: outURL)) ?? Data()
    let stderrData = (try? Data(contentsOf: errURL)) ?? Data()
    // Keep the first lines only: a corrupt file can print thousands.
    let stderr = String(decoding: stderrData.prefix(4096), as: UTF8.self)
    return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
  }
}
