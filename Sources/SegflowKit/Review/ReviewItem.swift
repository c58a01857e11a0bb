/// One decision as the review report shows it: the decision, where it sits, and the anchor
/// (`d12`) the low-confidence list and keyboard navigation jump to.
public struct ReviewItem: Sendable, Hashable {
  /// The element id on the page, `d1`, `d2`, … in document order.
  public var anchor: String
  public var decision: Decision
  /// 1-based index of the block the decision belongs to.
  public var block: Int
  /// The kind of that block (what a classify decision decided).
  public var kind: BlockKind
  /// For sentence boundaries: the 1-based index of the segment that starts at the boundary.
  public var segment: Int?

  public init(anchor: String, decision: Decision, block: Int, kind: BlockKind, segment: Int? = nil) {
    self.anchor = anchor
    self.decision = decision
    self.block = block
    self.kind = kind
    self.segment = segment
  }

  /// True below ``ReviewReport/lowConfidence``: listed at the top and reached with `n`/`p`.
  public var isLowConfidence: Bool { decision.confidence < ReviewReport.lowConfidence }
}
