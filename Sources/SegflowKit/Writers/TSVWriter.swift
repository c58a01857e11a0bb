/// Tab-separated `id`, `source`, `target` (empty when untranslated), with a header row, for data
/// pipelines and spreadsheets. Backslash, tab, line feed and carriage return in a field are
/// written `\\`, `\t`, `\n`, `\r`, so one record is always one line with three fields.
public struct TSVWriter: StreamingSegmentWriter {
  public let name = "tsv"
  public let fileSuffix = ".tsv"
  public let requires: Set<String> = ["segments"]

  public init() {}

  public func header(_ document: Document, context: WriterContext) -> String { "id\tsource\ttarget\n" }
  public func footer(_ document: Document, context: WriterContext) -> String { "" }

  public func body(_ document: Document, context: WriterContext) -> String {
    var out = ""
    for segment in document.segments {
      out += [segment.id, segment.text, context.target(for: segment) ?? ""].map(Self.field).joined(separator: "\t") + "\n"
    }
    return out
  }

  public static func field(_ text: String) -> String {
    var result = ""
    for character in text.unicodeScalars {
      switch character {
      case "\\": result += "\\\\"
      case "\t": result += "\\t"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  /// The inverse of ``field(_:)``.
  public static func unescape(_ field: Substring) -> String {
    var result = ""
    var escaping = false
    for scalar in field.unicodeScalars {
      if escaping {
        switch scalar {
        case "t": result += "\t"
        case "n": result += "\n"
        case "r": result += "\r"
        default: result.unicodeScalars.append(scalar)
        }
        escaping = false
      } else if scalar == "\\" {
        escaping = true
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
