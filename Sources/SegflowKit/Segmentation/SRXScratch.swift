/// The arrays ``SRXSegmenter`` fills for a block, kept from one block to the next
/// (``SentenceScratch``): allocated and grown afresh for every block and rule, they cost more than
/// the decisions made with them. Every list is emptied, keeping its storage, before it is filled.
struct SRXScratch {
  /// ICU's sentence ends inside the block (UTF-8 offsets, ascending; neither 0 nor the block's
  /// length): the caller's input.
  var icuEnds: [Int] = []
  /// The sentence ends after the rules (UTF-8 offsets, ascending, the block's length last): the
  /// result.
  var ends: [Int] = []
  /// Every matching rule's hits, rule after rule (see ``SRXSegmenter/apply(to:scratch:)``).
  var allHits: [Int] = []
  /// The hits of the break rules, then the candidates: `icuEnds` and those, sorted.
  var breakHits: [Int] = []
  var candidates: [Int] = []
  /// The rules that match somewhere in the block, and a cursor into `allHits` for each.
  var active: [(rule: Int, start: Int, end: Int, everywhere: Bool)] = []
  var cursors: [Int] = []
  /// Where the units of the rules' start sets stand in the block
  /// (``SRXPrefilterTable/mayMatch(in:events:)``).
  var events: [Int] = []
  /// Per rule, whether it may match in the block (``SRXPrefilterTable/mayMatch(in:events:into:)``).
  var mayMatch: [Bool] = []
  /// The scans of a rule's gap conditions (``SRXGapCondition/Scan``), fresh for each rule and
  /// block. Storage, not an array: an array per rule and block was made unique before its loop
  /// even for a rule without gaps (English text: 35,440 arrays and 33,120 copies, 4.3 M).
  let gapScans = ScratchBuffer<SRXGapCondition.Scan>()
}
