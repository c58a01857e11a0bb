/// The segment records: one JSON object per segment, keys sorted, real characters.
///
/// `{"block":2,"id":"doc:2:1","index":1,"kind":"paragraph","source":{…},"text":"…"}`
public struct JSONLWriter: SegmentWriter {
  public let name = "jsonl"
  public let fileSuffix = ".segments.jsonl"
  public let requires: Set<String> = ["segments"]

  public init() {}

  public func render(_ document: Document, context: WriterContext) throws -> String {
    var output = ""
    for segment in document.segments {
      output += Self.record(segment, document: document.name)
      output += "\n"
    }
    return output
  }

  /// One segment as a JSON object on one line.
  public static func record(_ segment: Segment, document: String) -> String {
    var fields: [String] = [
      "\"block\":\(segment.block)",
      "\"document\":\(JSONText.quoted(document))",
      "\"id\":\(JSONText.quoted(segment.id))",
      "\"index\":\(segment.index)",
      "\"kind\":\"\(segment.kind.rawValue)\"",
      "\"source\":\(span(segment.source))",
      "\"text\":\(JSONText.quoted(segment.text))",
    ]
    if !segment.trailing.isEmpty { fields.append("\"trailing\":\(JSONText.quoted(segment.trailing))") }
    if let tokens = segment.tokens {
      fields.append("\"words\":[" + tokens.map { JSONText.quoted($0.text) }.joined(separator: ",") + "]")
    }
    return "{" + fields.joined(separator: ",") + "}"
  }

  static func span(_ span: SourceSpan) -> String {
    "{\"end\":\(position(span.end)),\"start\":\(position(span.start))}"
  }

  static func position(_ position: SourcePosition) -> String {
    "{\"byte\":\(position.byte),\"column\":\(position.column),\"line\":\(position.line)}"
  }
}
