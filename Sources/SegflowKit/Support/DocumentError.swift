/// A problem with one input document. The batch reports it and goes on with the others.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The input path as the user gave it.
  public var path: String
  public var message: String
  /// 1-based line, when the problem has one.
  public var line: Int?
  /// Byte offset in the file, when the problem has one (decoding errors).
  public var byte: Int?

  public init(path: String, message: String, line: Int? = nil, byte: Int? = nil) {
    self.path = path
    self.message = message
    self.line = line
    self.byte = byte
  }

  /// One line, compiler style: `seeds/a.txt:12: error: …` or `a.txt: error: … (byte 1042)`.
  public var description: String {
    var text = path
    if let line { text += ":\(line)" }
    text += ": error: \(message)"
    if let byte { text += " (byte \(byte))" }
    return text
  }
}
