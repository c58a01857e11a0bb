import Foundation

/// The units each one-character SRX element matches, computed once per process: every segmenter
/// built from the same rules (one per document and per chunk task) analyzes the same elements,
/// and each answer is a search by ICU over the whole BMP.
final class SRXMemberCache: @unchecked Sendable {
  static let shared = SRXMemberCache()

  private let lock = NSLock()
  /// Element pattern → its members (nil: not a one-character element ICU can answer for).
  private var known: [String: [Bool]?] = [:]

  /// The members of `element`, from `compute` the first time it is asked.
  func members(of element: String, compute: () -> [Bool]?) -> [Bool]? {
    if let found = lock.withLock({ known[element] }) { return found }
    // Computed outside the lock (two tasks may both compute one element once: same answer).
    let members = compute()
    lock.withLock { known[element] = .some(members) }
    return members
  }
}
