/// Reads TMX 1.x: one record per `<tu>`, the source from the `<tuv>` in the header's (or the
/// unit's) `srclang`, the target from the first other `<tuv>`. Languages come from `xml:lang`
/// (TMX 1.4) or `lang` (TMX 1.1) and compare ignoring case. Inline `<bpt>`, `<ept>`, `<ph>`,
/// `<it>`, `<ut>` hold native code and are dropped; `<hi>` and `<sub>` keep their text.
public enum TMXReader {
  public static func read(_ root: XMLTreeNode, path: String) throws(DocumentError) -> TranslationFile {
    let version = root.attribute("version") ?? ""
    guard version.hasPrefix("1.") else {
      throw DocumentError(path: path, message: "TMX version '\(version)' is not 1.x", line: root.line)
    }
    guard let header = root.first("header") else {
      throw DocumentError(path: path, message: "the TMX file has no <header>", line: root.line)
    }
    let headerSource = header.attribute("srclang")
    var records: [TranslationRecord] = []
    var targetLanguage: String?
    for (number, unit) in (root.first("body")?.elements("tu") ?? []).enumerated() {
      let sourceLanguage = unit.attribute("srclang") ?? headerSource
      let variants = unit.elements("tuv")
      guard !variants.isEmpty else { continue }
      let language = { (tuv: XMLTreeNode) in tuv.attributes["xml:lang"] ?? tuv.attributes["lang"] ?? tuv.attribute("lang") ?? "" }
      let sourceVariant: XMLTreeNode
      if let sourceLanguage, sourceLanguage != "*all*" {
        guard let found = variants.first(where: { LanguageTag.same(language($0), sourceLanguage) }) else {
          throw DocumentError(path: path, message: "the <tu> has no <tuv> in its source language '\(sourceLanguage)'", line: unit.line)
        }
        sourceVariant = found
      } else {
        sourceVariant = variants[0]
      }
      let targetVariant = variants.first { $0 !== sourceVariant }
      if let targetVariant, targetLanguage == nil { targetLanguage = language(targetVariant) }
      let id = unit.attribute("tuid") ?? String(number + 1)
      let target = targetVariant?.first("seg").map { content($0) }
      records.append(TranslationRecord(id: id, source: sourceVariant.first("seg").map { content($0) } ?? "", target: target?.isEmpty == true ? nil : target, line: unit.line))
    }
    try TranslationFile.checkUnique(records, path: path)
    let document = header.elements("prop").first { $0.attribute("type") == "x-segflow-document" }?.text
    return TranslationFile(path: path, format: .tmx, document: document, sourceLanguage: headerSource, targetLanguage: targetLanguage, records: records)
  }

  static func content(_ node: XMLTreeNode) -> String {
    var result = ""
    for child in node.children {
      switch child {
      case .text(let text): result += text
      case .element(let element) where element.name == "hi" || element.name == "sub": result += content(element)
      case .element: continue
      }
    }
    return result
  }
}
