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
  /// ``render(_:context:)`` as UTF-8 bytes, the form files are written in (a writer that builds
  /// bytes returns them without making a string of them first).
  func renderBytes(_ document: Document, context: WriterContext) throws -> [UInt8]
}

extension SegmentWriter {
  public func renderBytes(_ document: Document, context: WriterContext) throws -> [UInt8] {
    Array(try render(document, context: context).utf8)
  }
}

/// A writer whose file is a header, the segments in order, and a footer, so a large document can
/// be written chunk by chunk without holding all of it (see ``ChunkedProcessor``).
public protocol StreamingSegmentWriter: SegmentWriter {
  /// Everything before the first segment; `document` has the name, path and encoding.
  func header(_ document: Document, context: WriterContext) -> String
  /// The segments of `part`: a whole document, or one chunk whose blocks are numbered from
  /// `part.firstBlockNumber`.
  func body(_ part: Document, context: WriterContext) -> String
  /// ``body(_:context:)`` as UTF-8 bytes (see ``SegmentWriter/renderBytes(_:context:)``).
  func bodyBytes(_ part: Document, context: WriterContext) -> [UInt8]
  func footer(_ document: Document, context: WriterContext) -> String
}

extension StreamingSegmentWriter {
  public func render(_ document: Document, context: WriterContext) throws -> String {
    header(document, context: context) + body(document, context: context) + footer(document, context: context)
  }

  public func bodyBytes(_ part: Document, context: WriterContext) -> [UInt8] {
    Array(body(part, context: context).utf8)
  }

  public func renderBytes(_ document: Document, context: WriterContext) throws -> [UInt8] {
    var bytes = Array(header(document, context: context).utf8)
    bytes += bodyBytes(document, context: context)
    bytes += footer(document, context: context).utf8
    return bytes
  }
}

/// Segflow's identity in files it writes.
public enum Segflow {
  public static let version = "0.1.0"
  public static let toolName = "Segflow"
}
