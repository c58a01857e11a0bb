/// An SRX file that cannot be used: not XML, not SRX 2.0, or a rule that does not compile.
///
/// Names the file, the 1-based line and, for rule problems, the language rule and the rule's
/// position in it.
public struct SRXError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String

  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `rules.srx:12: error: rule 3 of 'Chinese': beforebreak …`
  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    return "\(place): error: \(message)"
  }
}
