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
    // About 210 bytes of keys and numbers a segment; the text once, and again as words.
    let withWords = document.segments.first?.tokens != nil
    return OutputBytes.records(document.segments, reserving: document.estimatedOutputBytes(perSegment: 256, perTextByte: withWords ? 3 : 1)) { segment, out in
      Self.append(segment, document: document.name, target: context.target(for: segment), geometry: document.geometryParts(of: segment), to: &out)
      out.append(UInt8(ascii: "\n"))
    }
  }

  public func renderBytes(_ document: Document, context: WriterContext) throws -> [UInt8] {
    bodyBytes(document, context: context)
  }

  /// One segment as a JSON object on one line.
  public static func record(_ segment: Segment, document: String, target: String? = nil, geometry: (page: Int, boxes: [BoundingBox])? = nil) -> String {
    var buffer = OutputBytes(capacity: 256)
    append(segment, document: document, target: target, geometry: geometry, to: &buffer)
    return buffer.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends the record of `segment`, keys in sorted order, to `buffer`.
  /// `geometry`: page and boxes, for PDF input only: `"bbox":[x0,y0,x1,y1]` (points from the
  /// page's top left) of the part in the column where the segment starts, `"bboxes"` with one
  /// box per column when it runs on into others, `"page"` 1-based.
  static func append(_ segment: Segment, document: String, target: String? = nil, geometry: (page: Int, boxes: [BoundingBox])? = nil, to buffer: inout OutputBytes) {
    // Fixed parts as static bytes and numbers as digits: no String is built per field.
    if let geometry, let first = geometry.boxes.first {
      buffer.append(utf8: "{\"bbox\":\(first.jsonArray),")
      if geometry.boxes.count > 1 { buffer.append(utf8: "\"bboxes\":[\(geometry.boxes.map(\.jsonArray).joined(separator: ","))],") }
      buffer.append("\"block\":")
    } else {
      buffer.append("{\"block\":")
    }
    buffer.appendNumber(segment.block)
    buffer.append(",\"document\":")
    buffer.appendQuoted(document)
    buffer.append(",\"id\":")
    buffer.appendQuoted(segment.id)
    buffer.append(",\"index\":")
    buffer.appendNumber(segment.index)
    buffer.append(",\"kind\":\"")
    buffer.append(utf8: segment.kind.rawValue)
    buffer.append("\",")
    if let geometry {
      buffer.append("\"page\":")
      buffer.appendNumber(geometry.page)
      buffer.append(",")
    }
    buffer.append("\"source\":{\"end\":")
    appendPosition(segment.source.end, to: &buffer)
    buffer.append(",\"start\":")
    appendPosition(segment.source.start, to: &buffer)
    buffer.append("}")
    if let target {
      buffer.append(",\"target\":")
      buffer.appendQuoted(target)
    }
    buffer.append(",\"text\":")
    let textNeedsEscaping = buffer.appendQuoted(segment.text)
    if !segment.trailing.isEmpty {
      buffer.append(",\"trailing\":")
      buffer.appendQuoted(segment.trailing)
    }
    if let tokens = segment.tokens {
      buffer.append(",\"words\":[")
      // Each word is read in place from the segment's bytes (a ``Token`` is offsets into them).
      var text = segment.text
      text.withUTF8 { all in
        tokens.withUnsafeBufferPointer { tokens in
          // A word of a text that needed no escaping needs none either: copied as it is, all the
          // words in one go while they come in order.
          var index = textNeedsEscaping ? 0 : buffer.appendQuotedWords(tokens, of: all)
          while index < tokens.count {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            if let word = Self.characters(of: tokens[index], in: all) {
              buffer.appendQuoted(utf8: word)
            } else {
              buffer.appendQuoted(tokens[index].text(in: segment.text))
            }
            index += 1
          }
        }
      }
      buffer.append(UInt8(ascii: "]"))
    }
    buffer.append(UInt8(ascii: "}"))
  }

  /// The bytes of `token` in `text` (its segment's UTF-8), nil when its offsets are not
  /// character boundaries inside the text (a token some custom stage made: ``Token/text(in:)``
  /// then clamps and repairs it).
  static func characters(of token: Token, in text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    let start = token.start
    let end = token.end
    let count = text.count
    guard 0 <= start, start <= end, end <= count, let base = text.baseAddress else { return nil }
    // Read through the base address: the bounds are checked above.
    if start < count, base[start] & 0xC0 == 0x80 { return nil }
    if end < count, base[end] & 0xC0 == 0x80 { return nil }
    return UnsafeBufferPointer(start: base + start, count: end - start)
  }

  /// `{"byte":…,"column":…,"line":…}`
  static func appendPosition(_ position: SourcePosition, to buffer: inout OutputBytes) {
    buffer.append("{\"byte\":")
    buffer.appendNumber(position.byte)
    buffer.append(",\"column\":")
    buffer.appendNumber(position.column)
    buffer.append(",\"line\":")
    buffer.appendNumber(position.line)
    buffer.append("}")
  }
}
