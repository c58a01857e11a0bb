/// XLIFF 2.1: one `<file>` per document, one `<unit>` per block, one `<segment>` per
/// sentence (with a `<target>` when the context has a translation), white space between
/// sentences as `<ignorable>`.
///
/// Ids are stable: unit `3` is the third block, segment `3:2` its second sentence (the
/// segment record id is `document:3:2`). The block kind is the unit's `type`
/// (`segflow:heading`); source spans go in metadata. XLIFF 2.1 uses the 2.0 core namespace with
/// `version="2.1"`. Characters XML 1.0 forbids are written as `<cp hex="…"/>`.
public struct XLIFF2Writer: StreamingSegmentWriter {
  public let name = "xliff2"
  public let fileSuffix = ".xlf"
  public let requires: Set<String> = ["segments"]

  public init() {}

  public func header(_ document: Document, context: WriterContext) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" version=\"2.1\""
    out += " srcLang=\(XMLText.attribute(LanguageTag.canonical(context.sourceLanguage))) trgLang=\(XMLText.attribute(LanguageTag.canonical(context.targetLanguage)))>\n"
    out += "  <file id=\"f1\" original=\(XMLText.attribute(document.name))>\n"
    out += "    <mda:metadata>\n      <mda:metaGroup category=\"segflow\">\n"
    out += "        <mda:meta type=\"document\">\(XMLText.escaped(document.name))</mda:meta>\n"
    out += "        <mda:meta type=\"tool\">\(Segflow.toolName) \(context.toolVersion)</mda:meta>\n"
    if let encoding = document.encoding { out += "        <mda:meta type=\"encoding\">\(XMLText.escaped(encoding))</mda:meta>\n" }
    out += "      </mda:metaGroup>\n    </mda:metadata>\n"
    return out
  }

  public func body(_ document: Document, context: WriterContext) -> String {
    String(decoding: bodyBytes(document, context: context), as: UTF8.self)
  }

  /// The units as bytes (``OutputBytes/records(_:reserving:_:)``): interpolated strings cost
  /// four times what the JSONL writer spends on the same document.
  public func bodyBytes(_ document: Document, context: WriterContext) -> [UInt8] {
    OutputBytes.records(document.units, reserving: Self.estimatedBodyBytes(document)) { unit, out in
      Self.append(unit, document: document, context: context, to: &out)
    }
  }

  /// The whole file written in one buffer: the body appended to the header's bytes was copied
  /// once more.
  public func renderBytes(_ document: Document, context: WriterContext) throws -> [UInt8] {
    let header = header(document, context: context)
    let footer = footer(document, context: context)
    return OutputBytes.collect(capacity: header.utf8.count + Self.estimatedBodyBytes(document) + footer.utf8.count) { out in
      out.append(utf8: header)
      for unit in document.units { Self.append(unit, document: document, context: context, to: &out) }
      out.append(utf8: footer)
    }
  }

  /// About 380 bytes of metadata and markup a segment, with its unit's share.
  static func estimatedBodyBytes(_ document: Document) -> Int {
    document.estimatedOutputBytes(perSegment: 400, perTextByte: 1)
  }

  /// One `<unit>`: the segments' metadata, then the segments.
  static func append(_ unit: DocumentUnit, document: Document, context: WriterContext, to out: inout OutputBytes) {
    out.append("    <unit id=\"")
    out.appendNumber(unit.number)
    out.append("\" name=\"")
    appendUnitName(document, unit, to: &out)
    out.append("\" type=\"segflow:")
    out.append(utf8: unit.block.kind.rawValue)
    out.append("\">\n      <mda:metadata>\n")
    // Fields read in place through the slice's buffer: `for segment in unit.segments` copied
    // each segment (a retain and release of its strings and token list) twice a segment. A
    // whole segment is passed on only for a PDF's geometry or a translation.
    let hasGeometry = document.pdfLayout != nil
    let hasTargets = !context.targets.isEmpty
    unit.segments.withUnsafeBufferPointer { segments in
      for position in segments.indices {
        out.append("        <mda:metaGroup id=\"m")
        out.appendNumber(segments[position].block)
        out.append("-")
        out.appendNumber(segments[position].index)
        out.append("\" category=\"segment\" appliesTo=\"source\">\n          <mda:meta type=\"id\">")
        out.appendXMLEscaped(segments[position].id)
        out.append("</mda:meta>\n          <mda:meta type=\"start\">")
        appendPosition(segments[position].source.start, to: &out)
        out.append("</mda:meta>\n          <mda:meta type=\"end\">")
        appendPosition(segments[position].source.end, to: &out)
        out.append("</mda:meta>\n")
        if hasGeometry, let geometry = document.geometryParts(of: segments[position]) {
          out.append("          <mda:meta type=\"page\">")
          out.appendNumber(geometry.page)
          out.append("</mda:meta>\n")
          for box in geometry.boxes {
            out.append("          <mda:meta type=\"bbox\">")
            out.append(utf8: String(box.jsonArray.dropFirst().dropLast()))
            out.append("</mda:meta>\n")
          }
        }
        out.append("        </mda:metaGroup>\n")
      }
      out.append("      </mda:metadata>\n")
      for position in segments.indices {
        out.append("      <segment id=\"")
        appendSegmentNumber(block: segments[position].block, index: segments[position].index, to: &out)
        if hasTargets, let target = context.target(for: segments[position]) {
          out.append("\" state=\"translated\"><source>")
          appendContent(segments[position].text, to: &out)
          out.append("</source><target>")
          appendContent(target, to: &out)
          out.append("</target></segment>\n")
        } else {
          out.append("\"><source>")
          appendContent(segments[position].text, to: &out)
          out.append("</source></segment>\n")
        }
        if !segments[position].trailing.isEmpty {
          out.append("      <ignorable id=\"")
          appendSegmentNumber(block: segments[position].block, index: segments[position].index, to: &out)
          out.append("-ws\"><source>")
          appendContent(segments[position].trailing, to: &out)
          out.append("</source></ignorable>\n")
        }
      }
    }
    out.append("    </unit>\n")
  }

  public func footer(_ document: Document, context: WriterContext) -> String { "  </file>\n</xliff>\n" }

  /// `line:column:byte`.
  static func appendPosition(_ position: SourcePosition, to out: inout OutputBytes) {
    out.appendNumber(position.line)
    out.append(":")
    out.appendNumber(position.column)
    out.append(":")
    out.appendNumber(position.byte)
  }

  /// `document:number`, a unit's name in both XLIFF versions, as an attribute value (escaped
  /// as one: escaping goes character by character, and the colon and digits need none).
  static func appendUnitName(_ document: Document, _ unit: DocumentUnit, to out: inout OutputBytes) {
    out.appendXMLEscaped(document.name, attribute: true)
    out.append(":")
    out.appendNumber(unit.number)
  }

  /// `block:index`, the segment id within the file.
  static func appendSegmentNumber(_ segment: Segment, to out: inout OutputBytes) {
    appendSegmentNumber(block: segment.block, index: segment.index, to: &out)
  }

  static func appendSegmentNumber(block: Int, index: Int, to out: inout OutputBytes) {
    out.appendNumber(block)
    out.append(":")
    out.appendNumber(index)
  }

  /// Inline content: escaped text, forbidden characters as `<cp hex="…"/>`.
  static func appendContent(_ text: String, to out: inout OutputBytes) {
    out.appendXMLEscaped(text, forbidden: codePoint)
  }

  /// `<cp hex="…"/>`: XLIFF 2's markup for a character XML cannot carry.
  static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "<cp hex=\"\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)\"/>"
  }
}
