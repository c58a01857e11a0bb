import Foundation
import Testing
@testable import SegflowKit

@Suite struct ReviewPageTests {
  static let seed = "seeds/000_447990846ac5af44.txt"

  static func seedDocument() throws -> Document {
    let text = String(decoding: try Fixtures.bytes(seed), as: UTF8.self)
    return try Fixtures.process(text, pipeline: Fixtures.defaultPipeline(), name: "000_447990846ac5af44")
  }

  @Test("the seed's page is well-formed XHTML with a row per source line and an anchor per decision")
  func seedPageStructure() throws {
    let document = try Self.seedDocument()
    let html = ReviewPage().render(document)
    let page = XHTMLDocument(html)
    #expect(page.error == nil, "\(page.error ?? "")")
    let ids = page.ids
    for line in document.lines { #expect(ids.contains("L\(line.number)"), "no row for line \(line.number)") }
    for number in 1...document.blocks.count { #expect(ids.contains("b\(number)")) }
    for segment in document.segments { #expect(ids.contains("s\(segment.block)-\(segment.index)")) }
    let report = ReviewReport(document: document)
    let decisionCount = document.blocks.reduce(0) { $0 + $1.decisions.count }
    #expect(report.items.count == decisionCount + report.count(.sentence))
    for item in report.items {
      #expect(ids.contains(item.anchor), "decision \(item.anchor) has no element")
      #expect(ids.contains(item.anchor + "-tip"), "decision \(item.anchor) has no tooltip")
    }
    // Every decision element can be focused and says its rule and confidence.
    let chips = page.elements(withClass: "dec").filter { $0.attributes["id"] != nil }
    #expect(chips.count == report.items.count)
    for chip in chips {
      #expect(chip.attributes["tabindex"] == "0")
      #expect(chip.attributes["title"]?.contains("rule ") == true)
      #expect(chip.attributes["title"]?.contains("confidence ") == true)
    }
    // One script, ours; no external resources.
    #expect(page.scripts.count == 1)
    for element in page.elements {
      #expect(element.attributes["src"] == nil, "\(element.name) loads \(element.attributes["src"] ?? "")")
      if let href = element.attributes["href"] { #expect(href.hasPrefix("#"), "link leaves the page: \(href)") }
    }
  }

  @Test("the doubtful list links to every decision below 0.80, and to nothing else")
  func doubtfulList() throws {
    let document = try Self.seedDocument()
    let report = ReviewReport(document: document)
    let page = XHTMLDocument(ReviewPage().render(document))
    let listed = page.elements(named: "a").compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("#d") }.map { String($0.dropFirst()) }
    let expected = report.items.filter { $0.decision.confidence < 0.8 }.map(\.anchor)
    #expect(Set(listed) == Set(expected))
    #expect(listed.count == expected.count)
    // Low-confidence elements carry the class the keyboard navigation looks for.
    let low = Set(page.elements(withClass: "low").compactMap { $0.attributes["id"] })
    #expect(low == Set(expected))
  }

  @Test("a synthetic doubtful decision is listed at the top, with its rule and detail")
  func syntheticDoubt() throws {
    var document = try Fixtures.process("党的基层组织是党的全\n部工作和战斗力的基础。\n", pipeline: Fixtures.defaultPipeline())
    document.blocks[0].decisions.append(Decision(.join, rule: "made-up-rule", confidence: 0.42, line: 1, detail: "a weak signal"))
    let report = ReviewReport(document: document)
    #expect(report.lowConfidenceItems.map(\.decision.rule) == ["made-up-rule"])
    document.warnings = ["line 1 looks <odd>"]
    let page = XHTMLDocument(ReviewPage().render(document))
    #expect(page.error == nil)
    #expect(page.text.contains("Warnings: 1"))
    #expect(page.text.contains("line 1 looks <odd>"))
    #expect(page.text.contains("made-up-rule · 0.42"))
    #expect(page.text.contains("a weak signal"))
  }

  @Test("removed justification spaces are shown as markers in the source line")
  func removedSpaces() throws {
    let document = try Fixtures.process("形成党建品牌矩阵\n阵 体 系 的 同 时 ， 提 出\n“1535”党建工作体系建设\n", pipeline: Fixtures.defaultPipeline())
    let kept = ReviewPage.keptColumns(document)
    let line = try #require(kept[2])
    #expect(line.count { !$0 } == 8)
    let html = ReviewPage().sourceLine(document.lines[1], kept: line)
    #expect(html.components(separatedBy: "<span class=\"rm\"").count - 1 == 8)
    let visible = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    #expect(visible == "阵·体·系·的·同·时·，·提·出")
  }

  @Test("a line normalization changed is marked, with its text before normalization")
  func normalizedLine() throws {
    let document = try Fixtures.process("党建︐工作\n品牌\u{200B}建设。\n未变的一行。\n", pipeline: Fixtures.defaultPipeline())
    #expect(document.lines[0].text == "党建，工作")
    let page = XHTMLDocument(ReviewPage().render(document))
    #expect(page.error == nil)
    let marks = page.elements(withClass: "norm").compactMap { $0.attributes["title"] }.filter { $0.contains("it was") }
    #expect(marks == ["normalization changed this line; it was: 党建︐工作", "normalization changed this line; it was: 品牌<U+200B>建设。"])
  }

  @Test("every sentence boundary has a decision with a rule and a confidence")
  func sentenceDecisions() throws {
    let document = try Fixtures.process("他说：好。我们走吧！Dr. Smith came.\n", pipeline: Fixtures.defaultPipeline())
    let report = ReviewReport(document: document)
    let boundaries = report.items.filter { $0.decision.action == .sentence }
    #expect(boundaries.count == document.segments.count - 1)
    for item in boundaries {
      #expect(item.decision.rule == SentenceBoundaryRule.rule)
      #expect((0...1).contains(item.decision.confidence))
    }
    #expect(boundaries.first?.decision.confidence == 0.95)
  }

  @Test("sentence boundary confidence follows the punctuation before it")
  func sentenceConfidence() {
    func confidence(_ before: String) -> Double {
      let span = SourceSpan(start: SourcePosition(line: 1, column: 1, byte: 0), end: SourcePosition(line: 1, column: 2, byte: 1))
      let a = Segment(id: "t:1:1", block: 1, index: 1, kind: .paragraph, text: before, trailing: "", range: 0..<1, source: span)
      let b = Segment(id: "t:1:2", block: 1, index: 2, kind: .paragraph, text: "下一句。", trailing: "", range: 1..<2, source: span)
      return SentenceBoundaryRule.decision(before: a, after: b).confidence
    }
    #expect(confidence("好。") == 0.95)
    #expect(confidence("“好。”") == 0.95)
    #expect(confidence("好。\u{202E}") == 0.95)
    #expect(confidence("Really?") == 0.9)
    #expect(confidence("It works.") == 0.8)
    #expect(confidence("Dr.") == 0.6)
    #expect(confidence("and the U.S.") == 0.6)
    #expect(confidence("能力……") == 0.75)
    #expect(confidence("没有标点") == 0.65)
    #expect(confidence("”") == 0.6)
  }

  @Test("blocks sharing a source line (a byline cut from a line end) share one table cell")
  func overlappingBlocks() {
    func block(_ lines: [Int]) -> Block {
      Block(kind: .paragraph, text: "x", pieces: lines.map { Piece(textOffset: 0, length: 1, line: $0, column: 1, sourceOffset: 0) })
    }
    let groups = ReviewPage.groups([block([1]), block([3, 4, 5]), block([5]), block([7, 8])])
    #expect(groups.map(\.lines) == [1...1, 3...5, 7...8])
    #expect(groups.map(\.blocks) == [[1], [2, 3], [4]])
  }
}
