import Foundation

/// Reads XLIFF 1.2: every `<trans-unit>` (inside `<group>`s too), split into its
/// `<mrk mtype="seg">` segments when it has a `<seg-source>` (the text between markers is the
/// segment's trailing white space), or one segment with the unit's id when it has none. Targets
/// are matched to segments by `mid`; a target identical to its source (the copy a 1.2 file
/// holds before translation) counts as untranslated.
public enum XLIFF12Reader {
  public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

  public static func read(_ root: XMLTreeNode, path: String) throws(DocumentError) -> TranslationFile {
    let version = root.attribute("version") ?? ""
    guard root.namespace == namespace, version == "1.2" else {
      throw DocumentError(path: path, message: "XLIFF 1.x must be version 1.2 in the namespace \(namespace) (found version '\(version)', namespace '\(root.namespace)')", line: root.line)
    }
    var records: [TranslationRecord] = []
    var units: [String: Int] = [:]
    var document: String?
    var source: String?
    var target: String?
    for file in root.elements("file") {
      if document == nil {
        document = file.attribute("original")
        source = file.attribute("source-language")
        target = file.attribute("target-language")
      }
      for body in file.elements("body") {
        for unit in collectUnits(body) {
          guard let unitID = unit.attribute("id") else {
            throw DocumentError(path: path, message: "a <trans-unit> has no id", line: unit.line)
          }
          if let earlier = units[unitID] {
            throw DocumentError(path: path, message: "duplicate trans-unit id '\(unitID)' (first on line \(earlier))", line: unit.line)
          }
          units[unitID] = unit.line
          records += try segments(of: unit, id: unitID, path: path)
        }
      }
    }
    try TranslationFile.checkUnique(records, path: path)
    return TranslationFile(path: path, format: .xliff12, document: document, sourceLanguage: source, targetLanguage: target, records: records)
  }

  static func collectUnits(_ node: XMLTreeNode) -> [XMLTreeNode] {
    node.elements.flatMap { child -> [XMLTreeNode] in
      switch child.name {
      case "trans-unit": [child]
      case "group": collectUnits(child)
      default: []
      }
    }
  }

  static func segments(of unit: XMLTreeNode, id unitID: String, path: String) throws(DocumentError) -> [TranslationRecord] {
    let targetNode = unit.first("target")
    guard let segSource = unit.first("seg-source") else {
      let target = targetNode.map { content($0) }
      return [TranslationRecord(id: unitID, unit: unitID, source: unit.first("source").map { content($0) } ?? "", target: target?.isEmpty == true ? nil : target, line: unit.line)]
    }
    var records: [TranslationRecord] = []
    for child in segSource.children {
      switch child {
      case .element(let element) where element.name == "mrk" && element.attribute("mtype") == "seg":
        guard let mid = element.attribute("mid") else {
          throw DocumentError(path: path, message: "a segment marker of trans-unit '\(unitID)' has no mid", line: element.line)
        }
        records.append(TranslationRecord(id: mid, unit: unitID, source: content(element), line: element.line))
      case .element(let element):
        if let last = records.indices.last { records[last].trailing += content(element) }
      case .text(let text):
        if let last = records.indices.last { records[last].trailing += text }
      }
    }
    guard let targetNode else { return records }
    let marks = targetNode.elements.filter { $0.name == "mrk" && $0.attribute("mtype") == "seg" }
    if marks.isEmpty {
      let text = content(targetNode)
      if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return records }
      guard records.count == 1 else {
        throw DocumentError(path: path, message: "the <target> of trans-unit '\(unitID)' has no <mrk mtype=\"seg\"> markers to match its \(records.count) segments", line: targetNode.line)
      }
      records[0].target = text == records[0].source ? nil : text
      return records
    }
    for mark in marks {
      guard let mid = mark.attribute("mid"), let position = records.firstIndex(where: { $0.id == mid }) else {
        throw DocumentError(path: path, message: "the target of trans-unit '\(unitID)' has a segment '\(mark.attribute("mid") ?? "")' its <seg-source> does not have", line: mark.line)
      }
      // A target that is a copy of its source is the placeholder a 1.2 file carries before
      // translation (Segflow writes one): untranslated.
      let text = content(mark)
      records[position].target = text.isEmpty || text == records[position].source ? nil : text
    }
    return records
  }

  /// Text of an element: `<g>`, `<mrk>` and `<sub>` keep theirs, native-code elements (`<x>`,
  /// `<bx>`, `<ex>`, `<ph>`, `<bpt>`, `<ept>`, `<it>`) are dropped.
  static func content(_ node: XMLTreeNode) -> String {
    var result = ""
    for child in node.children {
      switch child {
      case .text(let text): result += text
      case .element(let element) where ["g", "mrk", "sub"].contains(element.name): result += content(element)
      case .element: continue
      }
    }
    return result
  }
}
