import Foundation
import Testing

@testable import SegflowKit

@Suite struct LexiconTests {
  @Test("a word list with a BOM, CRLF, blank lines, duplicates and frequencies")
  func messyList() {
    let lexicon = Lexicon.parseList("\u{FEFF}党建\r\n\r\n工作\r\n党建\n  乡村振兴  \n高质量\t1234\n\n")
    #expect(lexicon.words == ["党建", "工作", "乡村振兴", "高质量"])
    #expect(lexicon.maxLength == 4)
    #expect(lexicon.hasLonger("乡村") && !lexicon.hasLonger("工作"))
    #expect(lexicon.forced.isEmpty, "word-list entries are candidates, not forced")
  }

  @Test("single characters and entries that start or end with CJK punctuation are dropped")
  func junk() {
    let lexicon = Lexicon.parseList("的\n，还\n好。\nC++\n")
    #expect(lexicon.words == ["C++"])
    // One-character entries are remembered apart, as evidence that the character stands alone.
    #expect(lexicon.singles == ["的"])
  }

  @Test("a CSV glossary: first column, quotes, a header; terms are forced")
  func csv() {
    let lexicon = Lexicon.parseCSV("term,translation\r\n乡村振兴,rural revitalization\n\"党建, 工作\",\"Party building\"\n\"说\"\"好\"\"\",x\n\n高质量发展;high-quality development\n")
    #expect(lexicon.words == ["乡村振兴", "党建, 工作", "说\"好\"", "高质量发展"])
    #expect(lexicon.forced == lexicon.words)
    #expect(Lexicon.parseCSV("《人民日报》,People's Daily\n").words == ["《人民日报》"], "glossary terms may hold brackets")
  }

  @Test("TBX terms in every language; no external entities")
  func tbx() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE tbx SYSTEM "TBXcoreStructV03.dtd">
      <tbx type="TBX-Basic" xml:lang="zh" xmlns="urn:iso:std:iso:30042:ed-2">
        <text><body>
          <conceptEntry id="c1">
            <langSec xml:lang="zh"><termSec><term>乡村振兴</term></termSec></langSec>
            <langSec xml:lang="en"><termSec><term>rural revitalization</term></termSec></langSec>
          </conceptEntry>
        </body></text>
      </tbx>
      """
    let lexicon = try Lexicon.parseTBX(Data(text.utf8), file: "terms.tbx")
    #expect(lexicon.words == ["乡村振兴", "rural revitalization"])
    #expect(lexicon.forced.count == 2)
    #expect(throws: LexiconError.self) { try Lexicon.parseTBX(Data("<tbx><term>x".utf8), file: "bad.tbx") }
  }

  @Test("load picks the format by extension and names a missing file")
  func load() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-lexicon-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "乡村振兴,x\n".write(to: folder.appendingPathComponent("g.csv"), atomically: true, encoding: .utf8)
    try "乡村振兴,x\n".write(to: folder.appendingPathComponent("g.txt"), atomically: true, encoding: .utf8)
    #expect(try Lexicon.load(path: folder.appendingPathComponent("g.csv").path).words == ["乡村振兴"])
    #expect(try Lexicon.load(path: folder.appendingPathComponent("g.txt").path).words == ["乡村振兴,x"])
    let error = #expect(throws: LexiconError.self) { try Lexicon.load(path: "/nonexistent/words.txt") }
    #expect(error?.file == "/nonexistent/words.txt")
  }
}
