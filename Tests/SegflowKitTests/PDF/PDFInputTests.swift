import Foundation
import Testing

@testable import SegflowKit

/// PDF input: detection, errors for bad files, page geometry on blocks and segments, vertical
/// pages, chunked extraction. Files are in Tests/Corpus/pdf and Tests/Corpus/pdf-bad.
@Suite(.enabled(if: PDFFixtures.hasPoppler, "needs poppler-utils (scripts/bootstrap)"))
struct PDFInputTests {
  static let bad = Fixtures.path("Tests/Corpus/pdf-bad")

  func decode(_ path: String, bytes: [UInt8]? = nil, decoder: PDFDecoder = PDFDecoder()) throws(DocumentError) -> Document {
    let data = bytes ?? ((try? Data(contentsOf: URL(fileURLWithPath: path))).map { Array($0) } ?? [])
    var document = Document(name: "t", path: path, bytes: data, language: "zh")
    try decoder.decode(&document)
    return document
  }

  /// The error `body` throws, as the user sees it; nil when it throws none.
  func message(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let error as DocumentError {
      return error.description
    } catch {
      return "\(error)"
    }
  }

  @Test("PDF magic is recognised, text is not")
  func magic() {
    #expect(PDFDecoder.isPDF(Array("%PDF-1.7\n".utf8)))
    #expect(PDFDecoder.isPDF(Array("\r\n%PDF-1.4\n".utf8)))
    #expect(!PDFDecoder.isPDF(Array("然而，这样的处理也衍生了一些问题。%PDF".utf8.prefix(10))))
    #expect(!PDFDecoder.isPDF(Array("plain text".utf8)))
  }

  @Test("an encrypted PDF is a clear error naming the file")
  func encrypted() {
    let path = Self.bad + "/encrypted.pdf"
    let text = message { _ = try decode(path) }
    #expect(text?.hasPrefix(path) == true)
    #expect(text?.contains("encrypted PDF") == true, "\(text ?? "no error")")
  }

  @Test("a corrupt PDF and a truncated one are errors, not crashes")
  func corrupt() throws {
    let garbage = message { _ = try decode("garbage.pdf", bytes: Array("%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n".utf8)) }
    #expect(garbage?.contains("corrupt PDF") == true || garbage?.contains("no text layer") == true, "\(garbage ?? "no error")")
    let whole = try Data(contentsOf: URL(fileURLWithPath: PDFFixtures.committed + "/h2col.pdf"))
    let truncated = message { _ = try decode("truncated.pdf", bytes: Array(whole.prefix(2000))) }
    #expect(truncated != nil)
  }

  @Test("a scan without a text layer says to run OCR")
  func scanned() {
    let text = message { _ = try decode(Self.bad + "/scanned.pdf") }
    #expect(text?.contains("no text layer: run OCR first") == true, "\(text ?? "no error")")
  }

  @Test("a page without text is a warning, the rest is read")
  func blankPage() throws {
    let document = try decode(Self.bad + "/blank-page.pdf")
    #expect(document.warnings == [Self.bad + "/blank-page.pdf: warning: no text on page 2 (blank, or an image without a text layer)"])
    #expect(document.lines.map(\.text) == ["然而，这样的处理也衍生了一些问题。"])
  }

  @Test("a page shown rotated (/Rotate 90) reads as the upright page")
  func rotated() throws {
    let upright = try decode(Self.bad + "/blank-page.pdf")
    let turned = try decode(Self.bad + "/rotated.pdf")
    #expect(turned.lines.map(\.text) == upright.lines.map(\.text))
    let a = try #require(upright.pdfLayout?.lines.first?.box)
    let b = try #require(turned.pdfLayout?.lines.first?.box)
    #expect(abs(a.x0 - b.x0) < 0.5 && abs(a.y0 - b.y0) < 0.5 && abs(a.x1 - b.x1) < 0.5 && abs(a.y1 - b.y1) < 0.5)
    // The mapping itself: a box near the top left of an upright 100×200 page, turned 90°
    // clockwise, shows near the top right of the 200×100 display.
    let page = PDFPage(number: 1, width: 100, height: 200, words: [PDFWord(text: "字", box: BoundingBox(x0: 180, y0: 10, x1: 190, y1: 30))])
    #expect(page.unrotated(90).words[0].box == BoundingBox(x0: 10, y0: 10, x1: 30, y1: 20))
    #expect(page.unrotated(0).words[0].box == page.words[0].box)
  }

  @Test("without poppler the error names the Debian package")
  func missingPoppler() {
    let decoder = PDFDecoder(tools: PopplerTools(searchPath: ["/nonexistent"]))
    let text = message { _ = try decode(Self.bad + "/blank-page.pdf", decoder: decoder) }
    #expect(text?.contains("pdftotext not found: install Debian package poppler-utils") == true, "\(text ?? "no error")")
  }

