import Foundation

/// Reads gettext PO: one record per entry with `msgctxt` as the id (Segflow writes the segment
/// record id there), `msgid` as the source and `msgstr` (or `msgstr[0]`) as the target. Fuzzy
/// entries count as untranslated, as gettext treats them; obsolete (`#~`) entries and the header
/// are skipped. Segflow's `#. trailing "…"` comment restores the white space after a segment.
public enum POReader {
  public static func read(_ bytes: [UInt8], path: String) throws(DocumentError) -> TranslationFile {
    let text = String(decoding: bytes, as: UTF8.self)
    var records: [TranslationRecord] = []
    var entry = Entry()
    var field: Field?
    var project: String?
    var language: String?
    var sourceLanguage: String?

    func finish() throws(DocumentError) {
      defer { entry = Entry(); field = nil }
      guard let id = entry.msgid else {
        if entry.msgctxt != nil || entry.msgstr != nil {
          throw DocumentError(path: path, message: "an entry has no msgid", line: entry.line)
        }
        return
      }
      if id.isEmpty && entry.msgctxt == nil {
        for headerLine in (entry.msgstr ?? "").split(separator: "\n") {
          let parts = headerLine.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
          guard parts.count == 2 else { continue }
          switch parts[0] {
          case "Project-Id-Version": project = parts[1]
          case "Language": language = parts[1].replacingOccurrences(of: "_", with: "-")
          case "X-Source-Language": sourceLanguage = parts[1]
          default: break
          }
        }
        return
      }
      guard let context = entry.msgctxt else {
        throw DocumentError(path: path, message: "the entry has no msgctxt; Segflow puts the segment id there", line: entry.line)
      }
      let target = entry.fuzzy ? nil : entry.msgstr
      records.append(TranslationRecord(id: context, source: id, target: target?.isEmpty == true ? nil : target, trailing: entry.trailing, line: entry.line))
    }

    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty {
        try finish()
        continue
      }
      if trimmed.hasPrefix("#~") { continue }
      if trimmed.hasPrefix("#") {
        if entry.msgstr != nil { try finish() }
        if entry.line == 0 { entry.line = lineNumber }
        if trimmed.hasPrefix("#,"), trimmed.contains("fuzzy") { entry.fuzzy = true }
        if trimmed.hasPrefix("#. trailing ") {
          entry.trailing = try unquote(trimmed.dropFirst("#. trailing ".count), path: path, line: lineNumber)
        }
        continue
      }
      if trimmed.hasPrefix("\"") {
        guard let current = field else {
          throw DocumentError(path: path, message: "a string outside msgctxt, msgid or msgstr", line: lineNumber)
        }
        entry.append(try unquote(trimmed, path: path, line: lineNumber), to: current)
        continue
      }
      let keyword = trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "\"" }
      let rest = trimmed.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
      let value = try unquote(rest, path: path, line: lineNumber)
      switch keyword {
      case "msgctxt":
        if entry.msgstr != nil || entry.msgid != nil { try finish() }
        if entry.line == 0 { entry.line = lineNumber }
        entry.msgctxt = value
        field = .msgctxt
      case "msgid":
        if entry.msgstr != nil || entry.msgid != nil { try finish() }
        if entry.line == 0 { entry.line = lineNumber }
        entry.msgid = value
        field = .msgid
      case "msgid_plural":
        field = .ignored
      case "msgstr", "msgstr[0]":
        if entry.line == 0 { entry.line = lineNumber }
        entry.msgstr = value
        field = .msgstr
      default:
        if keyword.hasPrefix("msgstr[") { field = .ignored; continue }
        throw DocumentError(path: path, message: "unknown PO keyword '\(keyword)'", line: lineNumber)
      }
    }
    try finish()
    try TranslationFile.checkUnique(records, path: path)
    return TranslationFile(path: path, format: .po, document: project, sourceLanguage: sourceLanguage, targetLanguage: language, records: records)
  }

  enum Field { case msgctxt, msgid, msgstr, ignored }

  struct Entry {
    var line = 0
    var msgctxt: String?
    var msgid: String?
    var msgstr: String?
    var fuzzy = false
    var trailing = ""

    mutating func append(_ text: String, to field: Field) {
      switch field {
      case .msgctxt: msgctxt = (msgctxt ?? "") + text
      case .msgid: msgid = (msgid ?? "") + text
      case .msgstr: msgstr = (msgstr ?? "") + text
      case .ignored: break
      }
    }
  }

  /// A C-style string literal (`"a\"b\n"`) with trailing blanks allowed.
  static func unquote(_ literal: Substring, path: String, line: Int) throws(DocumentError) -> String {
    let body = literal.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
    let scalars = Array(String(body).unicodeScalars)
    guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else {
      throw DocumentError(path: path, message: "expected a quoted string, found '\(literal)'", line: line)
    }
    var result = ""
    var index = 1
    while index < scalars.count - 1 {
      let scalar = scalars[index]
      if scalar == "\"" {
        throw DocumentError(path: path, message: "an unescaped quote inside a string", line: line)
      }
      guard scalar == "\\" else {
        result.unicodeScalars.append(scalar)
        index += 1
        continue
      }
      index += 1
      guard index < scalars.count - 1 else {
        throw DocumentError(path: path, message: "a string ends with a lone backslash", line: line)
      }
      let escaped = scalars[index]
      switch escaped {
      case "n": result += "\n"
      case "t": result += "\t"
      case "r": result += "\r"
      case "a": result += "\u{07}"
      case "b": result += "\u{08}"
      case "f": result += "\u{0C}"
      case "v": result += "\u{0B}"
      case "\\", "\"", "'", "?": result.unicodeScalars.append(escaped)
      case "0"..."7":
        var value: UInt32 = 0
        var digits = 0
        while digits < 3, index < scalars.count - 1, ("0"..."7").contains(scalars[index]) {
          value = value * 8 + (scalars[index].value - 48)
          index += 1
          digits += 1
        }
        index -= 1
        if let decoded = Unicode.Scalar(value) { result.unicodeScalars.append(decoded) }
      default:
        throw DocumentError(path: path, message: "unknown escape '\\\(escaped)' in a string", line: line)
      }
      index += 1
    }
    return result
  }
}
