import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the XHTML of `pdftotext -bbox-layout` into pages of words. Only `<page>` and `<word>`
/// are used: poppler's own lines and blocks run across columns on multi-column pages.
///
/// External entities are off (the file names an external DTD that must never be fetched).
final class BBoxXHTMLReader: NSObject, XMLParserDelegate {
  private var pages: [PDFPage] = []
  private var current: PDFPage?
  private var wordBox: BoundingBox?
  private var wordText = ""
  private let firstPage: Int
  /// Set at `</doc>`: output cut short is refused even when the parser does not notice.
  private var finished = false

  /// `firstPage`: the number of the first page in this output (with `-f N`).
  init(firstPage: Int) {
    self.firstPage = firstPage
  }

  /// The pages in `data`, or nil when it is not well-formed or ends before `</doc>`.
  static func read(_ data: Data, firstPage: Int) -> [PDFPage]? {
    let reader = BBoxXHTMLReader(firstPage: firstPage)
    let parser = XMLParser(data: withoutControlCharacters(data))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    parser.delegate = reader
    guard parser.parse(), reader.finished else { return nil }
    return reader.pages
  }

  /// Poppler copies control characters from fonts' ToUnicode maps into the XHTML, where XML 1.0
  /// forbids them; they are never text. (Bytes below 0x20 never occur inside UTF-8 sequences.)
  static func withoutControlCharacters(_ data: Data) -> Data {
    guard data.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return data }
    return Data(data.filter { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
  }

  func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    switch elementName {
    case "page":
      current = PDFPage(
        number: firstPage + pages.count,
        width: Double(attributes["width"] ?? "") ?? 0, height: Double(attributes["height"] ?? "") ?? 0, words: [])
    case "word":
      wordText = ""
      if let x0 = Double(attributes["xMin"] ?? ""), let y0 = Double(attributes["yMin"] ?? ""),
         let x1 = Double(attributes["xMax"] ?? ""), let y1 = Double(attributes["yMax"] ?? ""),
         [x0, y0, x1, y1].allSatisfy({ $0.isFinite && abs($0) < 1e6 }) {
        wordBox = BoundingBox(x0: x0, y0: y0, x1: x1, y1: y1)
      } else {
        wordBox = nil
      }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if wordBox != nil { wordText += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "word":
      if let box = wordBox {
        let text = wordText.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { current?.words.append(PDFWord(text: text, box: box)) }
      }
      wordBox = nil
    case "page":
      if let page = current { pages.append(page) }
      current = nil
    case "doc":
      finished = true
    default: break
    }
  }
}
