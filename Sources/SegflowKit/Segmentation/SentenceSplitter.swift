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
    var scratch = SentenceScratch()
    let outcome = try splitReporting(text, scratch: &scratch)
    return (scratch.ranges, outcome)
  }

  /// ``splitReporting(_:)`` with the buffers of `scratch` (a segment stage keeps one per
  /// document), the ranges left in `scratch.ranges`: the block is transcoded to UTF-16 once, for
  /// ICU's sentence iterator (faster on UTF-16 than on UTF-8) and for the SRX rules' regular
  /// expressions.
  func splitReporting(_ text: String, scratch: inout SentenceScratch) throws -> SRXSegmenter.Outcome {
    scratch.text.load(text, staging: scratch.staging)
    try scratch.text.boundaries.find(in: scratch.text.units, with: iterator)
    scratch.ranges.removeAll(keepingCapacity: true)
    let found = scratch.text.boundaries
    let utf8Offsets = scratch.text.utf8Offsets
    guard let rules, !text.isEmpty else {
      // ICU's boundaries as UTF-8 offsets, each range from the one before (from 0), as
      // ``BreakIterator/boundaries(in:)`` gives them.
      var start = 0
      for k in 0..<found.count {
        let end = utf8Offsets[Int(found.offsets[k])]
        scratch.ranges.append(start..<end)
        start = end
      }
      return .applied
    }
    // ICU's ends inside the block, as UTF-8 offsets.
    let utf8Count = scratch.text.utf8Count
    scratch.rules.icuEnds.removeAll(keepingCapacity: true)
    for k in 0..<found.count {
      let end = utf8Offsets[Int(found.offsets[k])]
      if end > 0, end < utf8Count { scratch.rules.icuEnds.append(end) }
    }
    let outcome = rules.apply(to: scratch.text, scratch: &scratch.rules)
    var start = 0
    for end in scratch.rules.ends where end > start {
      scratch.ranges.append(start..<end)
      start = end
    }
    return outcome
  }
}