  @Test("a PDF on standard input is read through a temporary copy")
  func standardInput() throws {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.bad + "/blank-page.pdf")))
    let document = try decode("-", bytes: bytes)
    #expect(document.lines.count == 1)
  }

  @Test("every block and segment has its page and a box on it; lines are the visual lines")
  func geometry() throws {
    let pipeline = try Fixtures.defaultPipeline()
    var document = Document(name: "h3col", path: PDFFixtures.committed + "/h3col.pdf", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: PDFFixtures.committed + "/h3col.pdf"))), language: "zh")
    try pipeline.process(&document, context: StageContext())
    #expect(document.text == document.lines.map { $0.text + "\n" }.joined())
    #expect(Set(document.blocks.compactMap(\.page)) == [1, 2, 3, 4])
    for block in document.blocks {
      let box = try #require(block.box)
      #expect(box.x0 >= 0 && box.y0 >= 0 && box.x1 <= 595.3 && box.y1 <= 841.9 && box.x0 < box.x1 && box.y0 < box.y1)
    }
    // Running heads sit above everything else on their page; page numbers below.
    for block in document.blocks where block.kind == .header {
      let others = document.blocks.filter { $0.page == block.page && $0.kind != .header }
      #expect(others.allSatisfy { ($0.box?.y0 ?? 0) > (block.box?.y1 ?? .infinity) })
    }
    #expect(!document.segments.isEmpty)
    for segment in document.segments {
      let geometry = try #require(document.geometry(of: segment))
      let block = document.blocks[segment.block - 1]
      #expect(geometry.page == block.page)
      // The segment's first character stands in the line its span names.
      let line = document.lines[segment.source.start.line - 1]
      #expect(line.text.unicodeScalars.first == segment.text.unicodeScalars.first || segment.source.start.column > 1)
      #expect(Array(line.text.unicodeScalars).dropFirst(segment.source.start.column - 1).first == segment.text.unicodeScalars.first)
    }
    // Segment boxes come from the words a segment covers: inside the block's box, and smaller
    // than its whole lines for a sentence that starts or ends inside a line.
    let layout = try #require(document.pdfLayout)
    var narrower = 0
    for segment in document.segments {
      let box = try #require(document.geometry(of: segment)).box
      let block = try #require(document.blocks[segment.block - 1].box)
      #expect(box.x0 >= block.x0 - 0.01 && box.y0 >= block.y0 - 0.01 && box.x1 <= block.x1 + 0.01 && box.y1 <= block.y1 + 0.01)
      let lines = try #require(layout.geometry(ofLines: (segment.source.start.line - 1)..<segment.source.end.line)).box
      if box != lines { narrower += 1 }
    }
    #expect(narrower > 10)
    let record = JSONLWriter.record(document.segments[0], document: "h3col", geometry: document.geometryParts(of: document.segments[0]))
    // A sentence running on from one column into the next has one box per column.
    let spanning = document.segments.filter { (document.geometryParts(of: $0)?.boxes.count ?? 0) > 1 }
    #expect(!spanning.isEmpty)
    for segment in spanning {
      let boxes = try #require(document.geometryParts(of: segment)).boxes
      for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.x1 <= b.x0) }
    }
    #expect(record.hasPrefix("{\"bbox\":["))
    #expect(record.contains(",\"page\":1,"))
  }

  @Test("text input has no page or box in its records")
  func textHasNoGeometry() throws {
    let document = try Fixtures.process("然而，这样的处理也衍生了一些问题。\n", pipeline: try Fixtures.defaultPipeline())
    #expect(document.geometry(of: document.segments[0]) == nil)
    #expect(!JSONLWriter.record(document.segments[0], document: "t").contains("bbox"))
  }

  @Test("vertical pages: columns right to left, presentation forms mapped back by normalize")
  func vertical() throws {
    let path = PDFFixtures.committed + "/v2tier.pdf"
    let decoded = try decode(path)
    let layout = try #require(decoded.pdfLayout)
    #expect(layout.lines.contains { $0.vertical })
    #expect(decoded.lines.contains { $0.text.unicodeScalars.contains { (0xFE10...0xFE4F).contains($0.value) } })
    // In tier one of page 1, each next body line stands left of the one before.
    let firstPage = layout.lines.indices.filter { layout.lines[$0].page == 1 && layout.lines[$0].vertical }
    let tierOne = firstPage.prefix { layout.lines[$0].box.y0 < layout.lines[firstPage[0]].box.y1 }
    #expect(tierOne.count > 10)
    for (a, b) in zip(tierOne, tierOne.dropFirst()) { #expect(layout.lines[a].box.midX > layout.lines[b].box.midX) }
    let document = try PDFFixtures.blocks(path)
    #expect(document.blocks.allSatisfy { !$0.text.unicodeScalars.contains { (0xFE10...0xFE4F).contains($0.value) } })
    #expect(document.blocks.contains { $0.text.contains("，见于2024年版Sabarmati文献。") })
  }

  @Test("page chunks do not change the result")
  func chunking() throws {
    let path = PDFFixtures.committed + "/h3col.pdf"
    let whole = try decode(path, decoder: PDFDecoder(pagesPerChunk: 100))
    let single = try decode(path, decoder: PDFDecoder(pagesPerChunk: 1))
    #expect(whole.text == single.text)
    #expect(whole.pdfLayout?.blocks == single.pdfLayout?.blocks)
  }
}

