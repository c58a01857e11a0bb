/// Reads XLIFF 2.0, 2.1 (core namespace `…:document:2.0`) and 2.2 (`…:document:2.2`): every
/// `<segment>` of every `<unit>` in document order, with the `<ignorable>` white space after it.
///
/// Inline content keeps text and `<cp hex>` characters, and the text inside `<pc>` and `<mrk>`;
/// placeholders and span markers (`<ph>`, `<sc>`, `<ec>`, `<sm>`, `<em>`) carry no text and are
/// dropped.
public enum XLIFF2Reader {
  public static let namespace20 = "urn:oasis:names:tc:xliff:document:2.0"
  public static let namespace22 = "urn:oasis:names:tc:xliff:document:2.2"

  public static func read(_ root: XMLTreeNode, path: String) throws(DocumentError) -> TranslationFile {
    let version = root.attribute("version") ?? ""
    switch (root.namespace, version) {
    case (namespace20, "2.0"), (namespace20, "2.1"), (namespace22, "2.2"): break
    case (namespace20, _), (namespace22, _):
      throw DocumentError(path: path, message: "XLIFF version '\(version)' does not match the namespace \(root.namespace) (2.0 and 2.1 use …:document:2.0, 2.2 uses …:document:2.2)", line: root.line)
    default:
      throw DocumentError(path: path, message: "wrong namespace '\(root.namespace)' for XLIFF \(version): expected \(namespace20) (XLIFF 2.0, 2.1), \(namespace22) (2.2) or urn:oasis:names:tc:xliff:document:1.2", line: root.line)
    }
    var records: [TranslationRecord] = []
    var units: [String: Int] = [:]
    var document: String?
    for file in root.elements("file") {
      if document == nil { document = file.attribute("original") }
      for unit in collectUnits(file) {
        guard let unitID = unit.attribute("id") else {
          throw DocumentError(path: path, message: "a <unit> has no id", line: unit.line)
        }
        if let earlier = units[unitID] {
          throw DocumentError(path: path, message: "duplicate unit id '\(unitID)' (first on line \(earlier))", line: unit.line)
        }
        units[unitID] = unit.line
        var inUnit: [TranslationRecord] = []
        for part in unit.elements {
          switch part.name {
          case "segment":
            guard let id = part.attribute("id") else {
              throw DocumentError(path: path, message: "a <segment> of unit '\(unitID)' has no id; Segflow needs segment ids to merge", line: part.line)
            }
            let source = try part.first("source").map { node throws(DocumentError) in try content(node, path: path) } ?? ""
            let target = try part.first("target").map { node throws(DocumentError) in try content(node, path: path) }
            inUnit.append(TranslationRecord(id: id, unit: unitID, source: source, target: target?.isEmpty == true ? nil : target, line: part.line))
          case "ignorable":
            let text = try part.first("source").map { node throws(DocumentError) in try content(node, path: path) } ?? ""
            if !inUnit.isEmpty { inUnit[inUnit.count - 1].trailing += text }
          default:
            continue
          }
        }
        records += inUnit
      }
    }
    try TranslationFile.checkUnique(records, path: path)
    return TranslationFile(path: path, format: .xliff2, document: document, sourceLanguage: root.attribute("srcLang"), targetLanguage: root.attribute("trgLang"), records: records)
  }

  /// Units of a file or group, groups flattened, in order.
  static func collectUnits(_ node: XMLTreeNode) -> [XMLTreeNode] {
    node.elements.flatMap { child -> [XMLTreeNode] in
      switch child.name {
      case "unit": [child]
      case "group": collectUnits(child)
      default: []
      }
    }
  }

  /// The text of a `<source>` or `<target>`.
  static func content(_ node: XMLTreeNode, path: String) throws(DocumentError) -> String {
    var result = ""
    for child in node.children {
      switch child {
      case .text(let text): result += text
      case .element(let element):
        switch element.name {
        case "cp":
          guard let hex = element.attribute("hex"), let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw DocumentError(path: path, message: "<cp hex=\"\(element.attribute("hex") ?? "")\"> is not a Unicode code point", line: element.line)
          }
          result.unicodeScalars.append(scalar)
        case "pc", "mrk":
          result += try content(element, path: path)
        default:
          continue
        }
      }
    }
    return result
  }
}
