import SegflowICU

/// Cuts blocks into sentences, each a ``Segment`` with a stable id and its source span.
///
/// Expects: blocks. Produces: segments. Headings, headers and bylines are one segment each
/// unless they hold several sentences.
public struct SegmentStage: Stage {
  public let name = "segment"

  public init() {}

  public func run(_ document: inout Document, context: StageContext) throws(DocumentError) {
    let splitter: SentenceSplitter
    do {
      splitter = SentenceSplitter(iterator: try context.iterator(.sentence, locale: Language.sentenceLocale(document.language)))
    } catch {
      throw DocumentError(path: document.path, message: error.description)
    }
    var segments: [Segment] = []
    segments.reserveCapacity(document.blocks.count * 3)
    for (blockIndex, block) in document.blocks.enumerated() {
      let ranges: [Range<Int>]
      do {
        ranges = try splitter.split(block.text)
      } catch {
        throw DocumentError(path: document.path, message: "\(error)", line: block.pieces.first?.line)
      }
      let locator = SourceLocator(block: block, offsetMap: document.offsetMap)
      let bytes = Array(block.text.utf8)
      var index = 0
      for range in ranges {
        var end = range.upperBound
        while end > range.lowerBound, Self.isSpaceByte(bytes, end) { end = Self.previousScalarStart(bytes, end) }
        guard end > range.lowerBound else {
          // Only white space: attach it to the previous segment's trailing space.
          if !segments.isEmpty { segments[segments.count - 1].trailing += String(decoding: bytes[range], as: UTF8.self) }
          continue
        }
        index += 1
        let core = range.lowerBound..<end
        segments.append(Segment(
          id: "\(document.name):\(document.firstBlockNumber + blockIndex):\(index)",
          block: document.firstBlockNumber + blockIndex, index: index, kind: block.kind,
          text: String(decoding: bytes[core], as: UTF8.self),
          trailing: String(decoding: bytes[end..<range.upperBound], as: UTF8.self),
          range: core, source: locator.span(core)))
      }
    }
    document.segments = segments
  }

  /// Whether the scalar ending at byte `end` is white space.
  static func isSpaceByte(_ bytes: [UInt8], _ end: Int) -> Bool {
    let start = previousScalarStart(bytes, end)
    let scalar = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first
    return scalar?.properties.isWhitespace ?? false
  }

  static func previousScalarStart(_ bytes: [UInt8], _ end: Int) -> Int {
    var start = end - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }
}
