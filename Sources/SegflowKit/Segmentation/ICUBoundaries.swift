import SegflowICU

/// ICU's boundaries of a UTF-16 text (``BreakIterator/boundaries(inUTF16:offsets:ruleStatuses:)``),
/// in buffers kept from one text to the next and grown only for a longer one.
struct ICUBoundaries {
  /// The boundaries after the start, as UTF-16 offsets (the last is the text's length), and their
  /// rule statuses; the first ``count`` entries are valid.
  private(set) var offsets: [Int32] = []
  private(set) var ruleStatuses: [Int32] = []
  private(set) var count = 0

  /// Breaks `utf16` with `iterator`.
  mutating func find(in utf16: [UInt16], with iterator: BreakIterator) throws {
    count = 0
    guard !utf16.isEmpty else { return }
    if offsets.count < utf16.count {
      let size = max(utf16.count, 2 * offsets.count)
      offsets = [Int32](repeating: 0, count: size)
      ruleStatuses = [Int32](repeating: 0, count: size)
    }
    count = try utf16.withUnsafeBufferPointer { units in
      try offsets.withUnsafeMutableBufferPointer { found in
        try ruleStatuses.withUnsafeMutableBufferPointer { codes in
          try iterator.boundaries(inUTF16: units, offsets: found, ruleStatuses: codes)
        }
      }
    }
  }
}
