import Foundation

/// Runs a pipeline over many documents concurrently and writes each one's outputs.
///
/// One failing document never stops the others; results come back in input order whatever
/// the number of jobs, and outputs do not depend on it.
public struct BatchRunner: Sendable {
  public var pipeline: Pipeline
  public var outputDirectory: String
  public var writers: [any SegmentWriter]
  public var jobs: Int
  /// Resume log; nil processes everything and records nothing.
  public var manifest: Manifest?
  /// Documents larger than twice this many bytes are processed in chunks of about this size
  /// (``ChunkedProcessor``), with the same outputs; nil processes every document whole. 512 KB
  /// by default: a chunk's lines, rows, blocks and segments then stay small enough to be reused
  /// from the allocator's free lists and caches, where 4 MB chunks spent a tenth of a run in the
  /// kernel mapping fresh pages (0.5 s against 0.1 s on the 20 MB corpus) and held 158 MB
  /// against 62 MB.
  public var chunkBytes: Int?
  /// Documents larger than this fail with a clear error instead of being processed; nil: no limit.
  public var maxBytes: Int?
  /// Documents still running after this long fail (checked between stages and chunks).
  public var timeLimit: Duration?

  public init(pipeline: Pipeline, outputDirectory: String, writers: [any SegmentWriter], jobs: Int, manifest: Manifest? = nil, chunkBytes: Int? = 512 << 10) {
    self.pipeline = pipeline
    self.outputDirectory = outputDirectory
    self.writers = writers
    self.jobs = max(1, jobs)
    self.manifest = manifest
    self.chunkBytes = chunkBytes
  }

  /// What besides the input shapes the outputs: a change to any of it redoes every document.
  public var settingsHash: String {
    ContentHash.of(Array("\(pipeline.hash)|\(pipeline.language)|\(pipeline.targetLanguage)|\(writers.map(\.name).joined(separator: ","))|\(Segflow.version)".utf8))
  }

  /// Processes `inputs`; `progress` is called after each document (from any task).
  public func run(_ inputs: [InputDocument], progress: @escaping @Sendable (DocumentResult) -> Void = { _ in }) async -> [DocumentResult] {
    let queue = WorkQueue(count: inputs.count)
    let pipeline = pipeline
    let writers = writers
    let outputDirectory = outputDirectory
    let manifest = manifest
    let settings = settingsHash
    let chunkBytes = chunkBytes
    let maxBytes = maxBytes
    let timeLimit = timeLimit
    return await withTaskGroup(of: [(Int, DocumentResult)].self) { group in
      for _ in 0..<min(jobs, max(1, inputs.count)) {
        group.addTask {
          let context = StageContext()
          var done: [(Int, DocumentResult)] = []
          while let index = await queue.next() {
            let result = await Self.process(
              inputs[index], pipeline: pipeline, writers: writers, outputDirectory: outputDirectory, context: context, manifest: manifest,
              settings: settings, chunkBytes: chunkBytes, maxBytes: maxBytes, timeLimit: timeLimit, jobs: jobs)
            progress(result)
            done.append((index, result))
          }
          return done
        }
      }
      var results = [DocumentResult?](repeating: nil, count: inputs.count)
      for await batch in group { for (index, result) in batch { results[index] = result } }
      return results.enumerated().map { $0.element ?? DocumentResult(input: inputs[$0.offset]) }
    }
  }

