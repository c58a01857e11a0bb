import Foundation
import SegflowICU
import Testing

@testable import SegflowKit

/// A large document processed in chunks must give byte-for-byte the outputs of processing it
/// whole, for every streaming writer.
@Suite struct ChunkedProcessorTests {
  static let writers: [any SegmentWriter] = ["jsonl", "xliff2", "xliff12", "tmx", "po", "tsv"].compactMap { WriterRegistry.writer(named: $0) }

  /// Outputs of `bytes` as one document, with `chunkBytes` (nil: whole).
  /// (Both runs read the same path: outputs name it.)
  func outputs(_ bytes: [UInt8], chunkBytes: Int?, name: String = "doc", jobs: Int = 1) async throws -> (DocumentResult, [String: Data]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-chunk-\(bytes.count)-\(ContentHash.of(bytes))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("\(name).txt").path
    try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    let out = folder.appendingPathComponent("out-\(chunkBytes ?? 0)-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let result = await BatchRunner.process(
      InputDocument(path: path, name: name), pipeline: try Fixtures.defaultPipeline(), writers: Self.writers,
      outputDirectory: out, context: StageContext(), chunkBytes: chunkBytes, jobs: jobs)
    var files: [String: Data] = [:]
    for file in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [] {
      files[file] = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(file))
    }
    return (result, files)
  }

  /// A long document: the seed's paragraphs in many orders, as pages.
  static func longDocument(pages: Int) throws -> String {
    let seed = try String(contentsOfFile: Fixtures.path("seeds/\(Fixtures.seeds[0])"), encoding: .utf8)
    let paragraphs = seed.components(separatedBy: "\n\n")
    var generator = SplitMix(seed: 7)
    var text = ""
    for page in 0..<pages {
      var shuffled = paragraphs
      shuffled.shuffle(using: &generator)
      text += (page > 0 ? "\u{0C}" : "") + shuffled.joined(separator: "\n\n") + "\n"
    }
    return text
  }

  @Test("chunked and whole processing write the same files, one chunk or several at a time", arguments: [700, 3000, 20_000], [1, 3])
  func sameOutputs(chunkBytes: Int, jobs: Int) async throws {
    let bytes = Array(try Self.longDocument(pages: 6).utf8)
    let whole = try await outputs(bytes, chunkBytes: nil)
    let chunked = try await outputs(bytes, chunkBytes: chunkBytes, jobs: jobs)
    #expect(whole.0.error == nil && chunked.0.error == nil)
    #expect(whole.1.count == Self.writers.count)
    #expect(chunked.1 == whole.1)
    #expect(chunked.0.segments == whole.0.segments)
    #expect(chunked.0.blocks == whole.0.blocks)
    #expect(chunked.0.counts == whole.0.counts)
    #expect(whole.0.chunks == 0)
    #expect(chunked.0.chunks > 1)
  }

  /// Paragraphs wrapped into narrow columns with blank lines mid-paragraph now and then (column
  /// breaks), as the bench corpus has them: reflow joins across many blank lines.
  static func columnDocument(paragraphs count: Int) throws -> String {
    let seed = try String(contentsOfFile: Fixtures.path("seeds/\(Fixtures.seeds[0])"), encoding: .utf8)
    let paragraphs = seed.components(separatedBy: "\n\n").map { $0.replacingOccurrences(of: "\n", with: "") }.filter { $0.count > 20 }
    var generator = SplitMix(seed: 11)
    var parts: [String] = []
    for _ in 0..<count {
      let paragraph = Array(paragraphs[Int(generator.next() % UInt64(paragraphs.count))])
      let width = 10 + Int(generator.next() % 7)
      var lines: [String] = []
      var start = 0
      while start < paragraph.count {
        let end = min(paragraph.count, start + width)
        if start > 0 && generator.next() % 6 == 0 { lines.append("") }
        lines.append(String(paragraph[start..<end]))
        start = end
      }
      parts.append(lines.joined(separator: "\n"))
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  @Test("cuts that do not hold grow their chunk and void the chunks planned after them", arguments: [1, 3])
  func failedCuts(jobs: Int) async throws {
    let bytes = Array(try Self.columnDocument(paragraphs: 120).utf8)
    let whole = try await outputs(bytes, chunkBytes: nil)
    // The file `outputs` wrote (outputs name its path).
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-chunk-\(bytes.count)-\(ContentHash.of(bytes))")
    let path = folder.appendingPathComponent("doc.txt").path
    let streaming = Self.writers.compactMap { $0 as? any StreamingSegmentWriter }
    for guesses in [false, true] {
      var processor = ChunkedProcessor(pipeline: try Fixtures.defaultPipeline(), writers: streaming, chunkBytes: 900)
      processor.guessesCuts = guesses
      let out = folder.appendingPathComponent("out-cuts-\(guesses)-\(jobs)").path
      defer { try? FileManager.default.removeItem(atPath: out) }
      var result = DocumentResult(input: InputDocument(path: path, name: "doc"))
      let outcome = try await processor.process(result.input, outputDirectory: out, context: StageContext(), jobs: jobs, result: &result)
      #expect(outcome == .done)
      var files: [String: Data] = [:]
      for file in try FileManager.default.contentsOfDirectory(atPath: out) {
        files[file] = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(file))
      }
      #expect(files == whole.1)
      #expect(result.chunks > 3)
      if !guesses { #expect(result.chunkRetries > 0) }
    }
  }

  @Test("the seed itself, CRLF line ends and a byte-order mark come out the same in chunks")
  func seedCRLFAndBOM() async throws {
    let seed = try String(contentsOfFile: Fixtures.path("seeds/\(Fixtures.seeds[0])"), encoding: .utf8)
    for text in [seed, seed.replacingOccurrences(of: "\n", with: "\r\n")] {
      for prefix in [[], [0xEF, 0xBB, 0xBF] as [UInt8]] {
        let bytes = prefix + Array(text.utf8)
        let whole = try await outputs(bytes, chunkBytes: nil)
        for jobs in [1, 2] {
          let chunked = try await outputs(bytes, chunkBytes: 500, jobs: jobs)
          #expect(chunked.1 == whole.1)
          #expect(chunked.0.chunks > 3)
        }
      }
    }
  }

  @Test("a document reached through a relative symbolic link is chunked too")
  func relativeSymlink() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-link-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(try Self.longDocument(pages: 2).utf8).write(to: folder.appendingPathComponent("doc.txt"))
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("in/link.txt").path, withDestinationPath: "../doc.txt")
    let result = await BatchRunner.process(
      InputDocument(path: folder.appendingPathComponent("in/link.txt").path, name: "link"), pipeline: try Fixtures.defaultPipeline(),
      writers: Self.writers, outputDirectory: folder.appendingPathComponent("out").path, context: StageContext(), chunkBytes: 1000)
    #expect(result.error == nil)
    #expect(result.chunks > 1)
  }

  @Test("broken UTF-8 late in a large file is the same error, and no output is left")
  func brokenBytesLate() async throws {
    var bytes = Array(try Self.longDocument(pages: 3).utf8)
    let position = bytes.count * 3 / 4
    var cut = position
    while bytes[cut] & 0xC0 == 0x80 { cut += 1 }
    bytes.insert(0xFF, at: cut)
    let whole = try await outputs(bytes, chunkBytes: nil)
    #expect(whole.0.error != nil)
    for jobs in [1, 3] {
      let chunked = try await outputs(bytes, chunkBytes: 1000, jobs: jobs)
      #expect(chunked.0.error == whole.0.error)
      #expect(chunked.1.isEmpty)
    }
  }

  @Test("a GB18030 file is decoded whole (detection needs all of it) with the same outputs")
  func legacyCharsetFallsBack() async throws {
    let text = try Self.longDocument(pages: 2)
    let bytes = try Charset.encode(text, to: "GB18030")
    let whole = try await outputs(bytes, chunkBytes: nil)
    let chunked = try await outputs(bytes, chunkBytes: 1000)
    #expect(whole.0.error == nil)
    #expect(chunked.1 == whole.1)
    #expect(chunked.0.chunks == 0)
  }
}
