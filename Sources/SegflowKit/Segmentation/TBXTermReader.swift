import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the text of every `<term>` element of a TBX file (TBX-Basic, TBX 2019 or TBX v2).
/// External entities are not resolved and no DTD is loaded.
final class TBXTermReader: NSObject, XMLParserDelegate {
  private var lexicon = Lexicon()
  private var inTerm = false
  private var text = ""
  /// Open elements: Foundation's parser on Linux accepts a truncated document.
  private var depth = 0

  static func terms(in data: Data, file: String) throws(LexiconError) -> Lexicon {
    let reader = TBXTermReader()
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    parser.delegate = reader
    guard parser.parse(), reader.depth == 0 else {
      throw LexiconError(file: file, line: parser.lineNumber, message: "not well-formed XML")
    }
    return reader.lexicon
  }

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    depth += 1
    if name == "term" || name.hasSuffix(":term") {
      inTerm = true
      text = ""
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inTerm { text += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    depth -= 1
    if inTerm, name == "term" || name.hasSuffix(":term") {
      lexicon.insert(text, forced: true)
      inTerm = false
    }
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
    Data()
  }
}
