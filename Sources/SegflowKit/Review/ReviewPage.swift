/// Renders one document's review page: a static, self-contained HTML file (inline CSS and
/// script, no fonts or other files, works offline) that puts the source lines as extracted next
/// to the repaired blocks and their sentences, aligned by source line, with every decision
/// marked where it applies.
///
/// The page is XHTML-compatible HTML5 (every element closed, every attribute quoted, script and
/// style in CDATA sections), so an XML parser can check it. Everything taken from the document
/// goes through ``HTMLText``.
public struct ReviewPage: Sendable {
  /// A relative link from the page to the batch index (`index.html`, `../index.html`); nil for none.
  public var indexLink: String?

  public init(indexLink: String? = nil) {
    self.indexLink = indexLink
  }

  public func render(_ document: Document) -> String {
    let report = ReviewReport(document: document)
    var out = "<!DOCTYPE html>\n"
    out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    out += "<meta name=\"generator\" content=\"\(Segflow.toolName) \(Segflow.version)\"/>\n"
    out += "<title>Review · \(HTMLText.content(document.name))</title>\n"
    out += "<style>/*<![CDATA[*/\n\(ReviewAssets.pageStyle)/*]]>*/</style>\n</head>\n<body>\n"
    out += header(document, report: report)
    out += alignment(document, report: report)
    out += "<script>//<![CDATA[\n\(ReviewAssets.pageScript)//]]></script>\n</body>\n</html>\n"
    return out
  }

  // MARK: - Header

  func header(_ document: Document, report: ReviewReport) -> String {
    var out = "<header class=\"top\">\n"
    if let indexLink { out += "<p class=\"nav\"><a href=\"\(HTMLText.attribute(indexLink))\">← all documents</a></p>\n" }
    out += "<h1>Review: <span class=\"name\">\(HTMLText.content(document.name))</span></h1>\n"
    let characters = Self.characters(document)
    var facts = [
      "\(HTMLText.content(document.path))",
      "\(document.lines.count) lines",
      "\(document.blocks.count) blocks",
      "\(document.segments.count) segments",
      "\(characters) characters",
      "\(report.items.count) decisions",
    ]
    if let encoding = document.encoding { facts.insert(HTMLText.content(encoding), at: 1) }
    facts.insert("language \(HTMLText.content(document.language))", at: 1)
    out += "<p class=\"facts\">" + facts.joined(separator: " · ") + "</p>\n"
    if !document.warnings.isEmpty {
      out += "<section class=\"warnings\"><h2>Warnings: \(document.warnings.count)</h2><ul>"
      for warning in document.warnings { out += "<li>\(HTMLText.content(warning))</li>" }
      out += "</ul></section>\n"
    }
    let low = report.lowConfidenceItems
    out += "<section class=\"doubts\" aria-labelledby=\"doubts-title\">\n"
    out += "<h2 id=\"doubts-title\">Doubtful decisions (confidence below \(Self.format(ReviewReport.lowConfidence))): \(low.count)</h2>\n"
    if low.isEmpty {
      out += "<p>None: every decision has a confidence of \(Self.format(ReviewReport.lowConfidence)) or more.</p>\n"
    } else {
      out += "<ol id=\"doubt-list\">\n"
      for item in low {
        let decision = item.decision
        out += "<li><a href=\"#\(item.anchor)\">line \(decision.line) · \(Self.symbol(decision.action)) \(Self.label(item)) · \(HTMLText.content(decision.rule)) · \(Self.format(decision.confidence))</a> <span class=\"detail\">\(HTMLText.content(decision.detail))</span></li>\n"
      }
      out += "</ol>\n"
    }
    out += "<p id=\"pos\" class=\"keys\" aria-live=\"polite\"><kbd>n</kbd>/<kbd>j</kbd> next doubtful decision · <kbd>p</kbd>/<kbd>k</kbd> previous · <kbd>Tab</kbd> every decision · hover or focus a decision for its rule, confidence and reason</p>\n"
    out += "</section>\n"
    out += "<div class=\"controls\"><label><input type=\"checkbox\" id=\"only-low\"/> only doubtful decisions</label> <label><input type=\"checkbox\" id=\"show-joins\" checked=\"checked\"/> line joins in the text (⌒)</label></div>\n"
    out += legend()
    out += "</header>\n"
    return out
  }

