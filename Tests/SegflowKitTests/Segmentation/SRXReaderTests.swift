import Foundation
import Testing

@testable import SegflowKit

/// SRX 2.0 files: what is read, and how bad files are reported.
@Suite struct SRXReaderTests {
  static func srx(_ body: String, version: String = "2.0", namespace: String = "http://www.lisa.org/srx20") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <srx xmlns="\(namespace)" version="\(version)">
      <header segmentsubflows="yes" cascade="yes"/>
      <body>
    \(body)
      </body>
    </srx>
    """
  }

  static let twoLanguages = srx("""
        <languagerules>
          <languagerule languagerulename="Chinese">
            <rule break="no"><beforebreak>！</beforebreak><afterbreak>爸爸</afterbreak></rule>
          </languagerule>
          <languagerule languagerulename="Default">
            <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>
            <rule><beforebreak>&lt;x</beforebreak></rule>
          </languagerule>
        </languagerules>
        <maprules>
          <languagemap languagepattern="zh.*" languagerulename="Chinese"/>
          <languagemap languagepattern=".*" languagerulename="Default"/>
        </maprules>
    """)

  func parse(_ text: String) throws(SRXError) -> SRXRules {
    try SRXRules.parse(Data(text.utf8), file: "rules.srx")
  }

  @Test("reads the header, the ordered rules with their lines, and the language maps")
  func reads() throws {
    let rules = try parse(Self.twoLanguages)
    #expect(rules.cascade && rules.segmentSubflows)
    #expect(rules.languageRules.map(\.name) == ["Chinese", "Default"])
    let defaults = rules.languageRules[1].rules
    #expect(defaults.map(\.isBreak) == [true, true], "break defaults to yes")
    #expect(defaults[0].beforeBreak == ";" && defaults[0].afterBreak == "\\s")
    #expect(defaults[1].beforeBreak == "<x" && defaults[1].afterBreak == "", "entities decoded, a missing afterbreak is empty")
    #expect(defaults[0].line == 10)
    #expect(rules.maps.map(\.ruleName) == ["Chinese", "Default"])
  }

  @Test("cascade yes applies every matching map in order; cascade no only the first")
  func cascade() throws {
    var rules = try parse(Self.twoLanguages)
    #expect(rules.rules(for: "zh-Hans").count == 3)
    #expect(rules.rules(for: "en").count == 2)
    rules.cascade = false
    #expect(rules.rules(for: "zh").count == 1)
    #expect(rules.rules(for: "ZH-Hant").count == 1, "language patterns ignore case")
  }

  @Test("a file that is not XML is reported with the file and line")
  func notXML() {
    let error = #expect(throws: SRXError.self) { try parse("<?xml version=\"1.0\"?>\n<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n<body>\n</srx") }
    #expect(error?.file == "rules.srx")
    #expect(error?.line != nil)
    #expect(error?.description.hasPrefix("rules.srx:") == true)
    #expect(error?.description.contains("not well-formed XML") == true)
  }

  @Test("text that is not XML at all is reported")
  func plainText() {
    let error = #expect(throws: SRXError.self) { try parse("这不是 XML。\n") }
    #expect(error?.file == "rules.srx")
    #expect(error?.line != nil)
  }

  @Test("a file whose root is not <srx> is not SRX")
  func notSRX() {
    let error = #expect(throws: SRXError.self) { try parse("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>") }
    #expect(error?.message.contains("root element is <tmx>") == true)
  }

  @Test("SRX 1.0 and a wrong namespace are refused")
  func notVersion2() {
    let old = #expect(throws: SRXError.self) { try parse(Self.srx("", version: "1.0")) }
    #expect(old?.message.contains("only version 2.0") == true)
    let namespace = #expect(throws: SRXError.self) { try parse(Self.srx("", namespace: "http://www.lisa.org/srx10")) }
    #expect(namespace?.message.contains("namespace") == true)
  }

  @Test("a rule whose regex does not compile names the file, the languagerule, the rule and its line")
  func badRegex() {
    let text = Self.srx("""
        <languagerules>
          <languagerule languagerulename="Broken">
            <rule break="no"><beforebreak>a</beforebreak></rule>
            <rule break="yes"><beforebreak>(unclosed</beforebreak><afterbreak>\\s</afterbreak></rule>
          </languagerule>
        </languagerules>
        <maprules><languagemap languagepattern=".*" languagerulename="Broken"/></maprules>
    """)
    let error = #expect(throws: SRXError.self) { try parse(text) }
    #expect(error?.file == "rules.srx")
    #expect(error?.line == 8)
    #expect(error?.message.contains("rule 2 of languagerule 'Broken'") == true)
    #expect(error?.message.contains("beforebreak") == true)
    #expect(error?.message.contains("U_REGEX") == true, "ICU's error name is kept")
  }

  @Test("a bad languagepattern and a map to an undefined languagerule are errors")
  func badMaps() {
    let pattern = Self.srx("""
        <languagerules><languagerule languagerulename="A"><rule><beforebreak>x</beforebreak></rule></languagerule></languagerules>
        <maprules><languagemap languagepattern="[zh" languagerulename="A"/></maprules>
    """)
    #expect(throws: SRXError.self) { try parse(pattern) }
    let missing = Self.srx("""
        <languagerules><languagerule languagerulename="A"><rule><beforebreak>x</beforebreak></rule></languagerule></languagerules>
        <maprules><languagemap languagepattern=".*" languagerulename="B"/></maprules>
    """)
    let error = #expect(throws: SRXError.self) { try parse(missing) }
    #expect(error?.message.contains("'B'") == true)
  }

  @Test("external entities are never resolved")
  func noExternalEntities() throws {
    let secret = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-srx-secret-\(getpid()).txt")
    try "SECRET".write(to: secret, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: secret) }
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE srx [ <!ENTITY leak SYSTEM "\(secret.absoluteString)"> ]>
      <srx xmlns="http://www.lisa.org/srx20" version="2.0">
        <header segmentsubflows="yes" cascade="no"/>
        <body><languagerules><languagerule languagerulename="A">
          <rule break="no"><beforebreak>x&leak;</beforebreak></rule>
        </languagerule></languagerules><maprules/></body>
      </srx>
      """
    // Either the parser refuses the undefined entity or leaves it empty; it never reads the file.
    if let rules = try? parse(text) {
      #expect(rules.languageRules.first?.rules.first?.beforeBreak.contains("SECRET") == false)
    }
  }

