import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a translation file into ``XMLTreeNode``s with libxml2 (through Foundation's
/// `XMLParser`), never resolving external entities and never loading a DTD: a TMX's
/// `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` is not fetched, and a file that declares entities is
/// refused before parsing.
public enum XMLTreeParser {
  public static func parse(_ bytes: [UInt8], path: String) throws(DocumentError) -> XMLTreeNode {
    let bytes = try XMLInput.prepare(bytes, path: path)
    let parser = XMLParser(data: Data(bytes))
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    let builder = Builder(parser: parser)
    parser.delegate = builder
    let ok = parser.parse()
    if let entity = builder.externalEntity {
      throw DocumentError(path: path, message: "the file declares the external entity '\(entity)'; Segflow never resolves external entities", line: builder.externalEntityLine)
    }
    // Foundation's parser on Linux can return true after an error: trust the error report.
    guard ok, builder.errorCode == nil, parser.parserError == nil, let root = builder.root else {
      let code = builder.errorCode ?? (parser.parserError as NSError?)?.code
      let line = builder.errorLine ?? parser.lineNumber
      throw DocumentError(path: path, message: "not well-formed XML: \(describe(code))", line: line > 0 ? line : nil)
    }
    return root
  }

  /// libxml2's error codes (which Foundation passes on without text) for the usual mistakes.
  static func describe(_ code: Int?) -> String {
    switch code {
    case nil: "the parser gave up"
    case 4?: "the document is empty"
    case 5?: "extra content or an unclosed element at the end of the document"
    case 9?: "an invalid character"
    case 23?: "an '&' that starts no entity or character reference"
    case 26?, 27?: "an undeclared entity (Segflow loads no DTD)"
    case 38?, 39?, 40?, 41?: "a malformed attribute"
    case 65?: "a space is required here"
    case 73?: "'>' expected"
    case 76?: "an end tag does not match its start tag"
    case 77?: "a tag is not finished"
    case let other?: "libxml2 error \(other)"
    }
  }

  /// Builds the tree from the parser's events.
  final class Builder: NSObject, XMLParserDelegate {
    let parser: XMLParser
    var root: XMLTreeNode?
    var stack: [XMLTreeNode] = []
    var errorLine: Int?
    var errorCode: Int?
    var externalEntity: String?
    var externalEntityLine: Int?

    init(parser: XMLParser) { self.parser = parser }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
      let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
      let node = XMLTreeNode(name: local, namespace: namespaceURI ?? "", attributes: attributeDict, line: parser.lineNumber)
      if let parent = stack.last { parent.children.append(.element(node)) } else if root == nil { root = node }
      stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
      _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.children.append(.text(string))
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      stack.last?.children.append(.text(String(decoding: CDATABlock, as: UTF8.self)))
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
      if externalEntity == nil {
        externalEntity = name
        externalEntityLine = parser.lineNumber
      }
      parser.abortParsing()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      if errorLine == nil {
        errorLine = parser.lineNumber
        errorCode = (parseError as NSError).code
      }
    }
  }
}
