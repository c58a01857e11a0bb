import Foundation

/// Stage contexts lent to concurrent tasks: a context's break iterators are not thread-safe, so
/// each task borrows one for a while, and contexts are reused instead of reopened for every chunk.
final class StageContextPool: @unchecked Sendable {
  private let lock = NSLock()
  private var idle: [StageContext] = []

  /// Runs `body` with a context no other task is using.
  func withContext<Result>(_ body: (StageContext) -> Result) -> Result {
    let context = lock.withLock { idle.popLast() } ?? StageContext()
    defer { lock.withLock { idle.append(context) } }
    return body(context)
  }
}
