import Foundation
import SegflowKit
import Testing

/// Writers: schema validity, the invariants schemas cannot see, and read-back round trips.
@Suite struct ExportTests {
  @Test func writersAreRegisteredUnderTheirContractNames() {
    let expected = ["xliff2": ".xlf", "xliff12": ".v12.xlf", "tmx": ".tmx", "po": ".po", "jsonl": ".segments.jsonl", "tsv": ".tsv"]
    for (name, suffix) in expected {
      #expect(WriterRegistry.writer(named: name)?.fileSuffix == suffix, "writer \(name)")
    }
  }

  @Test(.enabled(if: ExternalTool.hasXmllint, "needs xmllint and ../shared/data"))
  func everyXMLFileValidatesAgainstItsSchema() throws {
    let folder = try ExternalTool.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for document in try ExportFixtures.documents() {
      let targets = Dictionary(uniqueKeysWithValues: document.segments.map { ($0.id, ExportFixtures.translate($0.text)) })
      for (label, context) in [("source", ExportFixtures.context(document)), ("translated", ExportFixtures.context(document, targets: targets))] {
        for (writer, kind) in [(XLIFF2Writer() as any SegmentWriter, "xliff2"), (XLIFF12Writer(), "xliff12"), (TMXWriter(), "tmx")] {
          let path = "\(folder)/\(document.name)-\(label)\(writer.fileSuffix)"
          try writer.render(document, context: context).write(toFile: path, atomically: true, encoding: .utf8)
          let problem = try ExternalTool.validate(path, as: kind)
          #expect(problem == nil, "\(document.name) \(label) \(kind): \(problem ?? "")")
        }
      }
    }
  }

  @Test func xliff2UnitsReproduceTheBlocksWithUniqueIds() throws {
    for document in try ExportFixtures.documents() {
      let text = try XLIFF2Writer().render(document, context: ExportFixtures.context(document))
      let file = try TranslationFile.parse(Array(text.utf8), path: "\(document.name).xlf")
      #expect(Set(file.records.map(\.id)).count == file.records.count, "ids unique")
      #expect(file.records.count == document.segments.count)
      // Every segment in exactly one unit: its own block's.
      for segment in document.segments {
        let found = file.records.filter { $0.id == "\(segment.block):\(segment.index)" }
        #expect(found.count == 1 && found.first?.unit == String(segment.block), "\(segment.id)")
      }
      // Segments plus ignorables reproduce each block's text.
      for unit in document.units {
        let rebuilt = file.records.filter { $0.unit == String(unit.number) }.map { $0.source + $0.trailing }.joined()
        #expect(rebuilt == unit.block.text, "\(document.name) block \(unit.number)")
      }
    }
  }

