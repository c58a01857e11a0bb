/// XLIFF 1.2 (strict schema), for tools that read only 1.x (OmegaT 3.6, Trados SDLXLIFF and
/// memoQ MQXLIFF are 1.2 dialects of this shape).
///
/// One `<trans-unit id="3">` per block with the block text in `<source>` and the sentences in
/// `<seg-source>` as `<mrk mtype="seg" mid="3:1">`, the white space between them left between
/// the markers. `<target>` mirrors the markers, holding the translation when given and a copy
/// of the source otherwise (`state="new"`), as OmegaT and other 1.2 tools expect. The block kind is the
/// `restype` (`x-heading`), the block's first source line a `<context-group>`, each sentence's
/// record id and source span a `<note from="segflow">`. XLIFF 1.2 has no escape for the
/// characters XML 1.0 forbids: they are replaced with U+FFFD and a note lists them.
public struct XLIFF12Writer: StreamingSegmentWriter {
  public let name = "xliff12"
  public let fileSuffix = ".v12.xlf"
  public let requires: Set<String> = ["segments"]

  public init() {}

  public func header(_ document: Document, context: WriterContext) -> String {
    let source = LanguageTag.canonical(context.sourceLanguage)
    let target = LanguageTag.canonical(context.targetLanguage)
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n"
    out += "  <file original=\(XMLText.attribute(document.name)) source-language=\(XMLText.attribute(source)) target-language=\(XMLText.attribute(target)) datatype=\"plaintext\" tool-id=\"segflow\">\n"
    out += "    <header>\n      <tool tool-id=\"segflow\" tool-name=\"\(Segflow.toolName)\" tool-version=\(XMLText.attribute(context.toolVersion))/>\n    </header>\n"
    out += "    <body>\n"
    return out
  }

  public func body(_ document: Document, context: WriterContext) -> String {
    String(decoding: bodyBytes(document, context: context), as: UTF8.self)
  }

  /// The units as bytes (``OutputBytes/records(_:reserving:_:)``). Escaping goes character by
  /// character, so a unit's source is written as its segments' escaped pieces.
  public func bodyBytes(_ document: Document, context: WriterContext) -> [UInt8] {
    let target = XMLText.attribute(LanguageTag.canonical(context.targetLanguage))
    return OutputBytes.records(document.units) { unit, out in
      out.append("      <trans-unit id=\"")
      out.appendNumber(unit.number)
      out.append("\" resname=\"")
      XLIFF2Writer.appendUnitName(document, unit, to: &out)
      out.append("\" restype=\"x-")
      out.append(utf8: unit.block.kind.rawValue)
      out.append("\" xml:space=\"preserve\">\n        <source>")
      for segment in unit.segments {
        out.appendXMLEscaped(segment.text)
        out.appendXMLEscaped(segment.trailing)
      }
      out.append("</source>\n        <seg-source>")
      for segment in unit.segments {
        Self.appendMarker(segment, text: segment.text, to: &out)
      }
      out.append("</seg-source>\n")
      // The target always mirrors the segments: OmegaT and other 1.2 tools translate inside
      // <target> and extract nothing from a unit without one. Untranslated segments hold a copy
      // of their source (state "new"), which readers count as untranslated.
      var replaced: [Unicode.Scalar] = []
      for segment in unit.segments {
        for scalar in XMLText.forbiddenScalars(in: segment.text) + XMLText.forbiddenScalars(in: segment.trailing) where !replaced.contains(scalar) {
          replaced.append(scalar)
        }
      }
      let translations = unit.segments.map { context.target(for: $0) }
      let done = translations.count { $0 != nil }
      let state: StaticString = done == 0 ? "new" : done == unit.segments.count ? "translated" : "needs-translation"
      out.append("        <target xml:lang=")
      out.append(utf8: target)
      out.append(" state=\"")
      out.append(state)
      out.append("\">")
      for (segment, translation) in zip(unit.segments, translations) {
        Self.appendMarker(segment, text: translation ?? segment.text, to: &out)
        for scalar in XMLText.forbiddenScalars(in: translation ?? "") where !replaced.contains(scalar) { replaced.append(scalar) }
      }
      out.append("</target>\n")
      if let line = unit.segments.first?.source.start.line {
        out.append("        <context-group name=\"source-")
        out.appendNumber(unit.number)
        out.append("\" purpose=\"location\"><context context-type=\"sourcefile\">")
        out.appendXMLEscaped(document.path)
        out.append("</context><context context-type=\"linenumber\">")
        out.appendNumber(line)
        out.append("</context></context-group>\n")
      }
      for segment in unit.segments {
        out.append("        <note from=\"segflow\">")
        XLIFF2Writer.appendSegmentNumber(segment, to: &out)
        out.append(" id=")
        out.appendXMLEscaped(segment.id)
        out.append(" source=")
        XLIFF2Writer.appendPosition(segment.source.start, to: &out)
        out.append("-")
        XLIFF2Writer.appendPosition(segment.source.end, to: &out)
        out.append("</note>\n")
      }
      if !replaced.isEmpty {
        out.append(utf8: "        <note from=\"segflow\" priority=\"1\">replaced \(XMLText.codePoints(replaced)) with U+FFFD: XML 1.0 cannot carry them</note>\n")
      }
      out.append("      </trans-unit>\n")
    }
  }

  /// `<mrk mtype="seg" mid="block:index">text</mrk>` and the segment's trailing white space.
  static func appendMarker(_ segment: Segment, text: String, to out: inout OutputBytes) {
    out.append("<mrk mtype=\"seg\" mid=\"")
    XLIFF2Writer.appendSegmentNumber(segment, to: &out)
    out.append("\">")
    out.appendXMLEscaped(text)
    out.append("</mrk>")
    out.appendXMLEscaped(segment.trailing)
  }

  public func footer(_ document: Document, context: WriterContext) -> String { "    </body>\n  </file>\n</xliff>\n" }
}
