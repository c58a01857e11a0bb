extension LineProfile {
  /// The profile's counts over the non-space scalars of a line, taken token by token (a token is
  /// a maximal run of non-space scalars) by ``scanToken(_:_:from:upper:)``.
  ///
  /// (A function of its own, not inlined: in the profile's initializer, next to the gaps and the
  /// pieces, the loop over Latin letters, digits and punctuation kept its flags on the stack,
  /// some five instructions a Latin character.)
  struct ScalarCounts {
    /// Without the narrow ideographs' unit each (subtracted at the end).
    var width = 0
    var narrowIdeographs = 0  // set one unit wide: rare
    /// Every scalar other than an ideograph so far is a wide CJK one.
    var allWideCJK = true
    /// No mark that may be set half width: the width can be trusted to the unit.
    var exact = true
    /// The scalar before is CJK punctuation.
    var previousMark = false
    var halfMarks = 0
    var brackets = false
    var clause = false
    var latinLetter = false
    /// Two ideographs set solid somewhere.
    var solidIdeographs = false
    var lastTerminal: Int? = nil

    /// Counts the token from `start` (not a space) to the next space or past `upper`, and
    /// returns where it ended, its CJK characters and whether all are word-like. (Returned, not
    /// `inout`: in registers.)
    @inline(never)
    mutating func scanToken(
      _ scalars: UnsafeMutablePointer<Unicode.Scalar>, _ entries: UnsafeMutablePointer<UInt8>, from start: Int, upper: Int
    ) -> (end: Int, cjkCount: Int, wordLike: Bool) {
      var cjkCount = 0
      var wordLike = true
      let classes = DecodedLine.Classes(entries: entries)
      let widths = DecodedLine.Widths(entries: entries)
      var position = start
      while position <= upper {
        let cls = classes[position]
        if cls == .space { break }
        if cls == .ideograph {
          // A run of ideographs (most of a CJK line) in a loop of its own: all that changes
          // along it is the width and the count, read from the entries (an ideograph's is its
          // wide flag alone: class zero, in no punctuation set), not from the class and width
          // views. (Wrapping arithmetic: both stay below twice the line's length; their overflow
          // checks were a sixth of the loop.)
          let runStart = position
          repeat {
            if entries[position] != ScalarTable.wideIdeograph { narrowIdeographs &+= 1 }
            position = Self.endOfWideIdeographs(entries, from: position &+ 1, upper: upper)
          } while position <= upper && entries[position] & ScalarTable.classMask == ScalarClass.ideograph.rawValue
          width &+= 2 &* (position &- runStart)
          cjkCount &+= position &- runStart
          wordLike = false
          if position - runStart > 1 { solidIdeographs = true }
          previousMark = false
          continue
        }
        let w = Int(widths[position])
        width += w
        if w != 2 || !cls.isCJK { allWideCJK = false }
        if cls.isCJK { cjkCount += 1 }
        if !cls.isWordLike { wordLike = false }
        // (No ideograph is in any of these sets. The sets are flags of the class table, which
        // the decoded line keeps with each scalar's class: no lookup.)
        let scalar = scalars[position]
        let flags = entries[position] & ScalarTable.punctuationFlagsMask
        let mark = cls == .cjkPunctuation
        if mark && (previousMark || flags & ScalarTable.continuingFlag != 0) { exact = false }
        if mark { halfMarks += 1 }
        previousMark = mark
        if scalar == "（" || scalar == "）" || scalar == "(" || scalar == ")" { brackets = true }
        if position < upper, flags & ScalarTable.clauseFlag != 0 { clause = true }
        if cls == .latinLetter { latinLetter = true }
        if flags & ScalarTable.terminalFlag != 0 { lastTerminal = position }
        position += 1
      }
      return (position, cjkCount, wordLike)
    }

    /// The first index from `start` on, up to `upper + 1`, whose entry is not a wide
    /// ideograph's, read eight entries at a time.
    ///
    /// (One step for a run of fewer than eight, most runs between two marks: a loop over the
    /// entries one by one cost some six instructions an ideograph and mispredicted where each
    /// run ended. The line's entry buffer has room for eight past its last entry,
    /// ``DecodedLine/entries``.)
    @inline(__always)
    static func endOfWideIdeographs(_ entries: UnsafeMutablePointer<UInt8>, from start: Int, upper: Int) -> Int {
      var position = start
      while position <= upper {
        let eight = UInt64(littleEndian: UnsafeRawPointer(entries + position).loadUnaligned(as: UInt64.self))
        // Zero bytes for wide ideographs; the first other byte ends the run.
        let others = eight ^ 0x1010_1010_1010_1010
        let run = others == 0 ? 8 : others.trailingZeroBitCount &>> 3
        position &+= run
        if run < 8 { break }
      }
      return min(position, upper &+ 1)
    }
  }
}
