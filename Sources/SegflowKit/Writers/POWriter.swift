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
    String(decoding: bodyBytes(document, context: context), as: UTF8.self)
  }

  /// The entries as bytes (``OutputBytes/records(_:reserving:_:)``).
  public func bodyBytes(_ document: Document, context: WriterContext) -> [UInt8] {
    let reference = Self.comment(document.path.replacingOccurrences(of: " ", with: "_"))
    return OutputBytes.records(document.segments) { segment, out in
      out.append("\n#. ")
      out.append(utf8: segment.kind.rawValue)
      out.append(" ")
      XLIFF2Writer.appendSegmentNumber(segment, to: &out)
      out.append(" source ")
      XLIFF2Writer.appendPosition(segment.source.start, to: &out)
      out.append("-")
      XLIFF2Writer.appendPosition(segment.source.end, to: &out)
      out.append("\n")
      if !segment.trailing.isEmpty {
        out.append("#. trailing ")
        Self.appendQuoted(segment.trailing, to: &out)
        out.append("\n")
      }
      out.append("#: ")
      out.append(utf8: reference)
      out.append(":")
      out.appendNumber(segment.source.start.line)
      out.append("\nmsgctxt ")
      Self.appendQuoted(segment.id, to: &out)
      out.append("\nmsgid ")
      Self.appendQuoted(segment.text, to: &out)
      out.append("\nmsgstr ")
      Self.appendQuoted(context.target(for: segment) ?? "", to: &out)
      out.append("\n")
    }
  }

  /// `text` as a PO string literal with C escapes (`\"`, `\\`, `\n`, `\t`, `\r`, other controls
  /// and DEL as three octal digits).
  static func appendQuoted(_ text: String, to out: inout OutputBytes) {
    out.append("\"")
    out.appendEscapingASCII(text, isSpecial: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { byte, out in
      switch byte {
      case UInt8(ascii: "\""): out.append("\\\"")
      case UInt8(ascii: "\\"): out.append("\\\\")
      case 0x0A: out.append("\\n")
      case 0x09: out.append("\\t")
      case 0x0D: out.append("\\r")
      default:
        // Three octal digits.
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "0") + byte >> 6)
        out.append(UInt8(ascii: "0") + (byte >> 3) & 7)
        out.append(UInt8(ascii: "0") + byte & 7)
      }
    }
    out.append("\"")
  }

  /// A PO string literal with C escapes (``appendQuoted(_:to:)``, the one escaping).
  public static func quoted(_ text: String) -> String {
    var out = OutputBytes(capacity: text.utf8.count + 16)
    appendQuoted(text, to: &out)
    return out.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Comment text on one line.
  static func comment(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
  }
}
