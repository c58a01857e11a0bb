import Foundation
import SegflowKit

/// A progress line on standard error (documents done of total, MB/s, ETA, failures), redrawn in
/// place; silent when standard error is not a terminal.
final class ProgressLine: @unchecked Sendable {
  private let total: Int
  private let enabled: Bool
  private let started = Date()
  private let lock = NSLock()
  private var done = 0
  private var failed = 0
  private var bytes = 0

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
  }

  func advance(_ result: DocumentResult) {
    lock.lock()
    defer { lock.unlock() }
    done += 1
    bytes += result.bytes
    if result.error != nil { failed += 1 }
    guard enabled else { return }
    let seconds = max(0.001, Date().timeIntervalSince(started))
    let rate = Double(bytes) / 1_000_000 / seconds
    let eta = done > 0 ? seconds / Double(done) * Double(total - done) : 0
    Console.errorInline(String(format: "\r\u{1B}[K[%d/%d] %.1f MB/s, ETA %.0f s, %d failed", done, total, rate, eta, failed))
  }

  func clearLine() {
    if enabled { Console.errorInline("\r\u{1B}[K") }
  }

  func finish() {
    if enabled { Console.errorInline("\r\u{1B}[K") }
  }
}

extension Console {
  static func errorInline(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