  func legend() -> String {
    var out = "<details class=\"legend\"><summary>Legend</summary><ul>\n"
    out += "<li><span class=\"dec join hi\"><span class=\"sym\">⌒</span>join</span> two lines joined into one block · <span class=\"dec split hi\"><span class=\"sym\">¶</span>split</span> a new block starts after the line (joins and splits sit on the line before the break) · <span class=\"dec removeSpace hi\"><span class=\"sym\">␣</span>space</span> spaces removed from the line · <span class=\"dec dehyphenate hi\"><span class=\"sym\">‐</span>hyphen</span> line-end hyphen removed · <span class=\"dec classify hi\"><span class=\"sym\">◆</span>heading</span> block kind · <span class=\"dec sentence hi\"><span class=\"sym\">▸</span>2</span> sentence boundary (segment 2 starts)</li>\n"
    out += "<li>Confidence: solid border 0.90 or more · dotted border 0.80–0.89 · <span class=\"dec join low\"><span class=\"sym\">⌒</span>join<span class=\"warn\">?</span></span> dashed border, bold and <b>?</b>: below 0.80</li>\n"
    out += "<li>Source: <span class=\"rm\">·</span> a space reflow removed · <span class=\"drop\">text</span> text in no block · <span class=\"blankmark\">⏎ blank line</span> · <span class=\"pagemark\">⤓ page</span> a form feed · <span class=\"norm\">≈</span> line changed by normalization · <span class=\"cp\">&lt;U+202E&gt;</span> an invisible or control character</li>\n"
    out += "<li>Repaired: <span class=\"seg odd\">sentence</span><span class=\"seg even\">sentence</span> alternate shading per segment · <span class=\"jn\">⌒</span> where two source lines were joined</li>\n"
    out += "</ul></details>\n"
    return out
  }

  // MARK: - Alignment table

  /// A run of source lines and the blocks built from them; blocks whose lines overlap (a byline
  /// cut from the end of a line) share one group.
  struct Group {
    var lines: ClosedRange<Int>
    var blocks: [Int]
  }

