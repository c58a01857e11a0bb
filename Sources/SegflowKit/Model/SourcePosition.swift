/// A place in an input file: 1-based line, 1-based column in Unicode scalars, and the 0-based
/// byte offset into the file as it was read (before decoding).
public struct SourcePosition: Sendable, Hashable, Codable, Comparable {
  public var line: Int
  public var column: Int
  public var byte: Int

  public init(line: Int, column: Int, byte: Int) {
    self.line = line
    self.column = column
    self.byte = byte
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.byte < b.byte }
}

/// The stretch of an input file a block, segment or token came from: `start` is its first
/// character, `end` is just past its last.
public struct SourceSpan: Sendable, Hashable, Codable {
  public var start: SourcePosition
  public var end: SourcePosition

  public init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }
}
