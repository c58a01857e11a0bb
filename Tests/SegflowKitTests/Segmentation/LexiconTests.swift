import Foundation
import Testing

@testable import SegflowKit

@Suite struct LexiconTests {
  @Test("a word list with a BOM, CRLF, blank lines, duplicates and frequencies")
  func messyList() throws {
    let lexicon = try Lexicon.parseList("\u{FEFF}党建\r\n\r\n工作\r\n党建\n  乡村振兴  \n高质量\t1234\n\n")
    #expect(lexicon.words == ["党建", "工作", "乡村振兴", "高质量"])
    #expect(lexicon.maxLength == 4)
    #expect(lexicon.hasLonger("乡村") && !lexicon.hasLonger("工作"))
    #expect(lexicon.forced.isEmpty, "word-list entries are candidates, not forced")
  }

  @Test("single characters and entries that start or end with CJK punctuation are dropped")
  func junk() throws {
    let lexicon = try Lexicon.parseList("的\n，还\n好。\nC++\n")
    #expect(lexicon.words == ["C++"])
    // One-character entries are remembered apart, as evidence that the character stands alone.
    #expect(lexicon.singles == ["的"])
  }

  @Test("a frequency list: word<TAB>count or jieba's word count tag, with BOM, CRLF and blank lines")
  func frequencyList() throws {
    let tabbed = try Lexicon.parseList("\u{FEFF}党建\t30\r\n\r\n工作\t 70 \r\n的\t100\r\n党建\t20\n", file: "f.txt")
    #expect(tabbed.words == ["党建", "工作"])
    #expect(tabbed.frequencies == ["党建": 30, "工作": 70, "的": 100], "a duplicate keeps its larger count; single characters are counted too")
    #expect(tabbed.totalFrequency == 200 && tabbed.minimumFrequency == 20 && tabbed.hasFrequencies)
    let jieba = try Lexicon.parseList("AT&T 3 nz\n一一列举 34 i\n乡村振兴 0.5\n", file: "dict.txt")
    #expect(jieba.frequencies == ["AT&T": 3, "一一列举": 34, "乡村振兴": 0.5])
    #expect(jieba.words == ["AT&T", "一一列举", "乡村振兴"])
    // A plain list stays a plain list: text after a tab is ignored, and no counts.
    let plain = try Lexicon.parseList("New York\n党建\tParty building\n")
    #expect(plain.words == ["New York", "党建"] && !plain.hasFrequencies)
  }

  @Test("lexicons merge: words, one-character entries and counts (the larger count wins)")
  func union() throws {
    var merged = Lexicon()
    merged.formUnion(try Lexicon.parseList("党建\t3\n的\t9\n"))
    #expect(merged.frequencies == ["党建": 3, "的": 9] && merged.singles == ["的"])
    merged.formUnion(try Lexicon.parseList("工作\t5\n党建\t7\n了\t2\n"))
    merged.formUnion(Lexicon.parseCSV("乡村振兴,x\n"))
    #expect(merged.words == ["党建", "工作", "乡村振兴"] && merged.forced == ["乡村振兴"])
    #expect(merged.frequencies == ["党建": 7, "的": 9, "工作": 5, "了": 2] && merged.singles == ["的", "了"])
    #expect(merged.totalFrequency == 23 && merged.minimumFrequency == 2)
  }

  @Test("a bad or missing count in a frequency list is an error naming the file and line")
  func badFrequencies() throws {
    let bad = #expect(throws: LexiconError.self) { try Lexicon.parseList("党建\t30\r\n\r\n工作\t7O\n", file: "f.txt") }
    #expect(bad?.description == "f.txt:3: error: bad frequency '7O': expected a finite number ≥ 0")
    for text in ["党建\t30\n工作\t-5\n", "党建\t30\n工作\tnan\n", "党建\t30\n工作\t1e999\n", "党建 30 n\n工作\n"] {
      let error = #expect(throws: LexiconError.self) { try Lexicon.parseList(text, file: "f.txt") }
      #expect(error?.line == 2, "\(text.debugDescription)")
    }
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
    try "党建\t3\n工作\tmany\n".write(to: folder.appendingPathComponent("f.txt"), atomically: true, encoding: .utf8)
    let badCount = #expect(throws: LexiconError.self) { try Lexicon.load(path: folder.appendingPathComponent("f.txt").path) }
    #expect(badCount?.file == folder.appendingPathComponent("f.txt").path && badCount?.line == 2)
    let error = #expect(throws: LexiconError.self) { try Lexicon.load(path: "/nonexistent/words.txt") }
    #expect(error?.file == "/nonexistent/words.txt")
  }
}
