/// Renders the batch index, `index.html`: one row per document with its figures, its failure
/// if any, and a link to its review page; columns sort by clicking their header (or by
/// opening `index.html#sort=low-desc`).
public struct ReviewIndexPage: Sendable {
  public init() {}

  /// Column keys, titles and whether they sort as numbers.
  static let columns: [(key: String, title: String, numeric: Bool)] = [
    ("name", "Document", false),
    ("blocks", "Blocks", true),
    ("segments", "Segments", true),
    ("characters", "Characters", true),
    ("decisions", "Decisions", true),
    ("low", "Doubtful (< \(ReviewPage.format(ReviewReport.lowConfidence)))", true),
    ("status", "Status", false),
  ]

  public func render(_ entries: [ReviewIndexEntry], title: String = "Segflow review") -> String {
    let failed = entries.count { $0.error != nil }
    let doubtful = entries.reduce(0) { $0 + $1.lowConfidence }
    var out = "<!DOCTYPE html>\n"
    out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    out += "<meta name=\"generator\" content=\"\(Segflow.toolName) \(Segflow.version)\"/>\n"
    out += "<title>\(HTMLText.content(title))</title>\n"
    out += "<style>/*<![CDATA[*/\n\(ReviewAssets.indexStyle)/*]]>*/</style>\n</head>\n<body>\n"
    out += "<h1>\(HTMLText.content(title))</h1>\n"
    out += "<p class=\"facts\">\(entries.count) document\(entries.count == 1 ? "" : "s") · \(failed) failed · \(doubtful) doubtful decisions · click a column header to sort</p>\n"
    out += "<table id=\"documents\">\n<thead><tr>"
    for column in Self.columns {
      out += "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-key=\"\(column.key)\" data-type=\"\(column.numeric ? "num" : "text")\">\(HTMLText.content(column.title))</button></th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for entry in entries {
      out += row(entry)
    }
    out += "</tbody>\n</table>\n"
    out += "<script>//<![CDATA[\n\(ReviewAssets.indexScript)//]]></script>\n</body>\n</html>\n"
    return out
  }

  func row(_ entry: ReviewIndexEntry) -> String {
    var out = "<tr class=\"\(entry.error == nil ? "ok" : "failed")\">"
    let name = HTMLText.content(entry.name)
    if let page = entry.page {
      out += "<td data-v=\"\(HTMLText.attribute(entry.name))\"><a href=\"\(HTMLText.href(path: page))\">\(name)</a></td>"
    } else {
      out += "<td data-v=\"\(HTMLText.attribute(entry.name))\">\(name)</td>"
    }
    if entry.error == nil {
      for value in [entry.blocks, entry.segments, entry.characters, entry.decisions] {
        out += "<td class=\"n\" data-v=\"\(value)\">\(value)</td>"
      }
      out += "<td class=\"n\(entry.lowConfidence > 0 ? " low-some" : "")\" data-v=\"\(entry.lowConfidence)\">\(entry.lowConfidence)</td>"
      let warnings = entry.warnings == 0 ? "" : ", \(entry.warnings) warning\(entry.warnings == 1 ? "" : "s")"
      out += "<td class=\"status\" data-v=\"ok\(warnings)\">ok\(warnings)</td>"
    } else {
      // Failed documents sort below every real figure.
      for _ in 0..<5 { out += "<td class=\"n\" data-v=\"-1\">—</td>" }
      out += "<td class=\"status error\" data-v=\"failed\">failed: \(HTMLText.content(entry.error ?? ""))</td>"
    }
    out += "</tr>\n"
    return out
  }
}
