/// Rebuilds the target document from a translated file: one block per line in source order (the
/// layout `segflow reflow` prints), each translated segment in place of its source segment,
/// joined with the white space that followed it.
///
/// With the original document (processed by the same pipeline), the blocks come from it: every
/// id in the file must name one of its segments with the same source text, and blocks with no
/// segments are kept as they are. Without it, the blocks are the file's units (XLIFF) or the
/// block numbers in its ids (PO, TMX).
public struct Merger: Sendable {
  /// What a merge produced.
  public struct Result: Sendable {
    /// The target document, one block per line.
    public var text: String
    public var segments: Int
    /// Ids of segments left without translation (kept in the source language).
    public var untranslated: [String]
  }

  public var keepSource: Bool

  public init(keepSource: Bool) {
    self.keepSource = keepSource
  }

  public func merge(_ file: TranslationFile, original: Document? = nil) throws(DocumentError) -> Result {
    let result: Result
    if let original { result = try mergeWithOriginal(file, original) } else { result = try mergeByStructure(file) }
    if !result.untranslated.isEmpty && !keepSource {
      let shown = result.untranslated.prefix(10).joined(separator: ", ") + (result.untranslated.count > 10 ? ", …" : "")
      throw DocumentError(path: file.path, message: "\(result.untranslated.count) of \(result.segments) segments have no translation (\(shown)); translate them or pass --keep-source to keep them in the source language")
    }
    return result
  }

  func mergeByStructure(_ file: TranslationFile) throws(DocumentError) -> Result {
    var lines: [String] = []
    var untranslated: [String] = []
    var currentUnit: String?
    var line = ""
    for (position, record) in file.records.enumerated() {
      let unit: String
      if let recordUnit = record.unit {
        unit = recordUnit
      } else if let key = record.segmentKey {
        unit = String(key.block)
      } else {
        throw DocumentError(path: file.path, message: "segment id '\(record.id)' is not a Segflow id (document:block:index), so its block is unknown; pass --original", line: record.line)
      }
      if position > 0 && unit != currentUnit {
        lines.append(line)
        line = ""
      }
      currentUnit = unit
      if record.target == nil { untranslated.append(record.id) }
      line += (record.target ?? record.source) + record.trailing
    }
    if !file.records.isEmpty { lines.append(line) }
    return Result(text: lines.map { Self.oneLine($0) + "\n" }.joined(), segments: file.records.count, untranslated: untranslated)
  }

  func mergeWithOriginal(_ file: TranslationFile, _ document: Document) throws(DocumentError) -> Result {
    let targets = try file.targets(for: document)
    var output = ""
    var untranslated: [String] = []
    var segmentsByBlock: [Int: [Segment]] = [:]
    for segment in document.segments { segmentsByBlock[segment.block, default: []].append(segment) }
    for (offset, block) in document.blocks.enumerated() {
      guard let segments = segmentsByBlock[offset + 1], !segments.isEmpty else {
        output += Self.oneLine(block.text) + "\n"
        continue
      }
      var line = ""
      for segment in segments {
        if let target = targets[segment.id] {
          line += target
        } else {
          untranslated.append(file.format == .po || file.format == .tmx ? segment.id : "\(segment.block):\(segment.index)")
          line += segment.text
        }
        line += segment.trailing
      }
      output += Self.oneLine(line) + "\n"
    }
    return Result(text: output, segments: document.segments.count, untranslated: untranslated)
  }

  /// A block on one line: a line break inside a translation would split the block.
  static func oneLine(_ text: String) -> String {
    guard text.contains(where: \.isNewline) else { return text }
    return String(text.map { $0.isNewline ? " " : $0 })
  }
}
