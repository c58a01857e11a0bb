import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A review page parsed as XML: proves it is well formed, and gives the tests its elements,
/// ids, links and text without string matching on markup.
final class XHTMLDocument: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
  }

  private(set) var elements: [Element] = []
  /// All character data, in order (what a browser shows, plus script and style text).
  private(set) var text = ""
  /// Character data inside each `<script>`, one entry per script element.
  private(set) var scripts: [String] = []
  private var inScript = false
  private(set) var error: String?

  init(_ html: String) {
    super.init()
    let parser = XMLParser(data: Data(html.utf8))
    parser.delegate = self
    if !parser.parse() {
      error = "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber), column \(parser.columnNumber)"
    }
  }

  var ids: Set<String> { Set(elements.compactMap { $0.attributes["id"] }) }
  func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }
  func elements(withClass name: String) -> [Element] {
    elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(name)) }
  }

  func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
    elements.append(Element(name: elementName, attributes: attributeDict))
    if elementName == "script" {
      inScript = true
      scripts.append("")
    }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
    if elementName == "script" { inScript = false }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text += string
    if inScript { scripts[scripts.count - 1] += string }
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    let string = String(decoding: CDATABlock, as: UTF8.self)
    text += string
    if inScript { scripts[scripts.count - 1] += string }
  }
}
