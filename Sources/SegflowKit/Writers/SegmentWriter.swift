/// Facts a writer needs besides the document.
public struct WriterContext: Sendable {
  public var sourceLanguage: String
  public var targetLanguage: String
  /// Segflow's version, written into files that name their creation tool.
  public var toolVersion: String
  /// Translations by segment record id (`document:block:index`). Empty for a fresh export;
  /// filled when a translated file is turned into a TM or re-exported.
  public var targets: [String: String]

  public init(sourceLanguage: String, targetLanguage: String, toolVersion: String = Segflow.version, targets: [String: String] = [:]) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.toolVersion = toolVersion
    self.targets = targets
  }

  /// The translation of `segment`, if one exists and is not empty.
  public func target(for segment: Segment) -> String? {
    guard let target = targets[segment.id], !target.isEmpty else { return nil }
    return target
  }
}

/// Turns a processed document into one output file.
public protocol SegmentWriter: Sendable {
  /// The name used in pipeline files and `--writers`, e.g. `xliff2`.
  var name: String { get }
  /// Appended to the document name: `NAME.segments.jsonl`, `NAME.xlf`.
  var fileSuffix: String { get }
  /// Layers the writer needs, e.g. `segments`.
  var requires: Set<String> { get }
  func render(_ document: Document, context: WriterContext) throws -> String
}

/// A writer whose file is a header, the segments in order, and a footer, so a large document can
/// be written chunk by chunk without holding all of it (see ``ChunkedProcessor``).
public protocol StreamingSegmentWriter: SegmentWriter {
  /// Everything before the first segment; `document` has the name, path and encoding.
  func header(_ document: Document, context: WriterContext) -> String
  /// The segments of `part`: a whole document, or one chunk whose blocks are numbered from
  /// `part.firstBlockNumber`.
  func body(_ part: Document, context: WriterContext) -> String
  func footer(_ document: Document, context: WriterContext) -> String
}

extension StreamingSegmentWriter {
  public func render(_ document: Document, context: WriterContext) throws -> String {
    header(document, context: context) + body(document, context: context) + footer(document, context: context)
  }
}

/// Segflow's identity in files it writes.
public enum Segflow {
  public static let version = "0.1.0"
  public static let toolName = "Segflow"
}
