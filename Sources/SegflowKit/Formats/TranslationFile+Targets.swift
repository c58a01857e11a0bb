extension TranslationFile {
  /// The file's translations keyed by `document`'s segment record ids, for a ``WriterContext``.
  /// Every id must name a segment of the document with the same source text (a TM from
  /// another document or pipeline would attach translations to the wrong sentences).
  public func targets(for document: Document) throws(DocumentError) -> [String: String] {
    let known = Dictionary(document.segments.map { ("\($0.block):\($0.index)", $0) }, uniquingKeysWith: { first, _ in first })
    var targets: [String: String] = [:]
    for record in records {
      guard let key = record.segmentKey, let segment = known["\(key.block):\(key.index)"] else {
        throw DocumentError(path: path, message: "segment id '\(record.id)' does not exist in \(document.path) (\(document.segments.count) segments)", line: record.line)
      }
      if let name = record.documentName, name != document.name {
        throw DocumentError(path: path, message: "segment id '\(record.id)' belongs to the document '\(name)', not '\(document.name)'", line: record.line)
      }
      guard record.source == segment.text else {
        throw DocumentError(path: path, message: "the source of segment '\(record.id)' differs from \(document.path)'s (was the file made with another pipeline?)", line: record.line)
      }
      if let target = record.target { targets[segment.id] = target }
    }
    return targets
  }
}
