/// One problem in a pipeline file, with its place.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// 1-based line and column (Unicode scalars), when known.
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `pipelines/zh.yaml:7:9: error: unknown stage 'reflw'; valid: decode, …`
  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): error: \(message)"
  }
}

/// A pipeline file that cannot be used: every problem found, not just the first.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var issues: [ConfigIssue]

  public init(_ issues: [ConfigIssue]) {
    self.issues = issues
  }

  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
