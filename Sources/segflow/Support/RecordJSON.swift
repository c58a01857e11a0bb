import SegflowKit

/// Translation records as JSON Lines, keys sorted: `{"id","line","source","sourceLanguage","target","targetLanguage"}`.
enum RecordJSON {
  static func lines(_ file: TranslationFile) -> String {
    file.records.map { record in
      var fields = ["\"id\":\(JSONText.quoted(record.id))", "\"line\":\(record.line)", "\"source\":\(JSONText.quoted(record.source))"]
      if let language = file.sourceLanguage { fields.append("\"sourceLanguage\":\(JSONText.quoted(language))") }
      if let target = record.target { fields.append("\"target\":\(JSONText.quoted(target))") }
      if let language = file.targetLanguage { fields.append("\"targetLanguage\":\(JSONText.quoted(language))") }
      return "{" + fields.joined(separator: ",") + "}\n"
    }.joined()
  }
}
