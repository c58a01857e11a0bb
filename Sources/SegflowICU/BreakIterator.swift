internal import CICU

/// An ICU break iterator that works directly on UTF-8, so boundaries are UTF-8 byte offsets.
///
/// Opening an iterator loads rules and dictionaries, so keep one per task and reuse it for many
/// texts. Not thread-safe: one iterator per concurrent task.
public final class BreakIterator {
  /// What the iterator finds boundaries between.
  public enum Kind: Sendable {
    case character, word, line, sentence

    var code: Int32 {
      switch self {
      case .character: Int32(CICU_BREAK_CHARACTER)
      case .word: Int32(CICU_BREAK_WORD)
      case .line: Int32(CICU_BREAK_LINE)
      case .sentence: Int32(CICU_BREAK_SENTENCE)
      }
    }
  }

  public let kind: Kind
  public let locale: String
  private let handle: OpaquePointer

  /// Opens an iterator for `locale`, an ICU locale id such as `zh`, `ja` or `en@ss=standard`
  /// (English with abbreviation suppressions).
  public init(_ kind: Kind, locale: String) throws(ICUError) {
    var status: Int32 = 0
    let opened = CICU_breakOpen(kind.code, locale, &status)
    try ICUError.check(status, "opening the \(kind) break iterator for '\(locale)'")
    guard let opened else { throw ICUError(code: status, operation: "opening the \(kind) break iterator") }
    self.kind = kind
    self.locale = locale
    self.handle = opened
  }

  deinit { CICU_breakClose(handle) }

  /// Calls `body` with each boundary after the start (UTF-8 byte offset, ICU rule status), in
  /// order; the last boundary is `utf8.count`.
  ///
  /// The rule status tells what the text before the boundary is: for word iterators see
  /// ``WordRuleStatus``.
  public func forEachBoundary(
    in utf8: UnsafeBufferPointer<UInt8>,
    _ body: (_ offset: Int, _ ruleStatus: Int32) throws -> Void
  ) throws {
    guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
    var status: Int32 = 0
    base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
      CICU_breakSetUTF8(handle, chars, Int64(utf8.count), &status)
    }
    try ICUError.check(status, "setting the text of a \(kind) break iterator")
    _ = CICU_breakFirst(handle)
    while true {
      let next = CICU_breakNext(handle)
      if next < 0 { break }
      try body(Int(next), CICU_breakRuleStatus(handle))
    }
  }

  /// Writes every boundary after the start of `utf16` (UTF-16 offsets, ascending, the last one
  /// `utf16.count`) into `offsets` and its ICU rule status into `ruleStatuses`; returns how many.
  ///
  /// Both buffers need room for `utf16.count` entries. The same boundaries as
  /// ``forEachBoundary(in:_:)`` over the text's UTF-8, found faster: ICU's rules and dictionary
  /// read UTF-16 in place (a UTF-8 text is decoded character by character through a `UText`, and
  /// copied for the dictionary), and the whole text is done in one call into ICU.
  public func boundaries(
    inUTF16 utf16: UnsafeBufferPointer<UInt16>, offsets: UnsafeMutableBufferPointer<Int32>, ruleStatuses: UnsafeMutableBufferPointer<Int32>
  ) throws(ICUError) -> Int {
    guard let base = utf16.baseAddress, !utf16.isEmpty else { return 0 }
    guard utf16.count <= Int(Int32.max), offsets.count >= utf16.count, ruleStatuses.count >= utf16.count,
      let offsetBase = offsets.baseAddress, let statusBase = ruleStatuses.baseAddress
    else {
      throw ICUError(code: 1, operation: "breaking \(utf16.count) UTF-16 units with too small a result buffer")  // U_ILLEGAL_ARGUMENT_ERROR
    }
    var status: Int32 = 0
    let count = CICU_breakAllUTF16(handle, base, Int32(utf16.count), offsetBase, statusBase, &status)
    try ICUError.check(status, "breaking UTF-16 text with a \(kind) break iterator")
    return Int(count)
  }

  /// All boundaries of `text` as UTF-8 byte offsets, starting with 0 and ending with the byte count.
  public func boundaries(in text: String) throws -> [Int] {
    var copy = text
    var result = [0]
    try copy.withUTF8 { buffer in
      try forEachBoundary(in: buffer) { offset, _ in result.append(offset) }
    }
    return text.isEmpty ? [0] : result
  }

  /// The pieces of `text` between consecutive boundaries.
  public func pieces(of text: String) throws -> [Substring] {
    let offsets = try boundaries(in: text)
    let utf8 = text.utf8
    var pieces: [Substring] = []
    pieces.reserveCapacity(offsets.count)
    for (start, end) in zip(offsets, offsets.dropFirst()) {
      let lower = utf8.index(utf8.startIndex, offsetBy: start)
      let upper = utf8.index(lower, offsetBy: end - start)
      pieces.append(text[lower..<upper])
    }
    return pieces
  }
}

/// The kind of a word-iterator piece, from ICU's rule status ranges (`UWordBreak`).
public enum WordRuleStatus: String, Sendable, Codable {
  /// Spaces and punctuation.
  case none
  case number
  case letter
  case kana
  case ideographic

  /// The ranges are hundreds (`UBRK_WORD_NUMBER` 100–199, …): one division settles which,
  /// instead of a comparison per range (this runs at every ICU word).
  @inlinable
  public init(ruleStatus: Int32) {
    switch ruleStatus / 100 {
    case 1: self = .number
    case 2: self = .letter
    case 3: self = .kana
    case 4: self = .ideographic
    default: self = .none
    }
  }
}
