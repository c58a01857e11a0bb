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
    String(decoding: bodyBytes(document, context: context), as: UTF8.self)
  }

  /// The rows as bytes (``OutputBytes/records(_:reserving:_:)``).
  public func bodyBytes(_ document: Document, context: WriterContext) -> [UInt8] {
    OutputBytes.records(document.segments) { segment, out in
      Self.appendField(segment.id, to: &out)
      out.append("\t")
      Self.appendField(segment.text, to: &out)
      out.append("\t")
      Self.appendField(context.target(for: segment) ?? "", to: &out)
      out.append("\n")
    }
  }

  /// `text` as a field: backslash, tab, line feed and carriage return written `\\`, `\t`,
  /// `\n`, `\r`.
  static func appendField(_ text: String, to out: inout OutputBytes) {
    out.appendEscapingASCII(text, isSpecial: { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { byte, out in
      switch byte {
      case 0x09: out.append("\\t")
      case 0x0A: out.append("\\n")
      case 0x0D: out.append("\\r")
      default: out.append("\\\\")
      }
    }
  }

  /// `text` escaped as a field (``appendField(_:to:)``, the one escaping).
  public static func field(_ text: String) -> String {
    var out = OutputBytes(capacity: text.utf8.count + 16)
    appendField(text, to: &out)
    return out.withBytes { String(decoding: $0, as: UTF8.self) }
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
