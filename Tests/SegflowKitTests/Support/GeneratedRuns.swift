import Foundation
import Testing

/// The BMP tables kept as generated runs (`start << 8 | entry`: the entry of every code point from
/// `start` to the next run's start) in a Swift source file: the runs computed from a table's
/// properties, the file's source, the check that the stored runs are the computed ones
/// (RECORD_GOLDEN=1 writes the file instead), and the check of a table filled from them.
enum GeneratedRuns {
  /// The runs of `entry` over the BMP, one per change of entry (surrogates, which are no
  /// scalars, get `surrogate`).
  static func runs(surrogate: UInt8, _ entry: (Unicode.Scalar) -> UInt8) -> [UInt32] {
    var runs: [UInt32] = []
    var previous: UInt8?
    for value in UInt32(0)..<0x10000 {
      let current = Unicode.Scalar(value).map(entry) ?? surrogate
      if current != previous { runs.append(value << 8 | UInt32(current)) }
      previous = current
    }
    return runs
  }

  /// The source of a file declaring `enum typeName { static let runs: [UInt32] }`, eight runs a
  /// line, after the `header` comment lines (written as they are).
  static func source(header: [String], typeName: String, runs: [UInt32]) -> String {
    var lines = header + ["enum \(typeName) {", "  static let runs: [UInt32] = ["]
    let hex = runs.map { run in
      let digits = String(run, radix: 16, uppercase: true)
      return "0x" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
    for start in stride(from: 0, to: hex.count, by: 8) {
      lines.append("    " + hex[start..<min(start + 8, hex.count)].map { $0 + "," }.joined(separator: " "))
    }
    lines += ["  ]", "}", ""]
    return lines.joined(separator: "\n")
  }

  /// Expects the `stored` runs to be the `computed` ones; with RECORD_GOLDEN=1 writes `source` to
  /// `file` (relative to the package root) instead and records an issue, so that a recording
  /// run never passes unnoticed.
  static func check(stored: [UInt32], computed: [UInt32], file: String, source: @autoclosure () -> String) throws {
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
      let url = Fixtures.root.appendingPathComponent(file)
      try source().write(to: url, atomically: true, encoding: .utf8)
      Issue.record("recorded \(computed.count) runs in \(url.path); rebuild")
      return
    }
    let first = zip(stored, computed).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    #expect(stored == computed, "runs differ from run \(first ?? min(computed.count, stored.count)) (rerun with RECORD_GOLDEN=1 to write them)")
  }

  /// Expects a table filled from `runs` to hold each run's entry at its first and last code
  /// point (`entry(value)`), with adjacent runs different and the first starting at 0.
  static func expectFilled(from runs: [UInt32], entry: (Int) -> UInt8) {
    #expect(runs.first.map { $0 >> 8 } == 0)
    for (index, run) in runs.enumerated() {
      let start = Int(run >> 8)
      let end = index + 1 < runs.count ? Int(runs[index + 1] >> 8) : 0x10000
      #expect(start < end)
      if index > 0 { #expect(UInt8(truncatingIfNeeded: run) != UInt8(truncatingIfNeeded: runs[index - 1])) }
      #expect(entry(start) == UInt8(truncatingIfNeeded: run))
      #expect(entry(end - 1) == UInt8(truncatingIfNeeded: run))
    }
  }
}
