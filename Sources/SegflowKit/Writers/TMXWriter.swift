/// TMX 1.4b: one `<tu tuid="document:block:index">` per segment, the source `<tuv>` always and a
/// target `<tuv>` when a translation exists (a fresh export is a source-only TMX, for seeding a
/// TM; with translations it is a TM tools such as OmegaT use as is).
///
/// The header names the tool, `segtype="sentence"`, and the source language with the same BCP 47
/// spelling as every `<tu srclang>` and `xml:lang`. No creation date: the same input gives the
/// same bytes, and no DOCTYPE (validate against a local `tmx14.dtd`; nothing should fetch one). TMX
/// has no escape for the characters XML 1.0 forbids: they are replaced with
/// U+FFFD and a `<note>` on the unit lists them.
public struct TMXWriter: StreamingSegmentWriter {
  public let name = "tmx"
  public let fileSuffix = ".tmx"
  public let requires: Set<String> = ["segments"]

  public init() {}

  public func header(_ document: Document, context: WriterContext) -> String {
    let source = LanguageTag.canonical(context.sourceLanguage)
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
    out += "  <header creationtool=\"\(Segflow.toolName)\" creationtoolversion=\(XMLText.attribute(context.toolVersion)) segtype=\"sentence\" o-tmf=\"\(Segflow.toolName)\" adminlang=\"en\" srclang=\(XMLText.attribute(source)) datatype=\"plaintext\">\n"
    out += "    <prop type=\"x-segflow-document\">\(XMLText.escaped(document.name))</prop>\n"
    out += "  </header>\n  <body>\n"
    return out
  }

  public func body(_ document: Document, context: WriterContext) -> String {
    String(decoding: bodyBytes(document, context: context), as: UTF8.self)
  }

  /// The units as bytes (``OutputBytes/records(_:reserving:_:)``).
  public func bodyBytes(_ document: Document, context: WriterContext) -> [UInt8] {
    let source = XMLText.attribute(LanguageTag.canonical(context.sourceLanguage))
    let target = XMLText.attribute(LanguageTag.canonical(context.targetLanguage))
    return OutputBytes.records(document.segments) { segment, out in
      let translation = context.target(for: segment)
      out.append("    <tu tuid=\"")
      out.appendXMLEscaped(segment.id, attribute: true)
      out.append("\" srclang=")
      out.append(utf8: source)
      out.append(">\n")
      var replaced = XMLText.forbiddenScalars(in: segment.text)
      for scalar in XMLText.forbiddenScalars(in: translation ?? "") where !replaced.contains(scalar) { replaced.append(scalar) }
      if !replaced.isEmpty {
        out.append(utf8: "      <note>segflow replaced \(XMLText.codePoints(replaced)) with U+FFFD: XML 1.0 cannot carry them</note>\n")
      }
      out.append("      <prop type=\"x-segflow-kind\">")
      out.append(utf8: segment.kind.rawValue)
      out.append("</prop>\n      <prop type=\"x-segflow-source\">")
      XLIFF2Writer.appendPosition(segment.source.start, to: &out)
      out.append("-")
      XLIFF2Writer.appendPosition(segment.source.end, to: &out)
      out.append("</prop>\n      <tuv xml:lang=")
      out.append(utf8: source)
      out.append("><seg>")
      out.appendXMLEscaped(segment.text)
      out.append("</seg></tuv>\n")
      if let translation {
        out.append("      <tuv xml:lang=")
        out.append(utf8: target)
        out.append("><seg>")
        out.appendXMLEscaped(translation)
        out.append("</seg></tuv>\n")
      }
      out.append("    </tu>\n")
    }
  }

  public func footer(_ document: Document, context: WriterContext) -> String { "  </body>\n</tmx>\n" }
}
