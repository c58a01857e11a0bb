import Foundation
import Testing

@testable import SegflowKit

/// Every parser of a file a user hands us, fed valid files damaged at random (bytes flipped,
/// cut, repeated, markup and invalid UTF-8 slipped in): each either reads the file or throws its
/// own error naming the file, with a line inside it. Never a crash, never a foreign error.
@Suite struct ParserFuzzTests {
  /// Snippets that break parsers: markup, entities, a DTD, NUL, invalid UTF-8, quotes, line ends.
  static let hostile: [[UInt8]] = [
    Array("<".utf8), Array("&".utf8), Array("]]>".utf8), Array("&amp".utf8), Array("\"".utf8),
    Array("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>".utf8), Array("&e;".utf8),
    [0x00], [0xFF, 0xFE], [0xC3], [0xE4, 0xB8], Array("\r\n".utf8), Array("\n\n".utf8),
    Array("msgid \"".utf8), Array("\\".utf8), Array(":\n  - [".utf8), Array("{{{".utf8),
    Array("(?<=".utf8), Array("*".utf8),
  ]

  /// `bytes` damaged in one to four places.
  static func mutate(_ bytes: [UInt8], _ generator: inout SplitMix) -> [UInt8] {
    var result = bytes
    for _ in 0...Int(generator.next() % 4) {
      guard !result.isEmpty else { break }
      let at = Int(generator.next() % UInt64(result.count))
      let length = min(result.count - at, Int(generator.next() % 40) + 1)
      switch generator.next() % 5 {
      case 0: result[at] = UInt8(truncatingIfNeeded: generator.next())
      case 1: result.removeSubrange(at..<at + length)
      case 2: result.insert(contentsOf: result[at..<at + length], at: at)
      case 3: result.insert(contentsOf: hostile[Int(generator.next() % UInt64(hostile.count))], at: at)
      default: result.removeSubrange(at...)
      }
    }
    return result
  }

  static func lineCount(_ bytes: [UInt8]) -> Int { bytes.count(where: { $0 == 0x0A }) + 1 }

  /// An error names the damaged file and, when it gives a line, one inside it (`slack`: lines a
  /// parser may count past the last, as YAML's reader does at the end of the file).
  static func expectPlace(
    _ file: String, _ line: Int?, is expected: String, within damaged: [UInt8], slack: Int = 0, _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(file == expected, "\(context)", sourceLocation: sourceLocation)
    if let line { #expect((1...lineCount(damaged) + slack).contains(line), "\(context)", sourceLocation: sourceLocation) }
  }

  /// The seed and the tricky documents in every format a reader reads back.
  static let translationFiles: [(name: String, bytes: [UInt8])] = {
    var files: [(String, [UInt8])] = []
    let documents = (try? ExportFixtures.documents()) ?? []
    for document in documents {
      for (writer, suffix) in [("xliff2", "xlf"), ("xliff12", "xlf"), ("tmx", "tmx"), ("po", "po")] {
        guard let render = WriterRegistry.writer(named: writer),
              let bytes = try? render.renderBytes(document, context: ExportFixtures.context(document))
        else { continue }
        files.append(("\(document.name).\(writer).\(suffix)", bytes))
      }
    }
    return files
  }()

  @Test("the translation files to damage were written (so the fuzzing below means something)")
  func samplesExist() throws {
    #expect(Self.translationFiles.count == 12)
    for file in Self.translationFiles {
      #expect(try !TranslationFile.parse(file.bytes, path: file.name).records.isEmpty, "\(file.name)")
    }
  }

  @Test("invalid UTF-8 in a comment is an error at its line and byte, not a crash (Foundation's XMLParser crashed on it)")
  func invalidUTF8InComment() throws {
    let srx = Array("<?xml version=\"1.0\"?>\n<!-- ".utf8) + [0xFF] + Array(" -->\n<srx/>\n".utf8)
    #expect(throws: SRXError(file: "bad.srx", line: 2, message: "invalid UTF-8 (byte 27)")) {
      try SRXRules.parse(Data(srx), file: "bad.srx")
    }
    let xliff = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff><!-- ".utf8) + [0xC3] + Array(" --></xliff>\n".utf8)
    #expect(throws: DocumentError(path: "bad.xlf", message: "invalid UTF-8", line: 2, byte: 51)) {
      try TranslationFile.parse(xliff, path: "bad.xlf")
    }
  }

  @Test("a TMX in UTF-16 (as Trados exports it), with or without a byte-order mark, reads as its UTF-8 twin")
  func utf16TMX() throws {
    let file = try #require(Self.translationFiles.first { $0.name.hasSuffix(".tmx") })
    let utf8 = try TranslationFile.parse(file.bytes, path: "a.tmx")
    let relabelled = String(decoding: file.bytes, as: UTF8.self).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    #expect(relabelled.contains("UTF-16"))
    let little = relabelled.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    let big = relabelled.utf16.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
    for bytes in [[0xFF, 0xFE] + little, [0xFE, 0xFF] + big, little] {
      let read = try TranslationFile.parse(bytes, path: "a.tmx")
      #expect(read.format == .tmx)
      #expect(read.records == utf8.records)
    }
    // A file cut in the middle of a code unit: the unit's first byte (after the mark) is named.
    #expect(throws: DocumentError(path: "odd.tmx", message: "invalid UTF-16LE", byte: little.count)) {
      try TranslationFile.parse([0xFF, 0xFE] + little.dropLast(), path: "odd.tmx")
    }
  }

  @Test("damaged XLIFF 2, XLIFF 1.2, TMX and PO files are read or refused with their name and line", arguments: 0..<40)
  func translationFiles(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    for file in Self.translationFiles {
      let damaged = Self.mutate(file.bytes, &generator)
      do {
        _ = try TranslationFile.parse(damaged, path: "fuzz.xlf")
      } catch {
        #expect(!error.message.isEmpty)
        Self.expectPlace(error.path, error.line, is: "fuzz.xlf", within: damaged, "\(error) in \(file.name)")
      }
    }
  }

  @Test("damaged pipeline files are loaded or refused, every problem with the file's name and a place inside it", arguments: 0..<200)
  func pipelineFiles(seed: Int) throws {
    var generator = SplitMix(seed: UInt64(seed))
    let original = try Fixtures.bytes("pipelines/newspaper-zh.yaml")
    let damaged = Self.mutate(original, &generator)
    do {
      _ = try PipelineLoader.parse(String(decoding: damaged, as: UTF8.self), file: "fuzz.yaml")
    } catch {
      #expect(!error.issues.isEmpty)
      for issue in error.issues {
        Self.expectPlace(issue.file, issue.line, is: "fuzz.yaml", within: damaged, slack: 1, "\(issue)")
      }
    }
  }

  @Test("damaged SRX files are read or refused with the file's name and a line inside it", arguments: 0..<60)
  func srxFiles(seed: Int) throws {
    var generator = SplitMix(seed: UInt64(seed))
    let original = try Fixtures.bytes("pipelines/srx/segflow.srx")
    let damaged = Self.mutate(original, &generator)
    do {
      _ = try SRXRules.parse(Data(damaged), file: "fuzz.srx")
    } catch {
      Self.expectPlace(error.file, error.line, is: "fuzz.srx", within: damaged, "\(error)")
    }
  }
}
