/// What a long look-behind `(?<=P G{m,N} S)` of a rule needs, checked before ICU tries it: some
/// position j where P can start (``SRXCandidateFilter`` of P), close enough, with only characters
/// of the one-character class G between the end of P and the start of S.
///
/// The list-label rule looks back over `[^\n]{0,1000}` for an earlier label in the paragraph; ICU
/// tries each of the thousand start offsets at every label-like `i.`, `m.` or `g.`, while a
/// paragraph without an earlier label has no such j. With widths P ∈ [pmin, pmax], S ∈ [smin,
/// smax] (characters) and the look-behind standing at c: j ≤ c − smin − m − pmin,
/// j ≥ c − smax − N − pmax, and every unit of [j + pmax, c − smax) is in G (it lies inside the
/// G run). Offsets count one unit a character, so a block with surrogates is not filtered.
struct SRXGapCondition {
  /// Where P can start.
  let start: SRXCandidateFilter
  /// G's class (word and bit in ``SRXUnitClasses``).
  let gapWord: Int
  let gapMask: UInt64
  /// m and N.
  let gap: ClosedRange<Int>
  /// The widths of P and S, in characters.
  let before: ClosedRange<Int>
  let after: ClosedRange<Int>
  /// Where the look-behind stands, from the start of the match.
  let offsets: ClosedRange<Int>

  /// What a block's scan knows, carried over ascending positions.
  struct Scan {
    /// Positions before this one are tested for a start of P (only from the lowest start a
    /// query could use: the bounds only grow).
    var tested = 0
    /// The last start of P found (-1: none).
    var latest = -1
    var cursor = 0
    /// The units before this one are read for `lastOutside`.
    var position = 0
    /// The last position read whose unit is not in G (-1: none).
    var lastOutside = -1
  }

  /// Whether the look-behind may hold for a match starting at `position` (false: it certainly
  /// does not).
  func mayHold(at position: Int, units: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<UInt64>,
               surrogates: [Int], scan: inout Scan) -> Bool {
    guard surrogates.isEmpty else { return true }
    let nearest = position + offsets.lowerBound
    let farthest = position + offsets.upperBound
    let highest = min(farthest - after.lowerBound - gap.lowerBound - before.lowerBound, units.count - 1)
    // The G run that must reach back to P's end ends at `runEnd`.
    let runEnd = nearest - after.upperBound
    var lowest = nearest - after.upperBound - gap.upperBound - before.upperBound
    if runEnd > 0 {
      while scan.position < runEnd {
        if classes[SRXUnitClasses.slot(units[scan.position], gapWord)] & gapMask == 0 { scan.lastOutside = scan.position }
        scan.position += 1
      }
      lowest = max(lowest, scan.lastOutside + 1 - before.upperBound)
    }
    guard lowest <= highest else { return false }
    // The latest start of P up to `highest`: both bounds only grow, so each position is tested
    // at most once a block.
    var next = max(scan.tested, lowest, 0)
    while next <= highest {
      next = start.firstCandidate(from: next, before: highest + 1, units: units, classes: classes, surrogates: surrogates, cursor: &scan.cursor)
      guard next <= highest else { break }
      scan.latest = next
      next += 1
    }
    scan.tested = max(scan.tested, highest + 1)
    return scan.latest >= lowest && scan.latest <= highest
  }
}
