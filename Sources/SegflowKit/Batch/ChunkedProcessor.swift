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
///
/// With `jobs` above 1, up to `jobs + 1` chunks of `chunkBytes / (jobs + 1)` are in flight at
/// once (so about `chunkBytes` of text, as with one job): later chunks are cut (``ChunkPlanner``)
/// and repaired while earlier ones are segmented and written. Each result is
/// used in order only: a chunk is numbered once every chunk before it is repaired and its cut
/// holds, bodies are written in order, and a cut that does not hold voids the chunks planned
/// after it. So the outputs, and any error, are those of one chunk at a time.
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
  /// Repair the lines around a cut before handing it out (``ChunkPlanner``); off in tests, to
  /// make cuts fail and chunks grow.
  var guessesCuts = true

  /// Whether a document can go through here: the pipeline reflows, every writer streams.
  static func applies(to pipeline: Pipeline, writers: [any SegmentWriter]) -> Bool {
    guard let reflow = pipeline.stages.firstIndex(where: { $0.name == "reflow" }),
      pipeline.stages.first?.name == "decode",
      let decode = pipeline.stages.first as? DecodeStage,
      ["auto", "utf-8", "utf8"].contains(decode.decoder.encoding.lowercased())
    else { return false }
    return reflow > 0 && writers.allSatisfy { $0 is any StreamingSegmentWriter }
  }

  /// A repaired chunk, judged.
  enum Repair: Sendable {
    /// The chunk's blocks, and the repaired window's lines.
    case kept([Block], [SourceLine])
    /// A block crosses the end of the chunk: grow it to the next blank line.
    case extend
    case wholeDocument
    case failed(DocumentError)
  }

  /// A chunk segmented and rendered, ready to be written.
  struct Output: Sendable {
    /// One per writer, as UTF-8.
    var bodies: [[UInt8]]
    var segments: Int
    var characters: Int
    var warnings: [String]
    var counts: TextCounts
  }

  /// What a chunk task reports.
  enum Event: Sendable {
    case repaired(sequence: Int, epoch: Int, Repair)
    case emitted(sequence: Int, Result<Output?, DocumentError>)
  }

  /// Processes `input` in chunks, up to `jobs + 1` of them in flight (one at a time for 1).
  func process(
    _ input: InputDocument, outputDirectory: String, context: StageContext, jobs: Int = 1, result: inout DocumentResult
  ) async throws(DocumentError) -> Outcome {
    let maxPending = jobs > 1 ? jobs + 1 : 1
    let stream = try LineStream(path: input.path)
    let reflowIndex = pipeline.stages.firstIndex { $0.name == "reflow" } ?? 0
    let repairStages = Array(pipeline.stages[1...reflowIndex])
    let restStages = Array(pipeline.stages[(reflowIndex + 1)...])
    let writerContext = WriterContext(sourceLanguage: pipeline.language, targetLanguage: pipeline.targetLanguage)
    let contexts = StageContextPool()
    let guessesCuts = guessesCuts
    // About `chunkBytes` of text in flight whatever the number of jobs, so memory stays the same.
    let planner = ChunkPlanner(stream: stream, chunkBytes: max(1, chunkBytes / maxPending), contextRows: contextRows) { lines, cut in
      // No block of the lines around the cut may cross it (a guess: the chunk's repair decides).
      guard guessesCuts else { return true }
      return contexts.withContext { context in
        var document = Document(name: "", path: input.path, bytes: [], language: pipeline.language)
        document.lines = lines
        do throws(DocumentError) {
          for stage in repairStages { try stage.run(&document, context: context) }
        } catch {
          return true
        }
        return !document.blocks.contains { block in
          guard let range = block.lines else { return false }
          return range.lowerBound < cut && range.upperBound >= cut
        }
      }
    }
    let sink = Sink(input: input, language: pipeline.language, writers: writers, outputDirectory: outputDirectory, context: writerContext)
    var progress = result

    let outcome: Result<Outcome, DocumentError> = await withTaskGroup(of: Event.self) { group in
      defer { group.cancelAll() }
      var plans: [ChunkPlanner.Plan] = []  // handed out, not yet judged; plans[0] is number `judged`
      var repaired: [Int: Repair] = [:]
      var emitted: [Int: Result<Output?, DocumentError>] = [:]
      var planned = 0
      var judged = 0
      var written = 0
      var epoch = 0  // bumped when a cut does not hold: repairs of older plans are void
      var planning = true
      var planFailure: LineStream.Failure?
      var nextBlock = 1
      var offsetMap: OffsetMap { stream.bomLength > 0 ? .shifted(stream.bomLength) : .identity }
      func receive(_ event: Event) {
        switch event {
        case .repaired(let sequence, let from, let judgement):
          if from == epoch { repaired[sequence] = judgement }
        case .emitted(let sequence, let output):
          emitted[sequence] = output
        }
      }
      /// One chunk at a time runs on this task, like the rest of the document's work.
      func launch(_ work: @escaping @Sendable () -> Event) {
        if maxPending == 1 { receive(work()) } else { group.addTask(operation: work) }
      }

      while true {
        while planning, planFailure == nil, planned - written < maxPending {
          do throws(LineStream.Failure) {
            guard let plan = try planner.next() else {
              planning = false
              break
            }
            plans.append(plan)
            let (sequence, current) = (planned, epoch)
            planned += 1
            launch {
              .repaired(sequence: sequence, epoch: current, self.repair(plan, stages: repairStages, contexts: contexts, path: input.path))
            }
          } catch {
            planFailure = error
          }
        }
        // Judge and write what is ready, in order.
        var moved = true
        while moved {
          moved = false
          if let judgement = repaired.removeValue(forKey: judged) {
            moved = true
            let plan = plans.removeFirst()
            switch judgement {
            case .kept(let blocks, let lines):
              planner.confirm(plan)
              let (sequence, first, map) = (judged, nextBlock, offsetMap)
              nextBlock += blocks.count
              judged += 1
              do throws(DocumentError) { try sink.start(offsetMap: map) } catch { return .failure(error) }
              launch {
                .emitted(sequence: sequence, self.emit(
                  blocks, lines: lines, firstBlock: first, offsetMap: map, input: input, stages: restStages, contexts: contexts, writerContext: writerContext))
              }
            case .extend:
              progress.chunkRetries += 1
              planner.retry(plan)
              epoch += 1
              plans.removeAll()
              repaired.removeAll()
              planned = judged
              planning = true
              planFailure = nil
            case .wholeDocument:
              return .success(.wholeDocument)
            case .failed(let error):
              return .failure(error)
            }
          }
          if let next = emitted.removeValue(forKey: written) {
            moved = true
            written += 1
            do throws(DocumentError) {
              if let output = try next.get() {
                try sink.write(output.bodies)
                progress.chunks += 1
                try context.checkDeadline(path: input.path, after: "chunk \(progress.chunks)")
                progress.segments += output.segments
                progress.characters += output.characters
                progress.warnings += output.warnings
                progress.counts.add(output.counts, language: pipeline.language)
              }
            } catch {
              return .failure(error)
            }
          }
        }
        if plans.isEmpty, written == judged, !planning || planFailure != nil {
          switch planFailure {
          case nil: break
          case .notUTF8?: return .success(.wholeDocument)
          case .document(let problem)?: return .failure(problem)
          }
          break
        }
        if planning, planFailure == nil, planned - written < maxPending { continue }
        guard let event = await group.next() else {
          assertionFailure("chunks pending but no task in flight")
          return .success(.wholeDocument)
        }
        receive(event)
      }
      if nextBlock == 1 {
        return .failure(DocumentError(path: input.path, message: "no text: the file has only white space"))
      }
      progress.blocks = nextBlock - 1
      do throws(DocumentError) {
        try sink.start(offsetMap: offsetMap)
        progress.outputs += try sink.finish()
      } catch {
        return .failure(error)
      }
      return .success(.done)
    }
    switch outcome {
    case .success(.done):
      result = progress
      return .done
    case .success(.wholeDocument):
      sink.discard()
      return .wholeDocument
    case .failure(let error):
      sink.discard()
      throw error
    }
  }

  /// Runs the stages up to reflow on a chunk's lines and judges its edges.
  func repair(_ plan: ChunkPlanner.Plan, stages: [any Stage], contexts: StageContextPool, path: String) -> Repair {
    contexts.withContext { context in
      var document = Document(name: "", path: path, bytes: [], language: pipeline.language)
      document.lines = plan.lines
      do throws(DocumentError) {
        for stage in stages { try stage.run(&document, context: context) }
      } catch {
        return .failed(error)
      }
      if let kept = keptBlocks(document.blocks, core: plan.core) { return .kept(kept, document.lines) }
      if plan.isLast || crossesStart(document.blocks, core: plan.core) { return .wholeDocument }
      return .extend
    }
  }

  /// Segments, words, counts and the writers' bodies for one chunk's blocks (nil: none).
  func emit(
    _ blocks: [Block], lines: [SourceLine], firstBlock: Int, offsetMap: OffsetMap, input: InputDocument, stages: [any Stage],
    contexts: StageContextPool, writerContext: WriterContext
  ) -> Result<Output?, DocumentError> {
    guard !blocks.isEmpty else { return .success(nil) }
    return contexts.withContext { context in
      var part = Document(name: input.name, path: input.path, bytes: [], language: pipeline.language)
      part.encoding = "UTF-8"
      part.offsetMap = offsetMap
      part.blocks = blocks
      part.firstBlockNumber = firstBlock
      part.lines = lines
      do throws(DocumentError) {
        for stage in stages { try stage.run(&part, context: context) }
      } catch {
        return .failure(error)
      }
      let (counts, characters) = TextCounts.measureWithSegmentCharacters(part, words: pipeline.has("tokenize"))
      return .success(Output(
        bodies: writers.map { $0.bodyBytes(part, context: writerContext) }, segments: part.segments.count,
        characters: characters, warnings: part.warnings, counts: counts))
    }
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
}

