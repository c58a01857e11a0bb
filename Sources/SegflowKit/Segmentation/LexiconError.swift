/// A lexicon file that cannot be read.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
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