  @Test(arguments: ["xliff2", "xliff12", "po", "tmx"])
  func readingBackGivesTheSameRecords(format: String) throws {
    for document in try ExportFixtures.documents() {
      let targets = Dictionary(uniqueKeysWithValues: document.segments.enumerated().filter { $0.offset % 2 == 0 }.map { ($0.element.id, "T\($0.offset) <&> ✓") })
      let writer = try #require(WriterRegistry.writer(named: format))
      let text = try writer.render(document, context: ExportFixtures.context(document, targets: targets))
      let file = try TranslationFile.parse(Array(text.utf8), path: "x\(writer.fileSuffix)")
      #expect(file.format.rawValue == format)
      try #require(file.records.count == document.segments.count, "\(document.name) \(format)")
      let lossy = format == "xliff12" || format == "tmx"
      for (record, segment) in zip(file.records, document.segments) {
        let id = format == "po" || format == "tmx" ? segment.id : "\(segment.block):\(segment.index)"
        #expect(record.id == id)
        #expect(record.source == (lossy ? ExportFixtures.replacingForbidden(segment.text) : segment.text), "\(segment.id)")
        #expect(record.target == targets[segment.id], "\(format) \(segment.id)")
        if format != "tmx" { #expect(record.trailing == segment.trailing, "\(format) \(segment.id) trailing") }
      }
    }
  }

  /// Export, let a translator edit the file itself (not our writer), merge: exactly the
  /// transformed segments in the original structure.
  @Test func translatorRoundTripThroughEachFormat() throws {
    for document in try ExportFixtures.documents() {
      let expected = ExportFixtures.expectedMerge(document)
      let context = ExportFixtures.context(document)

      var xliff2 = try XLIFF2Writer().render(document, context: context)
      xliff2 = try rewrite(xliff2, #"<source>(.*?)</source></segment>"#) { "<source>\($0)</source><target>[[\($0)]]</target></segment>" }
      // Line breaks inside the block are joined as merge does.
      let merged2 = try Merger(keepSource: false).merge(TranslationFile.parse(Array(xliff2.utf8), path: "t.xlf"))
      #expect(merged2.text == expected, "\(document.name) xliff2")
      let withOriginal = try Merger(keepSource: false).merge(TranslationFile.parse(Array(xliff2.utf8), path: "t.xlf"), original: document)
      #expect(withOriginal.text == expected, "\(document.name) xliff2 with original")

      var xliff12 = try XLIFF12Writer().render(document, context: context)
      xliff12 = try rewrite(xliff12, #"(<target[^>]*>.*?</target>)"#) { target in
        try rewrite(target, #"(<mrk mtype="seg" mid="[^"]+">)(.*?)</mrk>"#, groups: { "\($0[0])[[\($0[1])]]</mrk>" })
      }
      let merged12 = try Merger(keepSource: false).merge(TranslationFile.parse(Array(xliff12.utf8), path: "t.v12.xlf"))
      #expect(merged12.text == ExportFixtures.expectedMerge(document) { ExportFixtures.translate(ExportFixtures.replacingForbidden($0)) }, "\(document.name) xliff12")

      var po = try POWriter().render(document, context: context)
      po = try rewrite(po, #"msgid "(.*)"\nmsgstr """#) { "msgid \"\($0)\"\nmsgstr \"[[\($0)]]\"" }
      let mergedPO = try Merger(keepSource: false).merge(TranslationFile.parse(Array(po.utf8), path: "t.po"))
      #expect(mergedPO.text == expected, "\(document.name) po")
    }
  }

  @Test func untranslatedSegmentsFailUnlessKept() throws {
    let document = try #require(try ExportFixtures.documents().last)
    let first = try #require(document.segments.first)
    let text = try XLIFF2Writer().render(document, context: ExportFixtures.context(document, targets: [first.id: "Erster"]))
    let file = try TranslationFile.parse(Array(text.utf8), path: "t.xlf")
    #expect(throws: DocumentError.self) { try Merger(keepSource: false).merge(file) }
    let kept = try Merger(keepSource: true).merge(file)
    #expect(kept.untranslated.count == document.segments.count - 1)
    #expect(kept.text.hasPrefix("Erster" + first.trailing))
  }

  @Test func countsSeparateCharactersPunctuationAndWords() throws {
    let document = try Fixtures.process("我们去北京。\n", pipeline: Fixtures.defaultPipeline())
    let counts = TextCounts.measure(document, words: true)
    #expect(counts.characters == 6)
    #expect(counts.charactersNoSpaces == 6)
    #expect(counts.charactersNoPunctuation == 5)
    #expect(counts.words == 3, "我们 去 北京, without the full stop")
    #expect(counts.logographicWords == 1.8)
    let english = try Fixtures.process("Two words. And three more.\n", pipeline: PipelineLoader.load(path: Fixtures.path("pipelines/plain-en.yaml")))
    let englishCounts = TextCounts.measure(english, words: true)
    #expect(englishCounts.words == 5)
    #expect(englishCounts.logographicWords == nil)
  }

  @Test("without a tokenize stage words are not counted: null in run.json, characters as before")
  func countsWithoutTokenizeLeaveWordsNull() throws {
    let pipeline = try Fixtures.defaultPipeline().truncated(after: "segment")
    let document = try Fixtures.process("我们去北京。\n", pipeline: pipeline)
    #expect(document.segments.allSatisfy { $0.tokens == nil })
    let counts = TextCounts.measure(document, words: false)
    #expect(counts.words == nil)
    #expect(counts.characters == 6 && counts.charactersNoPunctuation == 5 && counts.logographicWords == 1.8)
    #expect(counts.json.hasSuffix("\"words\":null}"))
    // Summing keeps null only when no part counted words.
    #expect((counts + counts).words == nil)
    var tokenized = TextCounts()
    tokenized.words = 3
    #expect((counts + tokenized).words == 3)
  }

  /// Replaces every match of `pattern` (dot matches newlines off) with `body(first group)`.
  func rewrite(_ text: String, _ pattern: String, _ body: (String) throws -> String) throws -> String {
    try rewrite(text, pattern, groups: { try body($0[0]) })
  }

  func rewrite(_ text: String, _ pattern: String, groups body: ([String]) throws -> String) throws -> String {
    let regex = try NSRegularExpression(pattern: pattern)
    let ns = text as NSString
    var result = ""
    var last = 0
    for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      result += ns.substring(with: NSRange(location: last, length: match.range.location - last))
      let groups = (1..<match.numberOfRanges).map { ns.substring(with: match.range(at: $0)) }
      result += try body(groups)
      last = match.range.location + match.range.length
    }
    return result + ns.substring(from: last)
  }
}
