import Foundation

/// A translation file read back: XLIFF 2.x, XLIFF 1.2, PO or TMX, detected by content.
public struct TranslationFile: Sendable {
  public enum Format: String, Sendable {
    case xliff2, xliff12, po, tmx
  }

  public var path: String
  public var format: Format
  /// The document the file was made from (`<file original>`, the PO project), when it says.
  public var document: String?
  public var sourceLanguage: String?
  public var targetLanguage: String?
  public var records: [TranslationRecord]

  public init(path: String, format: Format, document: String? = nil, sourceLanguage: String? = nil, targetLanguage: String? = nil, records: [TranslationRecord]) {
    self.path = path
    self.format = format
    self.document = document
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.records = records
  }

  /// Reads and parses `path`, whatever its format.
  public static func read(path: String) throws(DocumentError) -> TranslationFile {
    let bytes = try DocumentReader.read(InputDocument(path: path, name: path))
    return try parse(bytes, path: path)
  }

  /// Parses a file's bytes: XML goes by its root element and namespace, anything else is PO.
  public static func parse(_ bytes: [UInt8], path: String) throws(DocumentError) -> TranslationFile {
    // UTF-16 and UTF-32 files (TMX from Trados) become UTF-8 first, whatever their format.
    let body = try XMLInput.transcoded(bytes, path: path)[...]
    guard let first = body.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
      throw DocumentError(path: path, message: "the file is empty")
    }
    guard first == UInt8(ascii: "<") else { return try POReader.read(Array(body), path: path) }
    let root = try XMLTreeParser.parse(Array(body), path: path)
    switch root.name {
    case "xliff":
      if root.namespace == XLIFF12Reader.namespace || (root.namespace.isEmpty && (root.attribute("version") ?? "").hasPrefix("1.")) {
        return try XLIFF12Reader.read(root, path: path)
      }
      return try XLIFF2Reader.read(root, path: path)
    case "tmx":
      return try TMXReader.read(root, path: path)
    default:
      throw DocumentError(path: path, message: "the root element is <\(root.name)>: not XLIFF (<xliff>) or TMX (<tmx>)", line: root.line)
    }
  }

  /// Refuses a file whose records repeat an id: the second occurrence is named.
  static func checkUnique(_ records: [TranslationRecord], path: String) throws(DocumentError) {
    var seen: [String: Int] = [:]
    for record in records {
      if let earlier = seen[record.id] {
        throw DocumentError(path: path, message: "duplicate segment id '\(record.id)' (first on line \(earlier))", line: record.line)
      }
      seen[record.id] = record.line
    }
  }
}