/// How words and lines of a PDF are joined.
@Suite struct TextJoinTests {
  @Test("spaces only between Latin words and numbers, never beside CJK or after a hyphen")
  func spaces() {
    #expect(TextJoin.needsSpace(after: "w", before: "Y"))
    #expect(TextJoin.needsSpace(after: "7", before: "a"))
    #expect(!TextJoin.needsSpace(after: "中", before: "A"))
    #expect(!TextJoin.needsSpace(after: "A", before: "，"))
    #expect(!TextJoin.needsSpace(after: "-", before: "0"))
    #expect(!TextJoin.needsSpace(after: "(", before: "a"))
    #expect(!TextJoin.needsSpace(after: "a", before: ")"))
  }

  @Test("numbers set in pieces are not split; ligatures are spelled out; line-end hyphens go unless the document spells the compound")
  func pieces() {
    #expect(TextJoin.continuesNumber("面积38.", "28平方公里"))
    #expect(TextJoin.continuesNumber(".", "28"))
    #expect(!TextJoin.continuesNumber("end.", "Next"))
    #expect(!TextJoin.continuesNumber("word.", "28"))
    #expect(TextJoin.expandLigatures("eﬀect ﬁne") == "effect fine")
    #expect(TextJoin.lineSeparator("price-", "determining") == "")
    var known = Set<String>()
    TextJoin.latinWords("the price-determining factor, Comprehensive", into: &known)
    #expect(known.contains("price-determining") && known.contains("comprehensive"))
    #expect(TextJoin.dropsHyphen("a Compre-", "hensive archive", known: []))
    #expect(!TextJoin.dropsHyphen("the price-", "determining", known: known))
    #expect(TextJoin.dropsHyphen("Compre-", "hensive", known: known))
    #expect(!TextJoin.dropsHyphen("NX-", "01", known: []))
    #expect(!TextJoin.dropsHyphen("中文-", "abc", known: []))
    #expect(TextJoin.lineSeparator("New", "York") == " ")
    #expect(TextJoin.lineSeparator("中文", "English") == "")
  }

  @Test("page lists are compact")
  func ranges() {
    #expect(PDFDecoder.ranges([2]) == "2")
    #expect(PDFDecoder.ranges([3, 5, 6, 7, 9]) == "3, 5–7, 9")
  }
}

/// Block planning from lines alone.
@Suite struct LayoutPlannerTests {
  func line(_ text: String, page: Int, y: Double, start: Double = 50, end: Double = 250, size: Double = 10) -> LayoutLine {
    LayoutLine(
      text: text, words: [], page: page, box: BoundingBox(x0: start, y0: y, x1: end, y1: y + size), size: size, role: .body,
      start: start, end: end, columnStart: 50, columnEnd: 250, band: 0, vertical: false)
  }

  @Test("indents, short lines and size jumps split; a paragraph runs on across a page")
  func splits() {
    let lines = [
      line("标题", page: 1, y: 80, end: 120, size: 16),
      line("一二三四五六七八九十", page: 1, y: 100, start: 70),
      line("一二三四五六七八九十", page: 1, y: 112),
      line("一二三", page: 1, y: 124, end: 90),
      line("一二三四五六七八九十", page: 1, y: 136, start: 70),
      line("一二三四五六七八九十", page: 2, y: 100),
      line("结束。", page: 2, y: 112, end: 90),
    ]
    let blocks = LayoutPlanner().plan(lines)
    #expect(blocks.map(\.lines) == [[0], [1, 2, 3], [4, 5, 6]])
    #expect(blocks.map(\.kind) == [.heading, .paragraph, .paragraph])
  }

