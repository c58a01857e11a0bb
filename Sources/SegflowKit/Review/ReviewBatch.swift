import Foundation

/// `segflow review`: processes documents, writes a review page for each (`DIR/NAME.html`) and
/// the batch index (`DIR/index.html`).
///
/// A failing document gets a row with its error in the index; the others go on. Pages are
/// written atomically, so a crash never leaves a half page under the final name.
public struct ReviewBatch: Sendable {
  public var pipeline: Pipeline
  public var outputDirectory: String
  public var jobs: Int

  public init(pipeline: Pipeline, outputDirectory: String, jobs: Int) {
    self.pipeline = pipeline
    self.outputDirectory = outputDirectory
    self.jobs = max(1, jobs)
  }

  /// The index file's path.
  public var indexPath: String { (outputDirectory as NSString).appendingPathComponent("index.html") }

  /// Reviews `inputs` and writes the index, with a row for each input and for each of
  /// `inputErrors` (inputs refused before processing). Rows come in input order whatever `jobs`.
  ///
  /// - Throws: the index cannot be written.
  public func run(_ inputs: [InputDocument], inputErrors: [DocumentError] = [], progress: @escaping @Sendable (ReviewIndexEntry) -> Void = { _ in }) async throws(DocumentError) -> [ReviewIndexEntry] {
    let queue = WorkQueue(count: inputs.count)
    let pipeline = pipeline
    let outputDirectory = outputDirectory
    let reviewed = await withTaskGroup(of: [(Int, ReviewIndexEntry)].self) { group in
      for _ in 0..<min(jobs, max(1, inputs.count)) {
        group.addTask {
          let context = StageContext()
          var done: [(Int, ReviewIndexEntry)] = []
          while let index = await queue.next() {
            let entry = Self.review(inputs[index], pipeline: pipeline, outputDirectory: outputDirectory, context: context)
            progress(entry)
            done.append((index, entry))
          }
          return done
        }
      }
      var entries = [ReviewIndexEntry?](repeating: nil, count: inputs.count)
      for await batch in group { for (index, entry) in batch { entries[index] = entry } }
      return entries.enumerated().map { $0.element ?? ReviewIndexEntry(name: inputs[$0.offset].name, path: inputs[$0.offset].path, error: "not processed") }
    }
    let refused = inputErrors.map { ReviewIndexEntry(name: (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension, path: $0.path, error: $0.description) }
    let entries = reviewed + refused
    try AtomicFile.write(ReviewIndexPage().render(entries), to: indexPath)
    return entries
  }

  /// Reads, processes and writes the page of one document; its index row.
  public static func review(_ input: InputDocument, pipeline: Pipeline, outputDirectory: String, context: StageContext) -> ReviewIndexEntry {
    do throws(DocumentError) {
      var document = try DocumentReader.load(input, language: pipeline.language)
      try pipeline.process(&document, context: context)
      let page = input.name + ".html"
      let depth = input.name.count { $0 == "/" }
      let html = ReviewPage(indexLink: String(repeating: "../", count: depth) + "index.html").render(document)
      try AtomicFile.write(html, to: (outputDirectory as NSString).appendingPathComponent(page))
      return ReviewIndexEntry(document: document, report: ReviewReport(document: document), page: page)
    } catch {
      return ReviewIndexEntry(name: input.name, path: input.path, error: error.description)
    }
  }
}
