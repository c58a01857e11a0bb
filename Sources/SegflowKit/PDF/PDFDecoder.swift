import Foundation

/// Turns a PDF into the document's lines and a block plan, through poppler's
/// `pdftotext -bbox-layout`, a few pages at a time so memory stays bounded whatever the
/// page count (only one chunk's XHTML and words are held at once).
///
/// The document's `lines` are the visual lines rebuilt from word boxes, page by page in
/// reading order; `text` is their concatenation with `\n`, so segment source spans point at
/// those lines (line/column/byte refer to this text, not to the PDF's bytes).
public struct PDFDecoder: Sendable {
  public var tools: PopplerTools
  /// Pages per `pdftotext` run.
  public var pagesPerChunk: Int
  var analyzer = PageLayoutAnalyzer()
  var planner = LayoutPlanner()

  public init(tools: PopplerTools = PopplerTools(), pagesPerChunk: Int = 16) {
    self.tools = tools
    self.pagesPerChunk = max(1, pagesPerChunk)
  }

  /// True when the bytes start like a PDF (`%PDF-`, possibly after a little junk, as readers allow).
  public static func isPDF(_ bytes: [UInt8]) -> Bool {
    let magic = Array("%PDF-".utf8)
    let window = bytes.prefix(1024)
    guard window.count >= magic.count else { return false }
    for start in 0...(window.count - magic.count) where window[start] == magic[0] {
      if Array(window[start..<start + magic.count]) == magic { return true }
    }
    return false
  }

  /// True when the file at `path` starts like a PDF (reads its first kilobyte only).
  public static func isPDF(fileAt path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 1024)) ?? Data()
    return isPDF(Array(head))
  }

  /// Fills `document.text`, `lines` and `pdfLayout`; warns about pages without text.
  public func decode(_ document: inout Document) throws(DocumentError) {
    let path = document.path
    // A PDF from standard input goes through a temporary file: poppler needs to seek.
    var file = path
    var temporary: URL?
    if path == "-" || !FileManager.default.fileExists(atPath: path) {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-\(UUID().uuidString).pdf")
      guard FileManager.default.createFile(atPath: url.path, contents: Data(document.bytes)) else {
        throw DocumentError(path: path, message: "cannot write a temporary copy of the PDF in \(url.deletingLastPathComponent().path)")
      }
      temporary = url
      file = url.path
    }
    defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }

    _ = try tools.locate("pdftotext", path: path)
    let (pageCount, rotations) = try pages(of: file, path: path)
    var lines: [LayoutLine] = []
    var empty: [Int] = []
    var first = 1
    while first <= pageCount {
      let last = min(pageCount, first + pagesPerChunk - 1)
      let output = try tools.run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", "-f", "\(first)", "-l", "\(last)", file, "-"], path: path)
      if output.status != 0 { throw Self.error(output, tool: "pdftotext", path: path) }
      guard let pages = BBoxXHTMLReader.read(output.stdout, firstPage: first) else {
        throw DocumentError(path: path, message: "unreadable output from pdftotext -bbox-layout for pages \(first)–\(last)")
      }
      for page in pages {
        let pageLines = analyzer.analyze(page.unrotated(rotations[page.number] ?? 0))
        if pageLines.isEmpty { empty.append(page.number) }
        lines += pageLines
      }
      first = last + 1
    }
    if lines.isEmpty {
      throw DocumentError(path: path, message: "no text layer: run OCR first (\(pageCount) page\(pageCount == 1 ? "" : "s"), no text on any)")
    }
    if !empty.isEmpty {
      document.warnings.append("\(path): warning: no text on page\(empty.count == 1 ? "" : "s") \(Self.ranges(empty)) (blank, or an image without a text layer)")
    }
    var text = ""
    var sourceLines: [SourceLine] = []
    var geometry: [PDFLayout.LineGeometry] = []
    sourceLines.reserveCapacity(lines.count)
    for (index, line) in lines.enumerated() {
      let previousPage = index > 0 ? lines[index - 1].page : 0
      sourceLines.append(SourceLine(number: index + 1, text: line.text, offset: text.utf8.count, startsPage: line.page != previousPage && index > 0))
      geometry.append(PDFLayout.LineGeometry(page: line.page, box: line.box, vertical: line.vertical, words: line.words))
      text += line.text
      text += "\n"
    }
    document.text = text
    document.encoding = "PDF"
    document.offsetMap = .identity
    document.lines = sourceLines
    document.pdfLayout = PDFLayout(lines: geometry, blocks: planner.plan(lines), pageCount: pageCount)
  }

  /// The page count and each rotated page's `/Rotate` (clockwise degrees) from `pdfinfo` (one
  /// line per page, a few bytes each), with encryption and damage reported as such.
  func pages(of file: String, path: String) throws(DocumentError) -> (count: Int, rotations: [Int: Int]) {
    let info = try tools.run("pdfinfo", ["-f", "1", "-l", "\(Int32.max)", file], path: path)
    if info.status != 0 { throw Self.error(info, tool: "pdfinfo", path: path) }
    var count: Int?
    var rotations: [Int: Int] = [:]
    for line in String(decoding: info.stdout, as: UTF8.self).split(separator: "\n") {
      if line.hasPrefix("Pages:") {
        count = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
      } else if line.hasPrefix("Page "), line.contains(" rot:") {
        // `Page    1 rot:   90`
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        if fields.count >= 4, let page = Int(fields[1]), let rotation = Int(fields[3]), rotation % 360 != 0 { rotations[page] = rotation }
      }
    }
    guard let count else { throw DocumentError(path: path, message: "corrupt PDF: pdfinfo reports no page count") }
    return (count, rotations)
  }

  /// A clear message for a failed poppler run.
  static func error(_ output: PopplerTools.Output, tool: String, path: String) -> DocumentError {
    let stderr = output.stderr
    if stderr.contains("Incorrect password") || stderr.contains("password") {
      return DocumentError(path: path, message: "encrypted PDF: it needs a password to open; decrypt it first (e.g. qpdf --decrypt --password=… in.pdf out.pdf)")
    }
    if output.status == 3 || stderr.contains("Copying of text from this document is not allowed") {
      return DocumentError(path: path, message: "encrypted PDF: its permissions forbid text extraction")
    }
    let first = stderr.split(separator: "\n").first(where: { !$0.isEmpty }).map(String.init) ?? "exit status \(output.status)"
    return DocumentError(path: path, message: "corrupt PDF: \(tool) cannot read it (\(first))")
  }

  /// `3, 5–7`.
  static func ranges(_ pages: [Int]) -> String {
    var parts: [String] = []
    var index = 0
    while index < pages.count {
      var end = index
      while end + 1 < pages.count, pages[end + 1] == pages[end] + 1 { end += 1 }
      parts.append(end == index ? "\(pages[index])" : "\(pages[index])–\(pages[end])")
      index = end + 1
    }
    return parts.joined(separator: ", ")
  }
}
