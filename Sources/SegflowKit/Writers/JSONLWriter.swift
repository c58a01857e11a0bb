/// The segment records: one JSON object per segment, keys sorted, real characters.
///
/// `{"block":2,"id":"doc:2:1","index":1,"kind":"paragraph","source":{…},"text":"…"}`, with
/// `"target"` when the writer context has a translation.
public struct JSONLWriter: StreamingSegmentWriter {
  public let name = "jsonl"
  public let fileSuffix = ".segments.jsonl"
  public let requires: Set<String> = ["segments"]

  public init() {}

  public func header(_ document: Document, context: WriterContext) -> String { "" }
  public func footer(_ document: Document, context: WriterContext) -> String { "" }

  public func body(_ document: Document, context: WriterContext) -> String {
    String(decoding: bodyBytes(document, context: context), as: UTF8.self)
  }

  /// The records as bytes: files are written from these directly (making a string of tens of
  /// megabytes only to write it checked every byte once more).
  public func bodyBytes(_ document: Document, context: WriterContext) -> [UInt8] {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(document.segments.count * 256)
    for segment in document.segments {
      Self.append(segment, document: document.name, target: context.target(for: segment), geometry: document.geometryParts(of: segment), to: &buffer)
      buffer.append(UInt8(ascii: "\n"))
    }
    return buffer
  }

  public func renderBytes(_ document: Document, context: WriterContext) throws -> [UInt8] {
    bodyBytes(document, context: context)
  }

  /// One segment as a JSON object on one line.
  public static func record(_ segment: Segment, document: String, target: String? = nil, geometry: (page: Int, boxes: [BoundingBox])? = nil) -> String {
    var buffer: [UInt8] = []
    append(segment, document: document, target: target, geometry: geometry, to: &buffer)
    return String(decoding: buffer, as: UTF8.self)
  }

  /// Appends the record of `segment`, keys in sorted order, to `buffer`.
  /// `geometry`: page and boxes, for PDF input only: `"bbox":[x0,y0,x1,y1]` (points from the
  /// page's top left) of the part in the column where the segment starts, `"bboxes"` with one
  /// box per column when it runs on into others, `"page"` 1-based.
  static func append(_ segment: Segment, document: String, target: String? = nil, geometry: (page: Int, boxes: [BoundingBox])? = nil, to buffer: inout [UInt8]) {
    // Fixed parts as static bytes and numbers as digits: no String is built per field.
    func raw(_ text: StaticString) { text.withUTF8Buffer { buffer.append(contentsOf: $0) } }
    func number(_ value: Int) { JSONText.appendNumber(value, to: &buffer) }
    if let geometry, let first = geometry.boxes.first {
      buffer.append(contentsOf: "{\"bbox\":\(first.jsonArray),".utf8)
      if geometry.boxes.count > 1 { buffer.append(contentsOf: "\"bboxes\":[\(geometry.boxes.map(\.jsonArray).joined(separator: ","))],".utf8) }
      raw("\"block\":")
    } else {
      raw("{\"block\":")
    }
    number(segment.block)
    raw(",\"document\":")
    JSONText.append(document, to: &buffer)
    raw(",\"id\":")
    JSONText.append(segment.id, to: &buffer)
    raw(",\"index\":")
    number(segment.index)
    raw(",\"kind\":\"")
    buffer.append(contentsOf: segment.kind.rawValue.utf8)
    raw("\",")
    if let geometry {
      raw("\"page\":")
      number(geometry.page)
      raw(",")
    }
    raw("\"source\":{\"end\":")
    appendPosition(segment.source.end, to: &buffer)
    raw(",\"start\":")
    appendPosition(segment.source.start, to: &buffer)
    raw("}")
    if let target {
      raw(",\"target\":")
      JSONText.append(target, to: &buffer)
    }
    raw(",\"text\":")
    JSONText.append(segment.text, to: &buffer)
    if !segment.trailing.isEmpty {
      raw(",\"trailing\":")
      JSONText.append(segment.trailing, to: &buffer)
    }
    if let tokens = segment.tokens {
      raw(",\"words\":[")
      for (index, token) in tokens.enumerated() {
        if index > 0 { buffer.append(UInt8(ascii: ",")) }
        JSONText.append(token.text, to: &buffer)
      }
      buffer.append(UInt8(ascii: "]"))
    }
    buffer.append(UInt8(ascii: "}"))
  }

  /// `{"byte":…,"column":…,"line":…}`
  static func appendPosition(_ position: SourcePosition, to buffer: inout [UInt8]) {
    func raw(_ text: StaticString) { text.withUTF8Buffer { buffer.append(contentsOf: $0) } }
    raw("{\"byte\":")
    JSONText.appendNumber(position.byte, to: &buffer)
    raw(",\"column\":")
    JSONText.appendNumber(position.column, to: &buffer)
    raw(",\"line\":")
    JSONText.appendNumber(position.line, to: &buffer)
    raw("}")
  }
}
