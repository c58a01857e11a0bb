import SegflowICU

/// A word of a segment: where it lies in the segment's text and what kind of word it is.
///
/// A token holds no text of its own: its characters are the segment's, `start..<end` of its
/// UTF-8 (``Segment/text(of:)``). A tokenized document has a token for every word, and a string
/// (or a reference to one) in each cost a retain when the token was made and a release when it
/// went away; a plain value costs neither.
public struct Token: Sendable, Hashable, Codable {
  /// What ICU's word rules (or the lexicon layer) say the token is.
  public var type: WordRuleStatus
  /// UTF-8 range in the segment's text.
  public var start: Int
  public var end: Int

  public init(type: WordRuleStatus, start: Int, end: Int) {
    self.type = type
    self.start = start
    self.end = end
  }

  /// The token's characters in `text`, the string its offsets are in. Offsets outside the text
  /// are clamped to it, and a character cut by an offset is replaced by U+FFFD.
  public func text(in text: String) -> String {
    let utf8 = text.utf8
    let lower = min(max(start, 0), utf8.count)
    let upper = min(max(end, lower), utf8.count)
    let from = utf8.index(utf8.startIndex, offsetBy: lower)
    return String(decoding: utf8[from..<utf8.index(from, offsetBy: upper - lower)], as: UTF8.self)
  }
}
