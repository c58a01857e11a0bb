/// Everything a review page shows about one document's decisions: the reflow decisions
/// recorded on its blocks and the sentence boundaries derived from its segments, in document
/// order, each with an anchor.
public struct ReviewReport: Sendable {
  /// Decisions below this confidence are listed at the top of the page.
  public static let lowConfidence = 0.8

  /// Every decision, block by block: the block's reflow decisions, then its sentence boundaries.
  public var items: [ReviewItem]
  /// The segments of each block (index 0 is block 1).
  public var segmentsByBlock: [[Segment]]

  public init(document: Document) {
    var segmentsByBlock = [[Segment]](repeating: [], count: document.blocks.count)
    for segment in document.segments where segmentsByBlock.indices.contains(segment.block - 1) {
      segmentsByBlock[segment.block - 1].append(segment)
    }
    var items: [ReviewItem] = []
    for (offset, block) in document.blocks.enumerated() {
      for decision in block.decisions {
        items.append(ReviewItem(anchor: "d\(items.count + 1)", decision: decision, block: offset + 1, kind: block.kind))
      }
      let segments = segmentsByBlock[offset]
      for (before, after) in zip(segments, segments.dropFirst()) {
        let decision = SentenceBoundaryRule.decision(before: before, after: after)
        items.append(ReviewItem(anchor: "d\(items.count + 1)", decision: decision, block: offset + 1, kind: block.kind, segment: after.index))
      }
    }
    self.items = items
    self.segmentsByBlock = segmentsByBlock
  }

  /// The doubtful decisions, by source line (then document order).
  public var lowConfidenceItems: [ReviewItem] {
    items.enumerated()
      .filter { $0.element.isLowConfidence }
      .sorted { ($0.element.decision.line, $0.offset) < ($1.element.decision.line, $1.offset) }
      .map(\.element)
  }

  /// Counts by action, for the page's summary.
  public func count(_ action: Decision.Action) -> Int { items.count { $0.decision.action == action } }
}
