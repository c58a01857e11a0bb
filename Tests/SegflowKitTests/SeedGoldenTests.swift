import Foundation
import Testing

@testable import SegflowKit

/// Whole-pipeline output for every seed document, kept in golden files so that no change to
/// reflow, segmentation or the writers alters the output silently. Record with `RECORD_GOLDEN=1`.
@Suite struct SeedGoldenTests {
  @Test("segment records and XLIFF of each seed match their golden files", arguments: Fixtures.seeds)
  func seed(name: String) throws {
    let pipeline = try Fixtures.defaultPipeline()
    let input = InputDocument(path: Fixtures.path("seeds/\(name)"), name: (name as NSString).deletingPathExtension)
    var document = try DocumentReader.load(input, language: pipeline.language)
    try pipeline.process(&document, context: StageContext())
    let context = WriterContext(sourceLanguage: pipeline.language, targetLanguage: pipeline.targetLanguage)
    for writer in [JSONLWriter() as any SegmentWriter, XLIFF2Writer()] {
      let output = try writer.render(document, context: context)
      if let problem = assertGolden(output, suite: "seeds", name: input.name + writer.fileSuffix) {
        Issue.record(Comment(rawValue: problem))
      }
    }
    let blocks = document.blocks.map { "\($0.kind.rawValue)\t\($0.text)" }.joined(separator: "\n") + "\n"
    if let problem = assertGolden(blocks, suite: "seeds", name: input.name + ".blocks.tsv") {
      Issue.record(Comment(rawValue: problem))
    }
  }

  @Test("segment ids are stable across runs and unique")
  func stableIDs() throws {
    let pipeline = try Fixtures.defaultPipeline()
    let text = try String(contentsOfFile: Fixtures.path("seeds/\(Fixtures.seeds[0])"), encoding: .utf8)
    let first = try Fixtures.process(text, pipeline: pipeline).segments.map(\.id)
    let second = try Fixtures.process(text, pipeline: pipeline).segments.map(\.id)
    #expect(first == second)
    #expect(Set(first).count == first.count)
  }

  @Test("segments of a block, with their trailing space, reproduce the block text")
  func lossless() throws {
    let pipeline = try Fixtures.defaultPipeline()
    for name in Fixtures.seeds {
      let text = try String(contentsOfFile: Fixtures.path("seeds/\(name)"), encoding: .utf8)
      let document = try Fixtures.process(text, pipeline: pipeline)
      for (index, block) in document.blocks.enumerated() {
        let joined = document.segments.filter { $0.block == index + 1 }.map { $0.text + $0.trailing }.joined()
        #expect(joined == block.text)
      }
    }
  }

  @Test("every segment's source span points at its first and last characters in the file")
  func spans() throws {
    let pipeline = try Fixtures.defaultPipeline()
    for name in Fixtures.seeds {
      let bytes = try Fixtures.bytes("seeds/\(name)")
      let document = try Fixtures.process(String(decoding: bytes, as: UTF8.self), pipeline: pipeline)
      let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      for segment in document.segments {
        let first = segment.text.unicodeScalars.first!
        let start = segment.source.start
        let atByte = String(decoding: bytes[start.byte...].prefix(4), as: UTF8.self).unicodeScalars.first
        #expect(atByte == first, "\(segment.id) start byte")
        let line = Array(lines[start.line - 1].unicodeScalars)
        #expect(line[start.column - 1] == first, "\(segment.id) start column")
        let last = segment.text.unicodeScalars.last!
        let end = segment.source.end
        let endLine = Array(lines[end.line - 1].unicodeScalars)
        #expect(endLine[end.column - 2] == last, "\(segment.id) end column")
        #expect(end.byte > start.byte)
      }
    }
  }
}
