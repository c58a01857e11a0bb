import SegflowICU

/// A word of a segment.
public struct Token: Sendable, Hashable, Codable {
  /// The string the text is a part of, and where (UTF-8 offsets): the tokenizer keeps the
  /// segment's text here instead of making a string per word (most of a word's cost). A text
  /// set or given to ``init(text:type:start:end:)`` is all of `storage` (``whole``).
  private var storage: String
  private var storageStart: UInt32
  private var storageEnd: UInt32
  /// What ICU's word rules (or the lexicon layer) say the token is.
  public var type: WordRuleStatus
  /// UTF-8 range in the segment's text.
  public var start: Int
  public var end: Int

  /// `storageEnd` of a text that is all of `storage`.
  private static let whole = UInt32.max

  public var text: String {
    get { storageEnd == Self.whole ? storage : withUTF8 { String(decoding: $0, as: UTF8.self) } }
    set {
      storage = newValue
      storageStart = 0
      storageEnd = Self.whole
    }
  }

  public init(text: String, type: WordRuleStatus, start: Int, end: Int) {
    self.storage = text
    self.storageStart = 0
    self.storageEnd = Self.whole
    self.type = type
    self.start = start
    self.end = end
  }

  /// A token whose text is UTF-8 `lower..<upper` of `text` (on scalar boundaries), kept without
  /// a string of its own.
  init(in text: String, from lower: Int, to upper: Int, type: WordRuleStatus, start: Int, end: Int) {
    if let lower32 = UInt32(exactly: lower), let upper32 = UInt32(exactly: upper), upper32 < Self.whole {
      self.storage = text
      self.storageStart = lower32
      self.storageEnd = upper32
    } else {
      var copy = text
      self.storage = copy.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self) }
      self.storageStart = 0
      self.storageEnd = Self.whole
    }
    self.type = type
    self.start = start
    self.end = end
  }

  /// Calls `body` with the text's UTF-8, read in place.
  func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let whole = storageEnd == Self.whole
    let lower = Int(storageStart)
    let upper = Int(storageEnd)
    let read = { (all: UnsafeBufferPointer<UInt8>) -> R in
      body(whole ? all : UnsafeBufferPointer(rebasing: all[lower..<upper]))
    }
    if let result = storage.utf8.withContiguousStorageIfAvailable(read) { return result }
    var copy = storage
    return copy.withUTF8(read)
  }

  /// The UTF-8 range of the text in `text` when the token's text is a slice of that very string
  /// (the tokenizer's tokens of a segment), nil otherwise: a writer that holds the segment's
  /// bytes reads the word there, without retaining and releasing the token's string.
  func utf8Range(ifSliceOf text: String) -> Range<Int>? {
    guard storageEnd != Self.whole, Self.isSameString(storage, text) else { return nil }
    return Int(storageStart)..<Int(storageEnd)
  }

  /// The two are the same string value: the same bits, so the same storage (or the same small
  /// string) and the same length. (False for equal strings stored apart: callers then read the
  /// token's own string.)
  private static func isSameString(_ a: String, _ b: String) -> Bool {
    guard MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size else { return false }
    return unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
  }

  // MARK: - Equatable, Hashable, Codable: as for a stored `text`

  public static func == (a: Token, b: Token) -> Bool {
    a.text == b.text && a.type == b.type && a.start == b.start && a.end == b.end
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(type)
    hasher.combine(start)
    hasher.combine(end)
  }

  private enum CodingKeys: String, CodingKey {
    case text, type, start, end
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      text: try container.decode(String.self, forKey: .text), type: try container.decode(WordRuleStatus.self, forKey: .type),
      start: try container.decode(Int.self, forKey: .start), end: try container.decode(Int.self, forKey: .end))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(text, forKey: .text)
    try container.encode(type, forKey: .type)
    try container.encode(start, forKey: .start)
    try container.encode(end, forKey: .end)
  }
}
