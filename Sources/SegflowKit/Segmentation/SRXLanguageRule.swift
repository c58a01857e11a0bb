/// A named, ordered list of rules (`<languagerule languagerulename="…">`).
public struct SRXLanguageRule: Sendable, Hashable {
  public var name: String
  public var rules: [SRXRule]
  /// 1-based line of the element, for messages.
  public var line: Int

  public init(name: String, rules: [SRXRule], line: Int = 0) {
    self.name = name
    self.rules = rules
    self.line = line
  }
}
