import SegflowICU

/// Cuts blocks into sentences, each a ``Segment`` with a stable id and its source span.
///
/// Expects: blocks. Produces: segments. ICU's sentence boundaries, adjusted by SRX 2.0 rules
/// (the built-in ``DefaultSRX`` unless the pipeline names a file or `none`). Headings, headers and
/// bylines are blocks of their own, so they never merge with the next sentence.
///
/// `我们明天一起去看《摔跤吧！爸爸》好吗？好！` → `我们明天一起去看《摔跤吧！爸爸》好吗？` | `好！`
public struct SegmentStage: Stage {
  public let name = "segment"
  /// The SRX rules; nil for ICU alone.
  public let rules: SRXRules?
  /// ICU's regex time limit per match (its own steps; 0: none).
  public let timeLimit: Int32

  public init(rules: SRXRules? = SRXRules.builtIn, timeLimit: Int32 = 200) {
    self.rules = rules
    self.timeLimit = timeLimit
  }

  public func run(_ document: inout Document, context: StageContext) throws(DocumentError) {
    let splitter: SentenceSplitter
    do {
      let iterator = try context.iterator(.sentence, locale: Language.sentenceLocale(document.language))
      var segmenter: SRXSegmenter?
      if let rules {
        let selected = context.rules(rules, for: document.language)
        if !selected.isEmpty { segmenter = try context.segmenter(rules: selected, file: rules.file, timeLimit: timeLimit) }
      }
      splitter = SentenceSplitter(iterator: iterator, rules: segmenter)
    } catch {
      throw DocumentError(path: document.path, message: "\(error)")
    }
    var segments: [Segment] = []
    segments.reserveCapacity(document.blocks.count * 3)
    var scratch = SentenceScratch()  // one set of buffers for every block
    var ids = SegmentIDMaker(document: document.name)
    for (blockIndex, block) in document.blocks.enumerated() {
      do {
        let outcome = try splitter.splitReporting(block.text, scratch: &scratch)
        if case .timedOut(let ruleLine, let ruleIndex) = outcome, let rules {
          let line = block.pieces.first.map { ":\($0.line)" } ?? ""
          document.warnings.append("\(document.path)\(line): warning: SRX rule \(ruleIndex) (\(rules.file):\(ruleLine)) ran out of time on this paragraph; kept ICU's sentence boundaries for it")
        }
      } catch {
        throw DocumentError(path: document.path, message: "\(error)", line: block.pieces.first?.line)
      }
      var walk = SourceWalk(block: block, offsetMap: document.offsetMap)  // segments come in order
      let bytes = walk.text
      ids.startBlock(document.firstBlockNumber + blockIndex)
      var index = 0
      for range in scratch.ranges {
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
          id: ids.id(index),
          block: document.firstBlockNumber + blockIndex, index: index, kind: block.kind,
          text: Self.slice(bytes, core),
          trailing: end == range.upperBound ? "" : String(decoding: bytes[end..<range.upperBound], as: UTF8.self),
          range: core, source: walk.span(core)))
      }
    }
    document.segments = segments
  }

  /// The characters at UTF-8 offsets `range` (on character boundaries) of `bytes`, a block's
  /// valid text, not validated again (``String/init(validUTF8:)``): a `Substring` of the block
  /// text made into a `String` cost twice as much (its index checks, then the copy).
  static func slice(_ bytes: [UInt8], _ range: Range<Int>) -> String { String(validUTF8: bytes[range]) }

  /// Whether the scalar ending at byte `end` is white space.
  static func isSpaceByte(_ bytes: [UInt8], _ end: Int) -> Bool {
    let start = previousScalarStart(bytes, end)
    // Decoded in place (the block text is valid UTF-8), looked up in the BMP table.
    var value = UInt32(bytes[start])
    switch end - start {
    case 1: break
    case 2: value = (value & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
    case 3: value = (value & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
    default:
      let scalar = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first
      return scalar.map(ScalarTraits.isWhitespace) ?? false
    }
    return Unicode.Scalar(value).map(ScalarTraits.isWhitespace) ?? false
  }

  static func previousScalarStart(_ bytes: [UInt8], _ end: Int) -> Int {
    var start = end - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }
}