  @Test("a missing file is an error naming it")
  func missingFile() {
    let error = #expect(throws: SRXError.self) { try SRXRules.load(path: "/nonexistent/rules.srx") }
    #expect(error?.file == "/nonexistent/rules.srx")
  }

  @Test("the built-in rules are the shipped pipelines/srx/segflow.srx, parse, and every pattern compiles")
  func builtInMatchesShippedFile() throws {
    let shipped = try String(contentsOfFile: Fixtures.path(DefaultSRX.path), encoding: .utf8)
    #expect(DefaultSRX.xml + "\n" == shipped, "run scripts/embed-srx after editing the rules")
    let rules = try #require(SRXRules.builtIn)
    // `builtIn` skips this at run time; here every pattern of every language is compiled.
    try rules.validate()
    #expect(!rules.rules(for: "zh").isEmpty && !rules.rules(for: "ja").isEmpty && !rules.rules(for: "en").isEmpty)
  }

  @Test("the shipped rules validate against the SRX 2.0 schema", .enabled(if: Fixtures.hasSharedData && FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")))
  func schemaValid() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    process.arguments = ["--nonet", "--noout", "--schema", Fixtures.sharedData + "/schemas/srx-2.0/srx20.xsd", Fixtures.path(DefaultSRX.path)]
    var environment = ProcessInfo.processInfo.environment
    environment["XML_CATALOG_FILES"] = Fixtures.sharedData + "/schemas/catalog.xml"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}
