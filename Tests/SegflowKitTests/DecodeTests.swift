import Foundation
import SegflowICU
import Testing

@testable import SegflowKit

@Suite struct DecodeTests {
  let seed: String

  init() throws {
    seed = try String(contentsOfFile: Fixtures.path("seeds/\(Fixtures.seeds[0])"), encoding: .utf8)
  }

  @Test("the seed re-encoded as GB18030 decodes to the same text")
  func gb18030() throws {
    let bytes = try Charset.encode(seed, to: "GB18030")
    #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture must not be UTF-8")
    let decoded = try TextDecoder().decode(bytes, path: "seed-gb18030.txt")
    #expect(decoded.encoding == "GB18030")
    #expect(decoded.text == seed)
  }

  @Test("the seed as UTF-16LE with a byte-order mark decodes to the same text")
  func utf16WithBOM() throws {
    let bytes: [UInt8] = [0xFF, 0xFE] + (try Charset.encode(seed, to: "UTF-16LE"))
    let decoded = try TextDecoder().decode(bytes, path: "seed-utf16.txt")
    #expect(decoded.encoding == "UTF-16LE")
    #expect(decoded.text == seed)
  }

  @Test("Traditional Chinese from UD GSD re-encoded as Big5 decodes to the same text", .enabled(if: Fixtures.hasSharedData))
  func big5() throws {
    let full = try String(contentsOfFile: Fixtures.sharedData + "/ud_zh/UD_Chinese-GSD/zh_gsd-ud-test.txt", encoding: .utf8)
    // Lines whose every character Big5 has (the corpus has a few that only Unicode has).
    let lines = full.split(separator: "\n").map(String.init).filter { (try? Charset.encode($0, to: "Big5")) != nil }.prefix(40)
    let text = lines.joined(separator: "\n") + "\n"
    #expect(text.unicodeScalars.count > 1000)
    let bytes = try Charset.encode(text, to: "Big5")
    let decoded = try TextDecoder().decode(bytes, path: "gsd-big5.txt")
    #expect(decoded.encoding == "Big5")
    #expect(decoded.text == text)
  }

  @Test("an explicit encoding overrides detection")
  func explicitEncoding() throws {
    let bytes = try Charset.encode("党建引领促发展", to: "GB18030")
    let decoded = try TextDecoder(encoding: "GB18030").decode(bytes, path: "x.txt")
    #expect(decoded.text == "党建引领促发展")
  }

  @Test("byte offsets of GB18030 text map back to the original bytes")
  func offsetMapForLegacyCharsets() throws {
    let text = "湖州联通\n党的基层"
    let bytes = try Charset.encode(text, to: "GB18030")
    let decoded = try TextDecoder(encoding: "GB18030").decode(bytes, path: "x.txt")
    // `党` is the 6th scalar: 4 Han (2 bytes each) + LF = byte 9 in GB18030, byte 13 in UTF-8.
    #expect(decoded.map.originalOffset(13) == 9)
  }

  @Test("invalid UTF-8 in UTF-8 text is an error naming the byte offset")
  func invalidUTF8() {
    var bytes = Array(seed.utf8.prefix(300))
    bytes.insert(0xFF, at: 150)
    #expect(throws: DocumentError(path: "bad.txt", message: "invalid UTF-8", byte: 150)) {
      try TextDecoder().decode(bytes, path: "bad.txt")
    }
  }

  @Test("a stray byte pair in short Latin text is damaged UTF-8, not BOM-less UTF-16")
  func strayBytesAreNotUTF16() {
    // ICU's detector calls these nine bytes UTF-16BE; with no NUL byte they cannot be.
    let bytes: [UInt8] = Array("abc".utf8) + [0xFF, 0xFE] + Array("def\n".utf8)
    #expect(throws: DocumentError(path: "latin.txt", message: "invalid UTF-8", byte: 3)) {
      try TextDecoder().decode(bytes, path: "latin.txt")
    }
  }

  @Test("a NUL byte means not a text file")
  func nulByte() {
    #expect(throws: DocumentError(path: "bin.txt", message: "not a text file: NUL byte", byte: 3)) {
      try TextDecoder().decode([0x61, 0x62, 0x63, 0x00, 0x64], path: "bin.txt")
    }
  }

  @Test("an empty file is an error")
  func emptyFile() {
    #expect(throws: DocumentError(path: "empty.txt", message: "empty file")) {
      try TextDecoder().decode([], path: "empty.txt")
    }
  }

  @Test("UTF-8 with a byte-order mark: offsets count the mark")
  func utf8BOM() throws {
    let decoded = try TextDecoder().decode([0xEF, 0xBB, 0xBF] + Array("文".utf8), path: "bom.txt")
    #expect(decoded.text == "文")
    #expect(decoded.map.originalOffset(0) == 3)
  }

  @Test("lines split at LF, CRLF and CR alike; a form feed starts a page")
  func lineEndings() {
    let lines = LineSplitter.split("一\r\n二\r三\n\u{0C}四\n")
    #expect(lines.map(\.text) == ["一", "二", "三", "四"])
    #expect(lines.map(\.number) == [1, 2, 3, 4])
    #expect(lines.map(\.startsPage) == [false, false, false, true])
    #expect(lines[1].offset == 5)
  }

  @Test("random bytes never crash the decoder", arguments: 0..<200)
  func fuzz(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    let count = Int(generator.next() % 400)
    let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    do {
      let decoded = try TextDecoder().decode(bytes, path: "fuzz.txt")
      #expect(!decoded.text.isEmpty)
    } catch {
      #expect(error.path == "fuzz.txt")
    }
  }
}
