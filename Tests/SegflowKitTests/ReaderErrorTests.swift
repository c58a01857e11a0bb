import Foundation
import SegflowKit
import Testing

/// Bad translated files: each gives a clear error naming the file and line.
@Suite struct ReaderErrorTests {
  static let head = "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"zh\" trgLang=\"en\">\n<file id=\"f1\" original=\"doc\">\n"

  func error(_ text: String, path: String = "bad.xlf") -> DocumentError? {
    do {
      _ = try TranslationFile.parse(Array(text.utf8), path: path)
      return nil
    } catch {
      return error
    }
  }

  @Test func brokenXML() throws {
    let found = try #require(error(Self.head + "<unit id=\"1\"><segment id=\"1:1\"><source>a</source></segment>\n</file></xliff>\n"))
    #expect(found.path == "bad.xlf")
    #expect(found.message.contains("not well-formed"), "\(found)")
    #expect(found.line == 5, "\(found)")
  }

  @Test func wrongNamespace() throws {
    let text = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.1\" version=\"2.1\"><file id=\"f\"/></xliff>"
    let found = try #require(error(text))
    #expect(found.message.contains("wrong namespace"))
    #expect(found.line == 1)
    let mismatch = try #require(error("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.2\"/>"))
    #expect(mismatch.message.contains("does not match"))
  }

  @Test func duplicateIds() throws {
    let text = Self.head + "<unit id=\"1\"><segment id=\"1:1\"><source>a</source></segment>\n<segment id=\"1:1\"><source>b</source></segment></unit>\n</file></xliff>\n"
    let found = try #require(error(text))
    #expect(found.message.contains("duplicate segment id '1:1'"))
    #expect(found.line == 5)
    let units = Self.head + "<unit id=\"1\"><segment id=\"1:1\"><source>a</source></segment></unit>\n<unit id=\"1\"><segment id=\"1:2\"><source>b</source></segment></unit>\n</file></xliff>\n"
    #expect(try #require(error(units)).message.contains("duplicate unit id"))
    let po = "msgctxt \"d:1:1\"\nmsgid \"a\"\nmsgstr \"\"\n\nmsgctxt \"d:1:1\"\nmsgid \"a\"\nmsgstr \"\"\n"
    let poError = try #require(error(po, path: "bad.po"))
    #expect(poError.line == 5 && poError.path == "bad.po")
    let tmx = "<tmx version=\"1.4\"><header srclang=\"zh\"/><body>\n<tu tuid=\"x\"><tuv xml:lang=\"zh\"><seg>a</seg></tuv></tu>\n<tu tuid=\"x\"><tuv xml:lang=\"zh\"><seg>b</seg></tuv></tu></body></tmx>"
    #expect(try #require(error(tmx, path: "bad.tmx")).line == 3)
  }

  @Test func unknownIdsAgainstTheOriginal() throws {
    let document = try Fixtures.process("第一句。第二句。\n", pipeline: Fixtures.defaultPipeline(), name: "doc")
    let text = Self.head + "<unit id=\"1\"><segment id=\"1:1\"><source>第一句。</source><target>One.</target></segment>\n<segment id=\"7:1\"><source>x</source><target>y</target></segment></unit>\n</file></xliff>\n"
    let file = try TranslationFile.parse(Array(text.utf8), path: "t.xlf")
    do {
      _ = try Merger(keepSource: true).merge(file, original: document)
      Issue.record("an unknown id was accepted")
    } catch {
      #expect(error.message.contains("'7:1' does not exist"))
      #expect(error.line == 5)
    }
  }

  @Test func forbiddenCharactersInTargets() throws {
    let reference = Self.head + "<unit id=\"1\"><segment id=\"1:1\"><source>a</source>\n<target>b&#x1;c</target></segment></unit></file></xliff>\n"
    let found = try #require(error(reference))
    #expect(found.message.contains("U+0001"))
    #expect(found.line == 5)
    let literal = Self.head + "<unit id=\"1\"><segment id=\"1:1\"><source>a</source>\n\n<target>b\u{1B}c</target></segment></unit></file></xliff>\n"
    #expect(try #require(error(literal)).line == 6)
    // XLIFF 2's own escape is fine.
    let cp = Self.head + "<unit id=\"1\"><segment id=\"1:1\"><source>a</source><target>b<cp hex=\"0001\"/>c</target></segment></unit></file></xliff>\n"
    #expect(try TranslationFile.parse(Array(cp.utf8), path: "ok.xlf").records.first?.target == "b\u{01}c")
  }

  @Test func externalEntitiesAreNeverResolved() throws {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"zh\"><file id=\"f\"><unit id=\"1\"><segment id=\"1:1\"><source>&secret;</source></segment></unit></file></xliff>\n"
    let found = try #require(error(text, path: "xxe.xlf"))
    #expect(found.line == 2 && found.message.contains("declares an entity"))
    // An external DTD is not loaded: the entity it would define stays undeclared.
    let folder = try ExternalTool.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "<!ENTITY leak \"LEAKED\">\n".write(toFile: folder + "/evil.dtd", atomically: true, encoding: .utf8)
    let dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"file://\(folder)/evil.dtd\">\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"zh\"><file id=\"f\"><unit id=\"1\"><segment id=\"1:1\"><source>a&leak;b</source></segment></unit></file></xliff>\n"
    let refused = try #require(error(dtd, path: "dtd.xlf"))
    #expect(refused.message.contains("undeclared entity"), "\(refused)")
  }

  @Test func badPOStrings() throws {
    let found = try #require(error("msgctxt \"d:1:1\"\nmsgid \"a\\q\"\nmsgstr \"\"\n", path: "bad.po"))
    #expect(found.line == 2 && found.message.contains("unknown escape"))
    let unterminated = try #require(error("msgctxt \"d:1:1\"\nmsgid \"a\nmsgstr \"\"\n", path: "bad.po"))
    #expect(unterminated.line == 2)
  }

  @Test func xliff12TargetWithoutMarkersForManySegments() throws {
    let text = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file original=\"d\" source-language=\"zh\" datatype=\"plaintext\"><body>\n<trans-unit id=\"1\"><source>ab</source><seg-source><mrk mtype=\"seg\" mid=\"1:1\">a</mrk><mrk mtype=\"seg\" mid=\"1:2\">b</mrk></seg-source>\n<target>AB</target></trans-unit></body></file></xliff>"
    let found = try #require(error(text))
    #expect(found.line == 3 && found.message.contains("no <mrk"))
  }
}
