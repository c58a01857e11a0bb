/// One segment read back from a translation file: its id, source and translation.
public struct TranslationRecord: Sendable, Hashable {
  /// The id as the file has it: `3:1` in XLIFF, `document:3:1` in PO and TMX.
  public var id: String
  /// The XLIFF unit (`<unit>`, `<trans-unit>`) the segment belongs to; nil for PO and TMX.
  public var unit: String?
  public var source: String
  /// nil when the file has no translation (missing, empty, or a fuzzy PO entry).
  public var target: String?
  /// White space after the segment inside its unit (`<ignorable>`, text between `<mrk>`s).
  public var trailing: String
  /// 1-based line of the segment in the file, for messages.
  public var line: Int

  public init(id: String, unit: String? = nil, source: String, target: String? = nil, trailing: String = "", line: Int) {
    self.id = id
    self.unit = unit
    self.source = source
    self.target = target
    self.trailing = trailing
    self.line = line
  }

  /// `block:index` from either id form (`3:1`, `document:3:1`), or nil if the id is not one
  /// Segflow wrote.
  public var segmentKey: (block: Int, index: Int)? {
    let parts = id.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 2, let block = Int(parts[parts.count - 2]), let index = Int(parts[parts.count - 1]), block > 0, index > 0 else { return nil }
    return (block, index)
  }

  /// The document part of a `document:block:index` id, if there is one.
  public var documentName: String? {
    let parts = id.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return nil }
    return parts.dropLast(2).joined(separator: ":")
  }
}
