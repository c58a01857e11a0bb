import Foundation

/// Processes a large UTF-8 document piece by piece, so memory stays flat as the input grows,
/// and gives exactly the outputs of processing it whole.
///
/// Lines are read in blocks (``LineStream``); a chunk of about `chunkBytes` ends at a blank line
/// and is repaired together with `contextRows` non-blank lines on each side, so reflow sees the
/// same neighbourhood as in the whole document. The chunk's blocks are kept only when no block
/// crosses its edges; otherwise the chunk grows to the next blank line. Segmentation, words and
/// the writers then run on the chunk's blocks alone, numbered on from the previous chunk.
/// If reflow ever joins across an edge that an earlier chunk already closed, the caller falls
/// back to processing the document whole.
struct ChunkedProcessor {
  enum Outcome {
    case done
    /// The document must be processed whole (another charset, or an edge that did not hold).
    case wholeDocument
  }

  let pipeline: Pipeline
  let writers: [any StreamingSegmentWriter]
  let chunkBytes: Int
  let contextRows = 8

  /// Whether a document can go through here: the pipeline reflows, every writer streams.
  static func applies(to pipeline: Pipeline, writers: [any SegmentWriter]) -> Bool {
    guard let reflow = pipeline.stages.firstIndex(where: { $0.name == "reflow" }),
      pipeline.stages.first?.name == "decode",
      let decode = pipeline.stages.first as? DecodeStage,
      ["auto", "utf-8", "utf8"].contains(decode.decoder.encoding.lowercased())
    else { return false }
    return reflow > 0 && writers.allSatisfy { $0 is any StreamingSegmentWriter }
  }

  func process(
    _ input: InputDocument, outputDirectory: String, context: StageContext, result: inout DocumentResult
  ) throws(DocumentError) -> Outcome {
    let stream = try LineStream(path: input.path)
    let reflowIndex = pipeline.stages.firstIndex { $0.name == "reflow" } ?? 0
    let repair = Array(pipeline.stages[1...reflowIndex])
    let rest = Array(pipeline.stages[(reflowIndex + 1)...])
    let writerContext = WriterContext(sourceLanguage: pipeline.language, targetLanguage: pipeline.targetLanguage)

    var outputs: [StreamingOutput] = []
    var succeeded = false
    defer { if !succeeded { outputs.forEach { $0.discard() } } }

    var window: [SourceLine] = []  // prefix context, then the lines not yet written
    var coreStart = 0  // where the unwritten lines start in `window`
    var nextBlock = 1
    var headerWritten = false
    var ended = false
    var shell = Document(name: input.name, path: input.path, bytes: [], language: pipeline.language)
    shell.encoding = "UTF-8"

    func writeHeaders() throws(DocumentError) {
      guard !headerWritten else { return }
      headerWritten = true
      shell.offsetMap = stream.bomLength > 0 ? .shifted(stream.bomLength) : .identity
      for writer in writers {
        let output = try StreamingOutput(path: (outputDirectory as NSString).appendingPathComponent(input.name + writer.fileSuffix))
        outputs.append(output)
        try output.write(writer.header(shell, context: writerContext))
      }
    }

    while true {
      // Read until the unwritten part holds a chunk and enough lines after its end.
      var cut: (end: Int, suffixEnd: Int)? = nil
      var searchFrom = coreStart
      while cut == nil {
        if let found = findCut(in: window, from: searchFrom, coreStart: coreStart) {
          let candidate = found
          // Repair the window up to the suffix's end and check that no block crosses the cut.
          let check = try repairWindow(Array(window[0..<candidate.suffixEnd]), repair: repair, context: context, path: input.path)
          let coreLines = window[coreStart].number..<window[candidate.end].number
          if let kept = keptBlocks(check.blocks, core: coreLines) {
            try writeHeaders()
            try emit(kept, document: check, firstBlock: &nextBlock, rest: rest, outputs: outputs, offsetMap: shell.offsetMap, context: context, writerContext: writerContext, result: &result)
            cut = candidate
          } else if crossesStart(check.blocks, core: coreLines) {
            return .wholeDocument
          } else {
            searchFrom = candidate.end + 1
          }
          continue
        }
        if ended { break }
        let lines: [SourceLine]?
        do {
          lines = try stream.next()
        } catch {
          switch error {
          case .notUTF8: return .wholeDocument
          case .document(let problem): throw problem
          }
        }
        if let lines { window += lines } else { ended = true }
      }
      guard let cut else {
        // The end of the file: the rest is the last chunk.
        if coreStart < window.count, window[coreStart...].contains(where: { !$0.isBlank }) {
          let check = try repairWindow(window, repair: repair, context: context, path: input.path)
          let coreLines = window[coreStart].number..<(window[window.count - 1].number + 1)
          guard let kept = keptBlocks(check.blocks, core: coreLines) else { return .wholeDocument }
          try writeHeaders()
          try emit(kept, document: check, firstBlock: &nextBlock, rest: rest, outputs: outputs, offsetMap: shell.offsetMap, context: context, writerContext: writerContext, result: &result)
        }
        break
      }
      // Keep `contextRows` non-blank lines before the cut as the next chunk's prefix.
      var prefixStart = cut.end
      var nonBlank = 0
      while prefixStart > 0 && nonBlank < contextRows {
        prefixStart -= 1
        if !window[prefixStart].isBlank { nonBlank += 1 }
      }
      window.removeFirst(prefixStart)
      coreStart = cut.end - prefixStart
    }

    if nextBlock == 1 {
      throw DocumentError(path: input.path, message: "no text: the file has only white space")
    }
    try writeHeaders()
    for (writer, output) in zip(writers, outputs) {
      try output.write(writer.footer(shell, context: writerContext))
    }
    for output in outputs {
      try output.commit()
      result.outputs.append(output.path)
    }
    succeeded = true
    result.blocks = nextBlock - 1
    return .done
  }

