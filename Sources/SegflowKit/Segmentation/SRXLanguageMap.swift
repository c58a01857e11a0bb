/// A `<languagemap>`: languages whose code fully matches `pattern` (an ICU regular expression)
/// use the rules named `ruleName`.
public struct SRXLanguageMap: Sendable, Hashable {
  public var pattern: String
  public var ruleName: String
  public var line: Int

  public init(pattern: String, ruleName: String, line: Int = 0) {
    self.pattern = pattern
    self.ruleName = ruleName
    self.line = line
  }
}
