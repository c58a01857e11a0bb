/// Facts a writer needs besides the document.
public struct WriterContext: Sendable {
  public var sourceLanguage: String
  public var targetLanguage: String
  /// Segflow's version, written into files that name their creation tool.
  public var toolVersion: String

  public init(sourceLanguage: String, targetLanguage: String, toolVersion: String = Segflow.version) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.toolVersion = toolVersion
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

/// Segflow's identity in files it writes.
public enum Segflow {
  public static let version = "0.1.0"
  public static let toolName = "Segflow"
}
