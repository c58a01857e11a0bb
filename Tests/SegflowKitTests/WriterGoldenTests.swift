import Foundation
import Testing

@testable import SegflowKit

/// Every translation-file writer's bytes for the tricky documents (markup characters, a control
/// XML forbids, emoji, white space between sentences), untranslated and with translations (some
/// holding markup and a forbidden character), kept in golden files and compared byte for byte:
/// the writers build their bytes piece by piece, and nothing may change them silently. Record
/// with `RECORD_GOLDEN=1`.
@Suite struct WriterGoldenTests {
  static func translations(_ document: Document) -> [String: String] {
    var targets: [String: String] = [:]
    for (position, segment) in document.segments.enumerated() where position % 2 == 0 {
      targets[segment.id] = position % 4 == 0 ? ExportFixtures.translate(segment.text) : "<b>&\u{01}\"" + segment.text + "'\r\n\t"
    }
    return targets
  }

  @Test("each writer's bytes match its golden file", arguments: ["tricky-zh", "tricky-en"])
  func writers(name: String) throws {
    let document = try #require(try ExportFixtures.documents().first { $0.name == name })
    let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    for (variant, targets) in [("", [String: String]()), (".translated", Self.translations(document))] {
      let context = ExportFixtures.context(document, targets: targets)
      for writer in WriterRegistry.all where writer is any StreamingSegmentWriter {
        let bytes = try writer.renderBytes(document, context: context)
        let url = Fixtures.root.appendingPathComponent("Tests/SegflowKitTests/Golden/writers/\(name)\(variant)\(writer.fileSuffix)")
        if record {
          try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
          try Data(bytes).write(to: url)
          continue
        }
        let expected = try [UInt8](Data(contentsOf: url))
        // Compared as a Bool: a failed comparison of the arrays would print every byte.
        let firstDifference = bytes.indices.first { $0 >= expected.count || bytes[$0] != expected[$0] } ?? (bytes.count == expected.count ? nil : bytes.count)
        #expect(firstDifference == nil, "\(url.lastPathComponent) differs from its golden file at byte \(firstDifference ?? 0) (rerun with RECORD_GOLDEN=1 to accept)")
      }
    }
  }
}