  @Test("a line opening three pages with the same text, digits aside, is a running head")
  func repeatedHead() {
    var lines: [LayoutLine] = []
    for page in 1...3 {
      lines.append(line("第\(page)版 要闻", page: page, y: 150, end: 120))
      lines.append(line("一二三四五六七八九十", page: page, y: 170, start: 70))
      lines.append(line("结束。", page: page, y: 182, end: 90))
    }
    let blocks = LayoutPlanner().plan(lines)
    #expect(blocks.map(\.kind) == [.header, .paragraph, .header, .paragraph, .header, .paragraph])
    let twoPages = LayoutPlanner().plan(Array(lines.prefix(6)))
    #expect(twoPages.map(\.kind) == [.paragraph, .paragraph, .paragraph, .paragraph])
  }
}

/// Poppler's XHTML as read, including what a damaged file can put in it.
@Suite struct BBoxXHTMLReaderTests {
  @Test("words with impossible boxes are skipped, control characters dropped, zero-size words and empty pages survive")
  func oddWords() throws {
    let xml = """
      <html><body><doc><page width="100" height="100"><flow><block><line>
      <word xMin="nan" yMin="1" xMax="2" yMax="3">a</word>
      <word xMin="1e300" yMin="1" xMax="1e301" yMax="3">b</word>
      <word xMin="5" yMin="5" xMax="5" yMax="5">c\u{1F}d</word>
      <word xMin="10" yMin="5" xMax="20" yMax="15">&amp;甲</word>
      </line></block></flow></page><page width="0" height="0"></page></doc></body></html>
      """
    let pages = try #require(BBoxXHTMLReader.read(Data(xml.utf8), firstPage: 7))
    #expect(pages.map(\.number) == [7, 8])
    #expect(pages[0].words.map(\.text) == ["cd", "&甲"])
    #expect(pages[1].words.isEmpty)
    let analyzer = PageLayoutAnalyzer()
    #expect(analyzer.analyze(pages[1]).isEmpty)
    #expect(analyzer.analyze(pages[0]).map(\.text).joined().contains("甲"))
    #expect(BBoxXHTMLReader.read(Data("<html><doc><page>".utf8), firstPage: 1) == nil)
  }
}

/// Page analysis on synthetic word boxes.
@Suite struct PageLayoutAnalyzerTests {
  /// A line of `count` ten-point characters from `x` at `y`, as one poppler word per character.
  func row(_ text: String, x: Double, y: Double, size: Double = 10) -> [PDFWord] {
    text.enumerated().map { offset, character in
      PDFWord(text: String(character), box: BoundingBox(x0: x + Double(offset) * size, y0: y, x1: x + Double(offset + 1) * size, y1: y + size))
    }
  }

  @Test("a lede over two of three columns is read first, then the columns left to right")
  func partialLede() {
    var words: [PDFWord] = []
    // Columns 150 pt wide at x = 50, 212, 374 (12 pt gutters); the lede runs over the first two.
    for line in 0..<3 { words += row(String(repeating: "导", count: 26), x: 50, y: 100 + Double(line) * 15, size: 12) }
    for line in 0..<12 {
      let y = 100 + Double(line) * 12
      if y > 150 {
        words += row(String(repeating: "甲", count: 15), x: 50, y: y)
        words += row(String(repeating: "乙", count: 15), x: 212, y: y)
      }
      words += row(String(repeating: "丙", count: 15), x: 374, y: y)
    }
    let lines = PageLayoutAnalyzer().analyze(PDFPage(number: 1, width: 595, height: 842, words: words))
    let order = lines.map { $0.text.first.map(String.init) ?? "" }
    #expect(order == Array(repeating: "导", count: 3) + Array(repeating: "甲", count: 7) + Array(repeating: "乙", count: 7) + Array(repeating: "丙", count: 12))
  }

  @Test("vertical columns are read right to left, tiers top to bottom")
  func verticalTiers() {
    var words: [PDFWord] = []
    // Columns 10 pt wide every 17 pt from the right; tier 1 at y 100–250, tier 2 at y 290–440.
    for (tier, y0) in [(0, 100.0), (1, 290.0)] {
      for column in 0..<6 {
        let x = 500 - Double(column) * 17
        let text = tier == 0 ? "上" : "下"
        words.append(PDFWord(text: String(repeating: text, count: 15), box: BoundingBox(x0: x, y0: y0, x1: x + 10, y1: y0 + 150)))
      }
    }
    let lines = PageLayoutAnalyzer().analyze(PDFPage(number: 1, width: 595, height: 842, words: words))
    #expect(lines.allSatisfy { $0.vertical })
    #expect(lines.map { String($0.text.prefix(1)) } == Array(repeating: "上", count: 6) + Array(repeating: "下", count: 6))
    let xs = lines.prefix(6).map(\.box.x0)
    #expect(xs == xs.sorted(by: >))
  }
}
