import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads SRX 2.0 XML into ``SRXRules`` with Foundation's streaming parser.
///
/// External entities are never resolved and no DTD is loaded: a rule file is data, and must not
/// make Segflow read other files or the network.
final class SRXParser: NSObject, XMLParserDelegate {
  static let namespace = "http://www.lisa.org/srx20"

  private let file: String
  private weak var parser: XMLParser?
  private var failure: SRXError?
  private var sawRoot = false
  private var closedRoot = false
  private var sawHeader = false
  private var segmentSubflows = true
  private var cascade = false
  private var languageRules: [SRXLanguageRule] = []
  private var maps: [SRXLanguageMap] = []
  private var currentRule: SRXRule?
  private var currentLanguage: SRXLanguageRule?
  private var text = ""
  private var collecting = false

  private init(file: String) {
    self.file = file
  }

  static func parse(_ data: Data, file: String) throws(SRXError) -> SRXRules {
    let prepared: [UInt8]
    do {
      prepared = try XMLInput.prepare(Array(data), path: file)
    } catch {
      throw SRXError(file: file, line: error.line, message: error.message + (error.byte.map { " (byte \($0))" } ?? ""))
    }
    let delegate = SRXParser(file: file)
    let parser = XMLParser(data: Data(prepared))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = true
    parser.delegate = delegate
    delegate.parser = parser
    let ok = parser.parse()
    if let failure = delegate.failure { throw failure }
    if !ok {
      let message = parser.parserError.map { "not well-formed XML: \(($0 as NSError).localizedDescription)" } ?? "not well-formed XML"
      throw SRXError(file: file, line: parser.lineNumber, message: message)
    }
    guard delegate.sawRoot else { throw SRXError(file: file, line: 1, message: "not an SRX file: no <srx> root element") }
    // Foundation's parser on Linux accepts a truncated document; the root must close.
    guard delegate.closedRoot else {
      throw SRXError(file: file, line: parser.lineNumber, message: "not well-formed XML: the file ends before </srx>")
    }
    guard delegate.sawHeader else { throw SRXError(file: file, line: 1, message: "not SRX 2.0: no <header>") }
    return SRXRules(file: file, segmentSubflows: delegate.segmentSubflows, cascade: delegate.cascade, languageRules: delegate.languageRules, maps: delegate.maps)
  }

  private func fail(_ message: String) {
    guard failure == nil else { return }
    failure = SRXError(file: file, line: parser?.lineNumber, message: message)
    parser?.abortParsing()
  }

  private func yesNo(_ value: String?, attribute: String, element: String, default fallback: Bool? = nil) -> Bool {
    switch value {
    case "yes": return true
    case "no": return false
    case nil where fallback != nil: return fallback ?? false
    default:
      fail("<\(element)> needs \(attribute)=\"yes\" or \"no\", got \(value.map { "\"\($0)\"" } ?? "nothing")")
      return false
    }
  }

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    guard failure == nil else { return }
    if !sawRoot {
      guard name == "srx" else { return fail("not an SRX file: the root element is <\(name)>, not <srx>") }
      guard attributes["version"] == "2.0" else {
        return fail("not SRX 2.0: <srx version=\"\(attributes["version"] ?? "")\">; only version 2.0 is supported")
      }
      guard namespaceURI == Self.namespace else {
        return fail("not SRX 2.0: the namespace is '\(namespaceURI ?? "")', not '\(Self.namespace)'")
      }
      sawRoot = true
      return
    }
    guard namespaceURI == Self.namespace else { return }
    let line = parser.lineNumber
    switch name {
    case "header":
      sawHeader = true
      segmentSubflows = yesNo(attributes["segmentsubflows"], attribute: "segmentsubflows", element: name)
      cascade = yesNo(attributes["cascade"], attribute: "cascade", element: name)
    case "languagerule":
      guard let ruleName = attributes["languagerulename"] else { return fail("<languagerule> needs a languagerulename") }
      if languageRules.contains(where: { $0.name == ruleName }) { return fail("languagerule '\(ruleName)' is defined twice") }
      currentLanguage = SRXLanguageRule(name: ruleName, rules: [], line: line)
    case "rule":
      guard currentLanguage != nil else { return fail("<rule> outside a <languagerule>") }
      currentRule = SRXRule(isBreak: yesNo(attributes["break"], attribute: "break", element: name, default: true), beforeBreak: "", afterBreak: "", line: line)
    case "beforebreak", "afterbreak":
      guard currentRule != nil else { return fail("<\(name)> outside a <rule>") }
      text = ""
      collecting = true
    case "languagemap":
      guard let pattern = attributes["languagepattern"], let ruleName = attributes["languagerulename"] else {
        return fail("<languagemap> needs languagepattern and languagerulename")
      }
      maps.append(SRXLanguageMap(pattern: pattern, ruleName: ruleName, line: line))
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if collecting { text += string }
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    if collecting { text += String(decoding: CDATABlock, as: UTF8.self) }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    guard failure == nil, namespaceURI == Self.namespace else { return }
    switch name {
    case "beforebreak":
      currentRule?.beforeBreak = text
      collecting = false
    case "afterbreak":
      currentRule?.afterBreak = text
      collecting = false
    case "rule":
      if let rule = currentRule { currentLanguage?.rules.append(rule) }
      currentRule = nil
    case "languagerule":
      if let language = currentLanguage { languageRules.append(language) }
      currentLanguage = nil
    case "srx":
      closedRoot = true
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
    Data()
  }
}
