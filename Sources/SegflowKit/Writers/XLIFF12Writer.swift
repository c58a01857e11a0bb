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
    let target = LanguageTag.canonical(context.targetLanguage)
    var out = ""
    for unit in document.units {
      let kind = unit.block.kind.rawValue
      out += "      <trans-unit id=\"\(unit.number)\" resname=\(XMLText.attribute("\(document.name):\(unit.number)")) restype=\"x-\(kind)\" xml:space=\"preserve\">\n"
      let whole = unit.segments.map { $0.text + $0.trailing }.joined()
      out += "        <source>\(XMLText.escaped(whole))</source>\n"
      out += "        <seg-source>"
      for segment in unit.segments {
        out += "<mrk mtype=\"seg\" mid=\"\(segment.block):\(segment.index)\">\(XMLText.escaped(segment.text))</mrk>\(XMLText.escaped(segment.trailing))"
      }
      out += "</seg-source>\n"
      // The target always mirrors the segments: OmegaT and other 1.2 tools translate inside
      // <target> and extract nothing from a unit without one. Untranslated segments hold a copy
      // of their source (state "new"), which readers count as untranslated.
      var replaced = XMLText.forbiddenScalars(in: whole)
      let translations = unit.segments.map { context.target(for: $0) }
      let done = translations.count { $0 != nil }
      let state = done == 0 ? "new" : done == unit.segments.count ? "translated" : "needs-translation"
      out += "        <target xml:lang=\(XMLText.attribute(target)) state=\"\(state)\">"
      for (segment, translation) in zip(unit.segments, translations) {
        out += "<mrk mtype=\"seg\" mid=\"\(segment.block):\(segment.index)\">\(XMLText.escaped(translation ?? segment.text))</mrk>\(XMLText.escaped(segment.trailing))"
        for scalar in XMLText.forbiddenScalars(in: translation ?? "") where !replaced.contains(scalar) { replaced.append(scalar) }
      }
      out += "</target>\n"
      if let line = unit.segments.first?.source.start.line {
        out += "        <context-group name=\"source-\(unit.number)\" purpose=\"location\"><context context-type=\"sourcefile\">\(XMLText.escaped(document.path))</context><context context-type=\"linenumber\">\(line)</context></context-group>\n"
      }
      for segment in unit.segments {
        out += "        <note from=\"segflow\">\(segment.block):\(segment.index) id=\(XMLText.escaped(segment.id)) source=\(XLIFF2Writer.position(segment.source.start))-\(XLIFF2Writer.position(segment.source.end))</note>\n"
      }
      if !replaced.isEmpty {
        out += "        <note from=\"segflow\" priority=\"1\">replaced \(XMLText.codePoints(replaced)) with U+FFFD: XML 1.0 cannot carry them</note>\n"
      }
      out += "      </trans-unit>\n"
    }
    return out
  }

  public func footer(_ document: Document, context: WriterContext) -> String { "    </body>\n  </file>\n</xliff>\n" }
}
