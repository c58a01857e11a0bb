/// A document as it moves through the stages: each stage fills in one more layer.
///
/// The original bytes are kept so every layer can be mapped back to byte offsets in the file.
public struct Document: Sendable {
  /// The name used in segment ids and output file names: the input's path relative to the
  /// folder it was found in, without its extension (`000_447990846ac5af44`).
  public var name: String
  /// The path as the user gave it (or `-` for standard input); used in messages.
  public var path: String
  /// The file's bytes as read.
  public var bytes: [UInt8]
  /// The charset the decode stage used, e.g. `UTF-8`, `GB18030`.
  public var encoding: String?
  /// The decoded text (all of it, line terminators included).
  public var text: String = ""
  /// Maps UTF-8 offsets in `text` to byte offsets in `bytes`.
  public var offsetMap: OffsetMap = .identity
  /// BCP 47 source language, e.g. `zh`, `zh-Hant`, `en`.
  public var language: String
  public var lines: [SourceLine] = []
  public var blocks: [Block] = []
  /// Page geometry and the block plan, for PDF input (set by the decode stage); nil for text.
  public var pdfLayout: PDFLayout?
  public var segments: [Segment] = []
  /// The number of the first block in `blocks`: 1, except for the later chunks of a large
  /// document processed piece by piece, whose blocks continue the numbering.
  public var firstBlockNumber = 1
  /// Warnings stages raised about this document.
  public var warnings: [String] = []

  public init(name: String, path: String, bytes: [UInt8], language: String) {
    self.name = name
    self.path = path
    self.bytes = bytes
    self.language = language
  }
}
