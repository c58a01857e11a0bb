/// The joins the word conventions find in one pass over a segment's ICU words
/// (``WordRefiner``), kept as lists and applied at the end in their order.
///
/// The word layer's scratch (``WordScratch``) keeps one, so that its lists are reused from one
/// segment to the next: allocating and freeing them at every segment cost some 10 M instructions
/// on 2 MB of text, more than the joins themselves.
struct WordJoins {
  /// Runs of transliteration characters (`克林|顿`): the cuts inside each are cleared.
  var transliterations: [Range<Int>] = []
  /// Runs of two or three single characters (`本|报`): the cuts inside are cleared; with
  /// `surname`, the cut after the surname is set again (`江|泽民`).
  var singles: [(range: Range<Int>, surname: Bool)] = []
  /// Suffixes joined to the word before them (`现代|化`): the cut before each is cleared.
  var suffixes: [Int] = []

  /// Empties the lists for the next segment, keeping their storage.
  mutating func removeAll() {
    if !transliterations.isEmpty { transliterations.removeAll(keepingCapacity: true) }
    if !singles.isEmpty { singles.removeAll(keepingCapacity: true) }
    if !suffixes.isEmpty { suffixes.removeAll(keepingCapacity: true) }
  }

  /// Applies the joins to `cut`: transliterations, then single characters, then suffixes, a later
  /// one winning where two touch the same position.
  func apply(to cut: UnsafeMutableBufferPointer<Bool>) {
    for run in transliterations {
      for position in (run.lowerBound + 1)..<run.upperBound { cut[position] = false }
    }
    for (run, surname) in singles {
      for position in (run.lowerBound + 1)..<run.upperBound { cut[position] = false }
      if surname { cut[run.lowerBound + 1] = true }
    }
    for position in suffixes { cut[position] = false }
  }
}
