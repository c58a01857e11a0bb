/// What happened to one document of a batch.
public struct DocumentResult: Sendable {
  public var input: InputDocument
  /// nil when the document succeeded.
  public var error: DocumentError?
  public var blocks = 0
  public var segments = 0
  /// Characters of the segments, white space excluded.
  public var characters = 0
  public var bytes = 0
  /// Characters, ICU words and the logographic estimate (see ``TextCounts/method``).
  public var counts = TextCounts()
  /// Output files written.
  public var outputs: [String] = []
  public var warnings: [String] = []
  /// The outputs were current (same input, pipeline and writers): nothing was redone.
  public var skipped = false
  /// Chunks the document was processed in (0: whole, in memory; see ``ChunkedProcessor``).
  public var chunks = 0
  /// Chunk cuts that did not hold once the chunk was repaired (the chunk grew and was repaired
  /// again); a measure of wasted work, not of the outputs.
  public var chunkRetries = 0

  public init(input: InputDocument) {
    self.input = input
  }
}
