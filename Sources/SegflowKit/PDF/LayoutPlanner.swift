import Foundation

/// Groups the visual lines of a whole document into blocks, from geometry alone.
///
/// A new paragraph starts at a first-line indent, after a line that stops short of its column's
/// end, at a change of font size, and at a new band of the page (a lede or title above the
/// columns). A paragraph runs on from the foot of one column (or page) to the head of the next
/// when nothing of that holds. Larger type that does not end a sentence is a heading; running
/// heads and page numbers are headers and footers.
struct LayoutPlanner: Sendable {
  /// A first line set in by at least this many font sizes is indented (a 1 em indent before an
  /// opening bracket set half width shows as 0.5 em).
  var indent = 0.4
  /// A line ending this many font sizes before its column's end is a paragraph's last.
  var shortLine = 1.0
  /// Font sizes differing by more than this ratio belong to different blocks.
  var sizeJump = 1.12
  /// Type this much larger than the body text, when it does not end a sentence, is a heading.
  var headingSize = 1.15

  func plan(_ lines: [LayoutLine]) -> [PDFLayout.PlannedBlock] {
    let bodySize = PageLayoutAnalyzer.weightedMedian(lines.filter { $0.role == .body }.map { ($0.size, $0.text.unicodeScalars.count) })
    var blocks: [PDFLayout.PlannedBlock] = []
    var open: Int?
    var previous: LayoutLine?
    for (index, line) in lines.enumerated() {
      let number = index + 1
      if line.role != .body {
        let kind: BlockKind = line.role == .header ? .header : .footer
        if let last = blocks.last, last.kind == kind, let lastLine = last.lines.last, lastLine == index - 1, lines[lastLine].page == line.page {
          blocks[blocks.count - 1].lines.append(index)
        } else {
          blocks.append(PDFLayout.PlannedBlock(kind: kind, lines: [index], decisions: [
            Decision(.classify, rule: "page-margin", confidence: 0.9, line: number, detail: "\(kind.rawValue): short strip at the page edge, page \(line.page)"),
          ]))
        }
        continue
      }
      if open != nil, let previous, let reason = breakReason(previous, line) {
        blocks.append(PDFLayout.PlannedBlock(kind: .paragraph, lines: [index], decisions: [
          Decision(.split, rule: reason.rule, confidence: reason.confidence, line: number - 1, detail: reason.detail),
        ]))
      } else if let open {
        blocks[open].lines.append(index)
        let detail = previous.map { $0.page != line.page ? "continues on page \(line.page)" : ($0.columnStart != line.columnStart ? "continues in the next column" : "same paragraph") } ?? ""
        blocks[open].decisions.append(Decision(.join, rule: "layout-continue", confidence: 0.9, line: number - 1, detail: detail))
      } else {
        blocks.append(PDFLayout.PlannedBlock(kind: .paragraph, lines: [index], decisions: []))
      }
      if blocks.last?.lines.last == index { open = blocks.count - 1 }
      previous = line
    }
    markRepeatedEdges(&blocks, lines: lines)
    for index in blocks.indices where blocks[index].kind == .paragraph {
      let members = blocks[index].lines.map { lines[$0] }
      let size = PageLayoutAnalyzer.weightedMedian(members.map { ($0.size, $0.text.unicodeScalars.count) })
      let text = members.map(\.text).joined()
      if size >= headingSize * bodySize, text.unicodeScalars.count <= 40, !Self.endsSentence(text) {
        blocks[index].kind = .heading
        blocks[index].decisions.append(Decision(
          .classify, rule: "large-type", confidence: 0.85, line: blocks[index].lines[0] + 1,
          detail: "heading: type \(Int((size / bodySize * 100).rounded()))% of body size, no sentence end"))
      }
    }
    return blocks
  }

  /// A one-line block that opens (or closes) the body of at least three pages with the same text
  /// (digits aside) is a running head (or footer) that stood too far from the page edge for the
  /// position test.
  func markRepeatedEdges(_ blocks: inout [PDFLayout.PlannedBlock], lines: [LayoutLine]) {
    var firstBody: [Int: Int] = [:]
    var lastBody: [Int: Int] = [:]
    for (index, line) in lines.enumerated() where line.role == .body {
      if firstBody[line.page] == nil { firstBody[line.page] = index }
      lastBody[line.page] = index
    }
    func key(_ index: Int) -> String {
      String(String.UnicodeScalarView(lines[index].text.unicodeScalars.map { ScalarClass($0) == .digit ? "#" : $0 }))
    }
    var pages: [String: Set<Int>] = [:]
    for block in blocks where block.lines.count == 1 {
      let index = block.lines[0]
      if firstBody[lines[index].page] == index { pages["top:" + key(index), default: []].insert(lines[index].page) }
      if lastBody[lines[index].page] == index { pages["bottom:" + key(index), default: []].insert(lines[index].page) }
    }
    for position in blocks.indices where blocks[position].lines.count == 1 && blocks[position].kind == .paragraph {
      let index = blocks[position].lines[0]
      let page = lines[index].page
      for (edge, kind) in [("top:", BlockKind.header), ("bottom:", BlockKind.footer)] {
        let isEdge = edge == "top:" ? firstBody[page] == index : lastBody[page] == index
        guard isEdge, let seen = pages[edge + key(index)], seen.count >= 3 else { continue }
        blocks[position].kind = kind
        blocks[position].decisions.append(Decision(
          .classify, rule: "repeated-edge", confidence: 0.8, line: index + 1,
          detail: "\(kind.rawValue): the same line \(edge == "top:" ? "opens" : "closes") \(seen.count) pages"))
        break
      }
    }
  }

  /// Why `line` starts a new block after `previous`, or nil when it continues it.
  func breakReason(_ previous: LayoutLine, _ line: LayoutLine) -> (rule: String, confidence: Double, detail: String)? {
    if previous.page == line.page, previous.band != line.band {
      return ("layout-band", 0.9, "new band of the page (title, lede or columns below)")
    }
    let ratio = max(previous.size, line.size) / max(0.01, min(previous.size, line.size))
    if ratio > sizeJump {
      return ("layout-size", 0.9, "font size changes from \(Int(previous.size.rounded())) to \(Int(line.size.rounded())) pt")
    }
    if line.start - line.columnStart >= indent * line.size {
      return ("layout-indent", 0.95, "first-line indent of \(String(format: "%.1f", (line.start - line.columnStart) / line.size)) em")
    }
    if previous.columnEnd - previous.end >= shortLine * previous.size {
      return ("layout-short-line", 0.85, "previous line ends \(String(format: "%.1f", (previous.columnEnd - previous.end) / previous.size)) em before the column end")
    }
    return nil
  }

  static func endsSentence(_ text: String) -> Bool {
    guard let last = text.unicodeScalars.last(where: { !"”’」』）)".unicodeScalars.contains($0) }) else { return false }
    return "。！？.!?…；".unicodeScalars.contains(last)
  }
}
