/// A choice the reflow or segmentation made, with the rule that made it, so that a person can
/// check it (`segflow reflow --explain`, the review report).
public struct Decision: Sendable, Hashable, Codable {
  public enum Action: String, Sendable, Hashable, Codable {
    /// Two source lines were joined into one block.
    case join
    /// A new block was started.
    case split
    /// Spaces were removed from a line (justification or CJK–Latin glue).
    case removeSpace
    /// A block was given a kind other than paragraph.
    case classify
    /// A hyphen was removed when joining Latin lines.
    case dehyphenate
    /// A sentence boundary.
    case sentence
  }

  public var action: Action
  /// The rule's stable name, e.g. `terminal-short-line`.
  public var rule: String
  /// How sure the rule is, from 0 to 1: several agreeing signals near 1, one weak signal near 0.5.
  public var confidence: Double
  /// The source line the decision is about (for joins and splits: the line before the edge).
  public var line: Int
  /// A short human explanation.
  public var detail: String

  public init(_ action: Action, rule: String, confidence: Double, line: Int, detail: String) {
    self.action = action
    self.rule = rule
    self.confidence = confidence
    self.line = line
    self.detail = detail
  }
}
