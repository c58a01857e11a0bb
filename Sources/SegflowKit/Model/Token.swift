import SegflowICU

/// A word of a segment.
public struct Token: Sendable, Hashable, Codable {
  public var text: String
  /// What ICU's word rules (or the lexicon layer) say the token is.
  public var type: WordRuleStatus
  /// UTF-8 range in the segment's text.
  public var start: Int
  public var end: Int

  public init(text: String, type: WordRuleStatus, start: Int, end: Int) {
    self.text = text
    self.type = type
    self.start = start
    self.end = end
  }
}
