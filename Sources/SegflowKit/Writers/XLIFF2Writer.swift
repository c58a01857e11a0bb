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
    var out = ""
    for unit in document.units {
      let (number, block, segments) = (unit.number, unit.block, unit.segments)
      out += "    <unit id=\"\(number)\" name=\(XMLText.attribute("\(document.name):\(number)")) type=\"segflow:\(block.kind.rawValue)\">\n"
      out += "      <mda:metadata>\n"
      for segment in segments {
        out += "        <mda:metaGroup id=\"m\(segment.block)-\(segment.index)\" category=\"segment\" appliesTo=\"source\">\n"
        out += "          <mda:meta type=\"id\">\(XMLText.escaped(segment.id))</mda:meta>\n"
        out += "          <mda:meta type=\"start\">\(Self.position(segment.source.start))</mda:meta>\n"
        out += "          <mda:meta type=\"end\">\(Self.position(segment.source.end))</mda:meta>\n"
        if let geometry = document.geometryParts(of: segment) {
          out += "          <mda:meta type=\"page\">\(geometry.page)</mda:meta>\n"
          for box in geometry.boxes { out += "          <mda:meta type=\"bbox\">\(box.jsonArray.dropFirst().dropLast())</mda:meta>\n" }
        }
        out += "        </mda:metaGroup>\n"
      }
      out += "      </mda:metadata>\n"
      for segment in segments {
        if let target = context.target(for: segment) {
          out += "      <segment id=\"\(segment.block):\(segment.index)\" state=\"translated\"><source>\(Self.content(segment.text))</source><target>\(Self.content(target))</target></segment>\n"
        } else {
          out += "      <segment id=\"\(segment.block):\(segment.index)\"><source>\(Self.content(segment.text))</source></segment>\n"
        }
        if !segment.trailing.isEmpty {
          out += "      <ignorable id=\"\(segment.block):\(segment.index)-ws\"><source>\(Self.content(segment.trailing))</source></ignorable>\n"
        }
      }
      out += "    </unit>\n"
    }
    return out
  }

  public func footer(_ document: Document, context: WriterContext) -> String { "  </file>\n</xliff>\n" }

  /// `line:column:byte`.
  static func position(_ position: SourcePosition) -> String { "\(position.line):\(position.column):\(position.byte)" }

  /// Inline content: escaped text, forbidden characters as `<cp hex="…"/>`.
  static func content(_ text: String) -> String {
    XMLText.escaped(text) { scalar in
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "<cp hex=\"\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)\"/>"
    }
  }
}
