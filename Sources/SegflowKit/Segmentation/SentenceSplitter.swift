import SegflowICU

/// Cuts a block's text into sentences: ICU's sentence rules for the document language, then
/// SRX rules on top (see ``SRXSegmenter`` for the semantics).
///
/// Returns UTF-8 ranges that cover the text exactly, in order; white space after a sentence
/// stays at the end of its range (ICU's convention).
public struct SentenceSplitter {
  public let iterator: BreakIterator
  public let rules: SRXSegmenter?

  public init(iterator: BreakIterator, rules: SRXSegmenter? = nil) {
    self.iterator = iterator
    self.rules = rules
  }

  /// The sentence ranges of `text`, and whether the rules ran out of time (then the ranges are
  /// ICU's alone).
  public func split(_ text: String) throws -> [Range<Int>] {
    try splitReporting(text).ranges
  }

  public func splitReporting(_ text: String) throws -> (ranges: [Range<Int>], outcome: SRXSegmenter.Outcome) {
    var scratch = UTF16Text()
    return try splitReporting(text, scratch: &scratch)
  }

  /// ``splitReporting(_:)`` with the buffers of `scratch` (a segment stage keeps one per
  /// document): the block is transcoded to UTF-16 once, for ICU's sentence iterator (faster on
  /// UTF-16 than on UTF-8) and for the SRX rules' regular expressions.
  func splitReporting(_ text: String, scratch: inout UTF16Text) throws -> (ranges: [Range<Int>], outcome: SRXSegmenter.Outcome) {
    scratch.load(text)
    try scratch.boundaries.find(in: scratch.units, with: iterator)
    // ICU's boundaries as UTF-8 offsets, from 0, as ``BreakIterator/boundaries(in:)`` gives them.
    var boundaries: [Int] = [0]
    boundaries.reserveCapacity(scratch.boundaries.count + 1)
    for k in 0..<scratch.boundaries.count { boundaries.append(scratch.utf8Offsets[Int(scratch.boundaries.offsets[k])]) }
    guard let rules, !text.isEmpty else {
      return (zip(boundaries, boundaries.dropFirst()).map { $0..<$1 }, .applied)
    }
    let (ends, outcome) = rules.apply(to: scratch, boundaries: boundaries)
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(ends.count)
    var start = 0
    for end in ends where end > start {
      ranges.append(start..<end)
      start = end
    }
    return (ranges, outcome)
  }
}
