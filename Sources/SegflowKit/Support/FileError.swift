/// A data file (SRX rules, a lexicon or glossary) that cannot be used, with its place:
/// `rules.srx:12: error: rule 3 of 'Chinese': beforebreak …`.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// 1-based line, when the problem has one.
  public var line: Int?
  public var message: String

  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    return "\(place): error: \(message)"
  }
}