extension ChunkedProcessor {
  /// A document's output files, written in chunk order to temporary files and moved into
  /// place only when all of it is written.
  final class Sink {
    let writers: [any StreamingSegmentWriter]
    let outputDirectory: String
    let context: WriterContext
    private var shell: Document
    private var outputs: [StreamingOutput] = []
    private var started = false

    init(input: InputDocument, language: String, writers: [any StreamingSegmentWriter], outputDirectory: String, context: WriterContext) {
      self.writers = writers
      self.outputDirectory = outputDirectory
      self.context = context
      shell = Document(name: input.name, path: input.path, bytes: [], language: language)
      shell.encoding = "UTF-8"
    }

    /// Opens the files and writes their headers (once).
    func start(offsetMap: OffsetMap) throws(DocumentError) {
      guard !started else { return }
      started = true
      shell.offsetMap = offsetMap
      for writer in writers {
        let output = try StreamingOutput(path: (outputDirectory as NSString).appendingPathComponent(shell.name + writer.fileSuffix))
        outputs.append(output)
        try output.write(writer.header(shell, context: context))
      }
    }

    /// Appends one chunk's bodies, one per writer.
    func write(_ bodies: [[UInt8]]) throws(DocumentError) {
      for (output, body) in zip(outputs, bodies) { try output.write(body) }
    }

    /// Writes the footers and moves the files into place; returns their paths.
    func finish() throws(DocumentError) -> [String] {
      for (writer, output) in zip(writers, outputs) {
        try output.write(writer.footer(shell, context: context))
      }
      for output in outputs { try output.commit() }
      let paths = outputs.map(\.path)
      outputs = []
      return paths
    }

    /// Drops the unfinished files.
    func discard() {
      outputs.forEach { $0.discard() }
      outputs = []
    }
  }
}
