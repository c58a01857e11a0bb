import Foundation
import SegflowKit
import Testing

/// Real consumers read our files: Translate Toolkit (all four formats) and OmegaT 3.6 (XLIFF
/// 1.2 as source, our TMX with translations in tm/auto). Installed by scripts/bootstrap.
@Suite struct ConsumerTests {
  @Test(.enabled(if: ExternalTool.hasTranslateToolkit, "needs Translate Toolkit (scripts/bootstrap)"))
  func translateToolkitSeesOurSegments() throws {
    let folder = try ExternalTool.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let python = try #require(ExternalTool.find("python3"))
    for document in try ExportFixtures.documents() {
      let context = ExportFixtures.context(document)
      for (writer, kind) in [(XLIFF2Writer() as any SegmentWriter, "xliff2"), (XLIFF12Writer(), "xliff12"), (TMXWriter(), "tmx"), (POWriter(), "po")] {
        let path = "\(folder)/\(document.name)\(writer.fileSuffix)"
        try writer.render(document, context: context).write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(python, [Fixtures.path("scripts/ttk_load.py"), kind, path])
        try #require(result.status == 0, "\(kind) \(document.name): \(result.stderr)")
        let seen = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let sources = try #require(seen?["sources"] as? [String])
        // Translate Toolkit reads an XLIFF 1.2 trans-unit's <source> (the block), not its
        // <seg-source> markers; the other formats are one unit per segment.
        let expected = kind == "xliff12"
          ? document.units.map { ExportFixtures.replacingForbidden($0.segments.map { $0.text + $0.trailing }.joined()) }
          : document.segments.map { kind == "tmx" ? ExportFixtures.replacingForbidden($0.text) : $0.text }
        #expect(sources.count == expected.count, "\(kind) \(document.name)")
        // Known Translate Toolkit 3.20 limits, for the C0 controls only: it drops XLIFF 2
        // `<cp hex>` elements and reads PO octal escapes (`\001`) as digits. Those segments
        // are compared without the control characters; every other one must match exactly.
        for (seen, wanted) in zip(sources, expected) {
          if (kind == "xliff2" || kind == "po") && wanted.unicodeScalars.contains(where: XMLText.isForbidden) {
            var asRead = ""
            for scalar in wanted.unicodeScalars {
              if !XMLText.isForbidden(scalar) {
                asRead.unicodeScalars.append(scalar)
              } else if kind == "po" {
                let octal = String(scalar.value, radix: 8)
                asRead += String(repeating: "0", count: 3 - octal.count) + octal
              }
            }
            #expect(seen == asRead, "\(kind) \(document.name)")
          } else {
            #expect(seen == wanted, "\(kind) \(document.name)")
          }
        }
      }
    }
  }

  /// OmegaT 3.6 headless: our XLIFF 1.2 as the source, our TMX with translations in tm/auto.
  /// Every segment must come out translated: OmegaT accepted both files and matched our
  /// segments one to one.
  @Test(.enabled(if: ExternalTool.find("omegat") != nil && ExternalTool.find("timeout") != nil, "needs OmegaT (scripts/bootstrap)"))
  func omegatTranslatesOurXLIFFFromOurTMX() throws {
    let document = try #require(try ExportFixtures.documents().first)
    let project = try ExternalTool.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: project) }
    for folder in ["source", "target", "tm/auto", "omegat", "glossary", "dictionary", "home"] {
      try FileManager.default.createDirectory(atPath: "\(project)/\(folder)", withIntermediateDirectories: true)
    }
    try Self.projectFile.write(toFile: "\(project)/omegat.project", atomically: true, encoding: .utf8)
    let source = "\(project)/source/\(document.name).v12.xlf"
    try XLIFF12Writer().render(document, context: ExportFixtures.context(document)).write(toFile: source, atomically: true, encoding: .utf8)
    let targets = Dictionary(uniqueKeysWithValues: document.segments.map { ($0.id, "EN " + $0.text) })
    try TMXWriter().render(document, context: ExportFixtures.context(document, targets: targets)).write(toFile: "\(project)/tm/auto/segflow.tmx", atomically: true, encoding: .utf8)

    let timeout = try #require(ExternalTool.find("timeout"))
    let result = try ExternalTool.run(timeout, ["120", "omegat", project, "--mode=console-translate"], environment: ["HOME": "\(project)/home"])
    try #require(result.status == 0, "omegat: \(result.stdout.suffix(2000)) \(result.stderr.suffix(2000))")
    let output = "\(project)/target/\(document.name).v12.xlf"
    let translated = try TranslationFile.read(path: output)
    let filled = translated.records.count { $0.target != nil }
    #expect(translated.records.count == document.segments.count)
    #expect(filled == document.segments.count, "OmegaT filled \(filled) of \(document.segments.count) segments")
    for (record, segment) in zip(translated.records, document.segments) {
      #expect(record.target == targets[segment.id], "\(segment.id)")
    }
  }

  static let projectFile = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <omegat>
      <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <source_dir_excludes/>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>zh</source_lang>
        <target_lang>en</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
      </project>
    </omegat>

    """
}
