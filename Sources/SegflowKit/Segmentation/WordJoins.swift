/// The joins the word conventions find in one pass over a segment's ICU words
/// (``WordRefiner``), kept as lists and applied at the end in their order.
///
/// The word layer's scratch (``WordScratch``) keeps one, so that its lists are reused from one
/// segment to the next: allocating and freeing them at every segment cost some 10 M instructions
/// on 2 MB of text, more than the joins themselves. They are ``ScratchBuffer``s with counts:
/// emptying arrays that kept their storage still cost some 100 instructions a segment.
struct WordJoins {
  /// Runs of transliteration characters (`克林|顿`): the cuts inside each are cleared.
  var transliterations: UnsafeBufferPointer<Range<Int>> { transliterationStorage.prefix(transliterationCount) }
  /// Runs of two or three single characters (`本|报`): the cuts inside are cleared; with
  /// `surname`, the cut after the surname is set again (`江|泽民`).
  var singles: UnsafeBufferPointer<(range: Range<Int>, surname: Bool)> { singleStorage.prefix(singleCount) }
  /// Suffixes joined to the word before them (`现代|化`): the cut before each is cleared.
  var suffixes: UnsafeBufferPointer<Int> { suffixStorage.prefix(suffixCount) }

  private let transliterationStorage = ScratchBuffer<Range<Int>>()
  private let singleStorage = ScratchBuffer<(range: Range<Int>, surname: Bool)>()
  private let suffixStorage = ScratchBuffer<Int>()
  private var transliterationCount = 0
  private var singleCount = 0
  private var suffixCount = 0

  /// Empties the lists for the next segment and makes room for `count` joins of each kind
  /// (the appends below do not check).
  mutating func removeAll(reserving count: Int) {
    transliterationCount = 0
    singleCount = 0
    suffixCount = 0
    transliterationStorage.reserve(count)
    singleStorage.reserve(count)
    suffixStorage.reserve(count)
  }

  mutating func appendTransliteration(_ run: Range<Int>) {
    assert(transliterationCount < transliterationStorage.capacity, "WordJoins: more joins than reserved")
    transliterationStorage.base[transliterationCount] = run
    transliterationCount += 1
  }

  mutating func appendSingles(_ run: Range<Int>, surname: Bool) {
    assert(singleCount < singleStorage.capacity, "WordJoins: more joins than reserved")
    singleStorage.base[singleCount] = (run, surname)
    singleCount += 1
  }

  mutating func appendSuffix(at position: Int) {
    assert(suffixCount < suffixStorage.capacity, "WordJoins: more joins than reserved")
    suffixStorage.base[suffixCount] = position
    suffixCount += 1
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