  func alignment(_ document: Document, report: ReviewReport) -> String {
    let groups = Self.groups(document.blocks)
    var groupStarting: [Int: Group] = [:]
    var covered = Set<Int>()
    for group in groups {
      groupStarting[group.lines.lowerBound] = group
      for line in group.lines { covered.insert(line) }
    }
    let kept = Self.keptColumns(document)
    let decoded = Array(document.text.utf8)
    let lineNumbers = Set(document.lines.map(\.number))

    // Edge and line decisions go next to their line; kinds go on the block; sentences in the text.
    var byLine: [Int: [ReviewItem]] = [:]
    var byBlock: [Int: [ReviewItem]] = [:]
    for item in report.items {
      switch item.decision.action {
      case .classify, .sentence:
        byBlock[item.block, default: []].append(item)
      case .join, .split, .removeSpace, .dehyphenate:
        if lineNumbers.contains(item.decision.line) {
          byLine[item.decision.line, default: []].append(item)
        } else {
          byBlock[item.block, default: []].append(item)
        }
      }
    }

    var out = "<main>\n<table class=\"align\">\n"
    out += "<colgroup><col class=\"c-ln\"/><col class=\"c-src\"/><col class=\"c-marks\"/><col class=\"c-blk\"/></colgroup>\n"
    out += "<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Source, as extracted</th><th scope=\"col\" title=\"joins and splits sit on the line before the break\">Decisions</th><th scope=\"col\">Repaired blocks and sentences</th></tr></thead>\n<tbody>\n"
    for line in document.lines {
      var classes: [String] = []
      if line.isBlank { classes.append("blank") }
      if line.startsPage { classes.append("page") }
      let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
      out += "<tr id=\"L\(line.number)\"\(classAttribute)><th class=\"ln\" scope=\"row\"><a href=\"#L\(line.number)\">\(line.number)</a></th>"
      let original = Self.originalText(of: line, in: decoded)
      out += "<td class=\"src\" lang=\"\(HTMLText.attribute(document.language))\">\(sourceLine(line, kept: kept[line.number], original: original))</td>"
      out += "<td class=\"marks\">\((byLine[line.number] ?? []).map(chip).joined(separator: " "))</td>"
      if let group = groupStarting[line.number] {
        let span = group.lines.count
        out += "<td class=\"blk\"\(span > 1 ? " rowspan=\"\(span)\"" : "")>"
        for number in group.blocks {
          out += block(document, number: number, report: report, items: byBlock[number] ?? [])
        }
        out += "</td>"
      } else if !covered.contains(line.number) {
        out += "<td class=\"gap\"></td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n</main>\n"
    return out
  }

  /// Groups of consecutive blocks whose source lines overlap, in line order.
  static func groups(_ blocks: [Block]) -> [Group] {
    var ranged: [Group] = []
    var unplaced: [Int] = []
    for (offset, block) in blocks.enumerated() {
      if let lines = block.lines { ranged.append(Group(lines: lines, blocks: [offset + 1])) } else { unplaced.append(offset + 1) }
    }
    ranged.sort { ($0.lines.lowerBound, $0.blocks[0]) < ($1.lines.lowerBound, $1.blocks[0]) }
    var groups: [Group] = []
    for group in ranged {
      if var last = groups.last, group.lines.lowerBound <= last.lines.upperBound {
        last.lines = last.lines.lowerBound...max(last.lines.upperBound, group.lines.upperBound)
        last.blocks.append(contentsOf: group.blocks)
        last.blocks.sort()
        groups[groups.count - 1] = last
      } else {
        groups.append(group)
      }
    }
    // Blocks without pieces (none are expected) are shown with the last group rather than lost.
    if !unplaced.isEmpty, !groups.isEmpty { groups[groups.count - 1].blocks.append(contentsOf: unplaced) }
    return groups
  }

  /// For each source line, which of its scalars some block kept (the others were removed).
  static func keptColumns(_ document: Document) -> [Int: [Bool]] {
    var counts: [Int: Int] = [:]
    for line in document.lines { counts[line.number] = line.text.unicodeScalars.count }
    var kept: [Int: [Bool]] = [:]
    for block in document.blocks {
      let bytes = Array(block.text.utf8)
      for piece in block.pieces {
        guard let count = counts[piece.line] else { continue }
        var flags = kept[piece.line] ?? [Bool](repeating: false, count: count)
        let end = min(bytes.count, piece.textOffset + piece.length)
        let scalars = piece.textOffset < end ? bytes[piece.textOffset..<end].count { $0 & 0xC0 != 0x80 } : 0
        let first = max(0, piece.column - 1)
        for column in first..<min(count, first + scalars) { flags[column] = true }
        kept[piece.line] = flags
      }
    }
    return kept
  }

  /// The line as decoded, before normalization: from its offset in the document text to the
  /// next line terminator (LF, CR, form feed, U+2028, U+2029); nil when it cannot be found.
  static func originalText(of line: SourceLine, in decoded: [UInt8]) -> String? {
    guard line.offset >= 0, line.offset <= decoded.count else { return nil }
    var end = line.offset
    while end < decoded.count {
      let byte = decoded[end]
      if byte == 0x0A || byte == 0x0D || byte == 0x0C { break }
      if byte == 0xE2, end + 2 < decoded.count, decoded[end + 1] == 0x80, decoded[end + 2] == 0xA8 || decoded[end + 2] == 0xA9 { break }
      end += 1
    }
    return String(decoding: decoded[line.offset..<end], as: UTF8.self)
  }

  /// A source line: kept text as is, removed spaces as `·`, removed text struck through; a
  /// focusable `≈` with the text before normalization when normalization changed it.
  func sourceLine(_ line: SourceLine, kept: [Bool]?, original: String? = nil) -> String {
    var out = ""
    if line.startsPage { out += "<span class=\"pagemark\" title=\"a form feed: a new page starts here\">⤓ page</span> " }
    if let original, original != line.text {
      let tip = "normalization changed this line; it was: " + original
      out += "<span class=\"norm\" tabindex=\"0\" title=\"\(HTMLText.attribute(tip))\">≈<span class=\"tip\" role=\"tooltip\">normalization changed this line; it was:<br/>\(HTMLText.content(original))</span></span> "
    } else if !line.isVerbatim {
      out += "<span class=\"norm\" title=\"normalization changed this line; shown after normalization\">≈</span> "
    }
    let scalars = Array(line.text.unicodeScalars)
    var run = String.UnicodeScalarView()
    var runKind = 0  // 0 kept, 1 removed space, 2 removed text
    func flush() {
      guard !run.isEmpty else { return }
      let text = String(run)
      switch runKind {
      case 1:
        out += "<span class=\"rm\" title=\"\(run.count) space\(run.count == 1 ? "" : "s") removed\">" + String(repeating: "·", count: run.count) + "</span>"
      case 2:
        out += "<span class=\"drop\" title=\"in no block\">\(HTMLText.content(text))</span>"
      default:
        out += HTMLText.content(text)
      }
      run = String.UnicodeScalarView()
    }
    for (index, scalar) in scalars.enumerated() {
      let isKept = kept.map { index < $0.count && $0[index] } ?? false
      let kind = isKept ? 0 : (scalar.properties.isWhitespace ? 1 : 2)
      if kind != runKind { flush(); runKind = kind }
      run.append(scalar)
    }
    flush()
    if line.isBlank { out += "<span class=\"blankmark\">⏎ blank line</span>" }
    return out
  }

  // MARK: - Blocks

  func block(_ document: Document, number: Int, report: ReviewReport, items: [ReviewItem]) -> String {
    let block = document.blocks[number - 1]
    let segments = report.segmentsByBlock.indices.contains(number - 1) ? report.segmentsByBlock[number - 1] : []
    var out = "<div class=\"block k-\(block.kind.rawValue)\" id=\"b\(number)\">"
    out += "<div class=\"bh\"><span class=\"bno\">¶\(number)</span> "
    let kinds = items.filter { $0.decision.action == .classify }
    if kinds.isEmpty {
      out += "<span class=\"kind\">\(block.kind.rawValue)</span>"
    } else {
      out += kinds.map(chip).joined(separator: " ")
    }
    for item in items where item.decision.action != .classify && item.decision.action != .sentence {
      out += " " + chip(item)
    }
    if let lines = block.lines {
      out += " <span class=\"meta\">lines \(lines.lowerBound)\(lines.count > 1 ? "–\(lines.upperBound)" : "") · \(segments.count) segment\(segments.count == 1 ? "" : "s")</span>"
    }
    out += "</div>"
    let sentences = Dictionary(items.filter { $0.decision.action == .sentence }.compactMap { item in item.segment.map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
    out += "<div class=\"bt\" lang=\"\(HTMLText.attribute(document.language))\">\(text(block, document: document, segments: segments, sentences: sentences))</div>"
    out += "</div>"
    return out
  }

  /// The block's text, each segment shaded, sentence boundaries and line joins marked.
  func text(_ block: Block, document: Document, segments: [Segment], sentences: [Int: ReviewItem]) -> String {
    let bytes = Array(block.text.utf8)
    // Markup inserted at UTF-8 offsets; at one offset, in `order`: close, join, boundary, open.
    var cuts: [(offset: Int, order: Int, markup: String)] = []
    let joins = Dictionary(block.decisions.filter { $0.action == .join }.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
    for (a, b) in zip(block.pieces, block.pieces.dropFirst()) where b.line != a.line {
      var title = "line \(a.line) joined with line \(b.line)"
      var low = false
      if let decision = joins[a.line] {
        title += ": \(decision.rule), confidence \(Self.format(decision.confidence))"
        low = decision.confidence < ReviewReport.lowConfidence
      }
      cuts.append((b.textOffset, 1, "<span class=\"jn\(low ? " low" : "")\" title=\"\(HTMLText.attribute(title))\" aria-hidden=\"true\">⌒</span>"))
    }
    for segment in segments {
      let parity = segment.index % 2 == 1 ? "odd" : "even"
      if let item = sentences[segment.index] { cuts.append((segment.range.lowerBound, 2, chip(item))) }
      cuts.append((segment.range.lowerBound, 3, "<span class=\"seg \(parity)\" id=\"s\(segment.block)-\(segment.index)\" title=\"\(HTMLText.attribute(segment.id))\">"))
      cuts.append((segment.range.upperBound, 0, "</span>"))
    }
    cuts.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
    var out = ""
    var cursor = 0
    for cut in cuts {
      let offset = min(max(cut.offset, cursor), bytes.count)
      if offset > cursor { out += HTMLText.content(String(decoding: bytes[cursor..<offset], as: UTF8.self)) }
      cursor = offset
      out += cut.markup
    }
    if cursor < bytes.count { out += HTMLText.content(String(decoding: bytes[cursor...], as: UTF8.self)) }
    return out
  }

  // MARK: - Decisions

  /// A focusable decision: shape and label (readable without colour), its confidence band as a
  /// border style, and its rule, confidence and reason on hover and focus.
  func chip(_ item: ReviewItem) -> String {
    let decision = item.decision
    let band = decision.confidence < ReviewReport.lowConfidence ? "low" : (decision.confidence < 0.9 ? "mid" : "hi")
    let confidence = Self.format(decision.confidence)
    let label = Self.label(item)
    let summary = "\(label) · rule \(decision.rule) · confidence \(confidence) · line \(decision.line): \(decision.detail)"
    var out = "<span class=\"dec \(decision.action.rawValue) \(band)\" id=\"\(item.anchor)\" tabindex=\"0\" data-conf=\"\(confidence)\""
    out += " title=\"\(HTMLText.attribute(summary))\" aria-describedby=\"\(item.anchor)-tip\">"
    out += "<span class=\"sym\" aria-hidden=\"true\">\(Self.symbol(decision.action))</span>\(HTMLText.content(label))"
    if decision.action != .sentence { out += "<span class=\"cf\">\(confidence)</span>" }
    if band == "low" { out += "<span class=\"warn\" aria-hidden=\"true\">?</span>" }
    out += "<span class=\"tip\" role=\"tooltip\" id=\"\(item.anchor)-tip\"><b>\(HTMLText.content(decision.rule))</b> · confidence \(confidence) · line \(decision.line)<br/>\(HTMLText.content(decision.detail))</span>"
    out += "</span>"
    return out
  }

  static func symbol(_ action: Decision.Action) -> String {
    switch action {
    case .join: return "⌒"
    case .split: return "¶"
    case .removeSpace: return "␣"
    case .dehyphenate: return "‐"
    case .classify: return "◆"
    case .sentence: return "▸"
    }
  }

  static func label(_ item: ReviewItem) -> String {
    switch item.decision.action {
    case .join: return "join"
    case .split: return "split"
    case .removeSpace: return "space"
    case .dehyphenate: return "hyphen"
    case .classify: return item.kind.rawValue
    case .sentence: return item.segment.map { "\($0)" } ?? "sentence"
    }
  }

  /// `0.95`: two decimals, no Foundation formatting.
  static func format(_ value: Double) -> String {
    let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// Non-space characters of the segments (or of the blocks, without a segment stage).
  static func characters(_ document: Document) -> Int {
    document.segments.isEmpty ? Document.nonSpaceCharacters(in: document.blocks.lazy.map(\.text)) : document.segmentCharacters
  }
}