  /// A blank line after at least `chunkBytes` of unwritten text, followed by `contextRows`
  /// non-blank lines already read: `end` is the first line after the blank run, `suffixEnd`
  /// the end of the context after it.
  func findCut(in window: [SourceLine], from start: Int, coreStart: Int) -> (end: Int, suffixEnd: Int)? {
    guard coreStart < window.count else { return nil }
    let base = window[coreStart].offset
    var index = max(start, coreStart + 1)
    while index < window.count {
      if window[index].offset - base >= chunkBytes, window[index].isBlank {
        var end = index
        while end < window.count && window[end].isBlank { end += 1 }
        var suffixEnd = end
        var nonBlank = 0
        while suffixEnd < window.count && nonBlank < contextRows {
          if !window[suffixEnd].isBlank { nonBlank += 1 }
          suffixEnd += 1
        }
        // Not enough lines read after the blank line yet: wait for more.
        guard nonBlank == contextRows, end < window.count else { return nil }
        return (end, suffixEnd)
      }
      index += 1
    }
    return nil
  }

  /// Runs the stages up to reflow on `lines`.
  func repairWindow(_ lines: [SourceLine], repair: [any Stage], context: StageContext, path: String) throws(DocumentError) -> Document {
    var document = Document(name: "", path: path, bytes: [], language: pipeline.language)
    document.lines = lines
    for stage in repair { try stage.run(&document, context: context) }
    return document
  }

  /// The blocks that start on a line of `core`, provided none of them reaches past it and no
  /// earlier block reaches into it.
  func keptBlocks(_ blocks: [Block], core: Range<Int>) -> [Block]? {
    var kept: [Block] = []
    for block in blocks {
      guard let lines = block.lines else { continue }
      let starts = core.contains(lines.lowerBound)
      if starts {
        if lines.upperBound >= core.upperBound { return nil }
        kept.append(block)
      } else if lines.lowerBound < core.lowerBound && lines.upperBound >= core.lowerBound {
        return nil
      }
    }
    return kept
  }

  /// Whether a block that starts before the core reaches into it (an edge an earlier chunk
  /// already closed).
  func crossesStart(_ blocks: [Block], core: Range<Int>) -> Bool {
    blocks.contains { block in
      guard let lines = block.lines else { return false }
      return lines.lowerBound < core.lowerBound && lines.upperBound >= core.lowerBound
    }
  }

  /// Segments, words and the writers' bodies for one chunk's blocks.
  func emit(
    _ blocks: [Block], document check: Document, firstBlock: inout Int, rest: [any Stage],
    outputs: [StreamingOutput], offsetMap: OffsetMap, context: StageContext, writerContext: WriterContext, result: inout DocumentResult
  ) throws(DocumentError) {
    guard !blocks.isEmpty else { return }
    var part = Document(name: result.input.name, path: result.input.path, bytes: [], language: pipeline.language)
    part.encoding = "UTF-8"
    part.offsetMap = offsetMap
    part.blocks = blocks
    part.firstBlockNumber = firstBlock
    part.lines = check.lines
    for stage in rest { try stage.run(&part, context: context) }
    for (writer, output) in zip(writers, outputs) { try output.write(writer.body(part, context: writerContext)) }
    firstBlock += blocks.count
    result.chunks += 1
    try context.checkDeadline(path: result.input.path, after: "chunk \(result.chunks)")
    result.segments += part.segments.count
    result.characters += part.segmentCharacters
    result.warnings += part.warnings
    do {
      result.counts.add(try TextCounts.measure(part, context: context), language: pipeline.language)
    } catch {
      throw DocumentError(path: result.input.path, message: "counting words failed: \(error)")
    }
  }
}