  /// Reads, processes and writes one document. A large document processed in chunks has up to
  /// `jobs` of them worked on at once (with the same outputs).
  public static func process(
    _ input: InputDocument, pipeline: Pipeline, writers: [any SegmentWriter], outputDirectory: String,
    context: StageContext, manifest: Manifest? = nil, settings: String = "", chunkBytes: Int? = nil, maxBytes: Int? = nil, timeLimit: Duration? = nil,
    jobs: Int = 1
  ) async -> DocumentResult {
    var result = DocumentResult(input: input)
    context.startDocument(limit: timeLimit)
    do throws(DocumentError) {
      if let maxBytes, let size = fileSize(input), size > maxBytes {
        result.bytes = size
        throw DocumentError(path: input.path, message: "too large: \(size) bytes, over the limit of \(maxBytes) (--max-mb)")
      }
      // PDFs are read page by page by the decode stage, never in byte chunks.
      if let chunkBytes, ChunkedProcessor.applies(to: pipeline, writers: writers), let size = fileSize(input), size > 2 * chunkBytes,
        !PDFDecoder.isPDF(fileAt: input.path)
      {
        result.bytes = size
        let inputHash = manifest == nil ? "" : try ContentHash.of(fileAt: input.path)
        if let entry = manifest?.current(name: input.name, input: inputHash, settings: settings) {
          return reused(entry, result)
        }
        let streaming = writers.compactMap { $0 as? any StreamingSegmentWriter }
        let processor = ChunkedProcessor(pipeline: pipeline, writers: streaming, chunkBytes: chunkBytes)
        var chunked = result
        if try await processor.process(input, outputDirectory: outputDirectory, context: context, jobs: jobs, result: &chunked) == .done {
          manifest?.record(ManifestEntry(
            name: input.name, input: inputHash, settings: settings, outputs: chunked.outputs,
            blocks: chunked.blocks, segments: chunked.segments, characters: chunked.characters, bytes: chunked.bytes))
          return chunked
        }
      }
      var document = try DocumentReader.load(input, language: pipeline.language)
      result.bytes = document.bytes.count
      let inputHash = manifest == nil ? "" : ContentHash.of(document.bytes)
      if let entry = manifest?.current(name: input.name, input: inputHash, settings: settings) {
        return reused(entry, result)
      }
      try pipeline.process(&document, context: context)
      result.blocks = document.blocks.count
      result.segments = document.segments.count
      result.warnings = document.warnings
      (result.counts, result.characters) = TextCounts.measureWithSegmentCharacters(document, words: pipeline.has("tokenize"))
      let writerContext = WriterContext(sourceLanguage: pipeline.language, targetLanguage: pipeline.targetLanguage)
      result.outputs = try write(document, name: input.name, writers: writers, context: writerContext, outputDirectory: outputDirectory)
      manifest?.record(ManifestEntry(
        name: input.name, input: inputHash, settings: settings, outputs: result.outputs,
        blocks: result.blocks, segments: result.segments, characters: result.characters, bytes: result.bytes))
    } catch {
      result.error = error
    }
    return result
  }
}

extension BatchRunner {
  /// Renders every writer's file for `document`, then writes them all: a writer error leaves no
  /// partial set of outputs. Returns the paths written.
  public static func write(
    _ document: Document, name: String, writers: [any SegmentWriter], context: WriterContext, outputDirectory: String
  ) throws(DocumentError) -> [String] {
    var rendered: [(String, [UInt8])] = []
    for writer in writers {
      let path = (outputDirectory as NSString).appendingPathComponent(name + writer.fileSuffix)
      do {
        rendered.append((path, try writer.renderBytes(document, context: context)))
      } catch {
        throw DocumentError(path: document.path, message: "writer '\(writer.name)' failed: \(error)")
      }
    }
    for (path, text) in rendered { try AtomicFile.write(text, to: path) }
    return rendered.map(\.0)
  }

  /// The size of an input file (following links), nil for standard input or when unknown.
  static func fileSize(_ input: InputDocument) -> Int? {
    guard input.path != "-" else { return nil }
    // stat(2) follows symbolic links, relative ones included.
    var info = stat()
    guard stat(input.path, &info) == 0 else { return nil }
    return Int(info.st_size)
  }

  /// `result` for a document whose outputs are current: the figures recorded in the manifest.
  static func reused(_ entry: ManifestEntry, _ result: DocumentResult) -> DocumentResult {
    var result = result
    result.skipped = true
    result.blocks = entry.blocks
    result.segments = entry.segments
    result.characters = entry.characters
    result.outputs = entry.outputs
    return result
  }
}

/// Hands out document indexes to the workers, each once.
actor WorkQueue {
  private var nextIndex = 0
  private let count: Int

  init(count: Int) {
    self.count = count
  }

  func next() -> Int? {
    guard nextIndex < count else { return nil }
    defer { nextIndex += 1 }
    return nextIndex
  }
}
