/// A table of one byte per BMP code point kept as generated runs (`start << 8 | entry`: the
/// entry of every code point from `start` to the next run's start), as `ScalarTableData` and
/// `ScalarTraitsData` hold them: reading them back is cheaper than computing every entry from
/// the Unicode properties at each process start.
enum BMPRuns {
  /// Writes each run's entry over its code points into `table` (0x10000 entries).
  static func fill(_ table: UnsafeMutableBufferPointer<UInt8>, from runs: [UInt32]) {
    precondition(table.count == 0x10000, "a BMP table has 0x10000 entries")
    guard let base = table.baseAddress else { return }
    for (index, run) in runs.enumerated() {
      let start = Int(run >> 8)
      let end = index + 1 < runs.count ? Int(runs[index + 1] >> 8) : 0x10000
      (base + start).update(repeating: UInt8(truncatingIfNeeded: run), count: end - start)
    }
  }
}
