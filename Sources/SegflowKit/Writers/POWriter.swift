/// gettext PO: a header entry, then one entry per segment with `msgctxt` = the segment record id
/// (`document:block:index`, unique in the file), the block kind and source span in `#.`
/// comments, a `#: PATH:LINE` reference, and the translation (if any) in `msgstr`.
///
/// PO has no block structure, so the white space after a segment inside its block is kept in a
/// `#. trailing "…"` comment: `segflow merge` rebuilds blocks from it without the original.
public struct POWriter: StreamingSegmentWriter {
  public let name = "po"
  public let fileSuffix = ".po"
  public let requires: Set<String> = ["segments"]

  public init() {}

  public func header(_ document: Document, context: WriterContext) -> String {
    let header = [
      "Project-Id-Version: \(document.name)",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: 8bit",
      "Language: \(LanguageTag.canonical(context.targetLanguage).replacingOccurrences(of: "-", with: "_"))",
      "X-Source-Language: \(LanguageTag.canonical(context.sourceLanguage))",
      "X-Generator: \(Segflow.toolName) \(context.toolVersion)",
    ]
    var out = "# Segments of \(Self.comment(document.name)) for translation, written by \(Segflow.toolName).\n"
    out += "msgid \"\"\nmsgstr \"\"\n"
    for field in header { out += Self.quoted(field + "\n") + "\n" }
    return out
  }

  public func footer(_ document: Document, context: WriterContext) -> String { "" }

  public func body(_ document: Document, context: WriterContext) -> String {
    var out = ""
    for segment in document.segments {
      out += "\n#. \(segment.kind.rawValue) \(segment.block):\(segment.index) source \(XLIFF2Writer.position(segment.source.start))-\(XLIFF2Writer.position(segment.source.end))\n"
      if !segment.trailing.isEmpty { out += "#. trailing \(Self.quoted(segment.trailing))\n" }
      out += "#: \(Self.comment(document.path.replacingOccurrences(of: " ", with: "_"))):\(segment.source.start.line)\n"
      out += "msgctxt \(Self.quoted(segment.id))\n"
      out += "msgid \(Self.quoted(segment.text))\n"
      out += "msgstr \(Self.quoted(context.target(for: segment) ?? ""))\n"
    }
    return out
  }

  /// A PO string literal with C escapes (`\"`, `\\`, `\n`, `\t`, `\r`, other controls as octal).
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let octal = String(scalar.value, radix: 8)
          result += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// Comment text on one line.
  static func comment(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
  }
}
