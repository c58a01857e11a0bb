/// One `<rule>` of an SRX 2.0 file: a break or no-break decision for every position where
/// `beforeBreak` matches the text ending there and `afterBreak` matches the text starting there.
public struct SRXRule: Sendable, Hashable {
  /// `break="yes"` (true) adds a break; `break="no"` (false) forbids one.
  public var isBreak: Bool
  /// ICU regular expression for the text before the position; empty matches everywhere.
  public var beforeBreak: String
  /// ICU regular expression for the text after the position; empty matches everywhere.
  public var afterBreak: String
  /// 1-based line of the `<rule>` element in its file, for messages.
  public var line: Int

  public init(isBreak: Bool, beforeBreak: String, afterBreak: String, line: Int = 0) {
    self.isBreak = isBreak
    self.beforeBreak = beforeBreak
    self.afterBreak = afterBreak
    self.line = line
  }
}
