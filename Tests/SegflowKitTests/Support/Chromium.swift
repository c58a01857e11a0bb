import Foundation

/// Headless Chromium (Debian `chromium`), for tests that load the review pages as a person's
/// browser would. Absent on a bare machine: tests using it are skipped there; CI installs it
/// with `scripts/bootstrap`.
struct Chromium {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Lines the page's console printed (`--enable-logging=stderr` marks them `:CONSOLE`),
    /// script errors (`Uncaught …`) among them.
    var consoleMessages: [String] {
      stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
    }
  }

  let executable: String

  /// The installed browser, or nil: `$CHROMIUM`, then `chromium`, `chromium-browser` on the usual paths.
  static let installed: Chromium? = {
    var candidates: [String] = []
    if let path = ProcessInfo.processInfo.environment["CHROMIUM"] { candidates.append(path) }
    candidates += ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(Chromium.init)
  }()

  /// Runs the browser headless on `url` with `extra` arguments (`--dump-dom`, `--screenshot=…`);
  /// a run that takes longer than `timeout` seconds is killed and reported as status -1.
  func run(_ url: URL, _ extra: [String], timeout: TimeInterval = 60) throws -> Result {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
      "--enable-logging=stderr", "--v=0", "--user-data-dir=\(profile.path)",
    ] + extra + [url.absoluteString]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    var timedOut = false
    if group.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      process.terminate()
      group.wait()
    }
    process.waitUntilExit()
    return Result(
      status: timedOut ? -1 : process.terminationStatus,
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
