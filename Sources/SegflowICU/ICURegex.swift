internal import CICU

/// An ICU regular expression (the syntax SRX 2.0 prescribes), matched over UTF-16 text.
///
/// Not thread-safe; `clone()` gives another matcher sharing the compiled pattern.
public final class ICURegex {
  /// `uregex` flags.
  public struct Options: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let caseInsensitive = Options(rawValue: 2)
    public static let comments = Options(rawValue: 4)
    public static let dotAll = Options(rawValue: 32)
    public static let multiline = Options(rawValue: 8)
  }

  public let pattern: String
  private let handle: OpaquePointer
  private var text: [UInt16] = []

  /// Compiles `pattern`.
  ///
  /// - Throws: ``RegexError`` with ICU's error name and the offset of the problem in the pattern.
  public init(_ pattern: String, options: Options = []) throws(RegexError) {
    let units = Array(pattern.utf16)
    var status: Int32 = 0
    var errorOffset: Int32 = 0
    let opened = CICU_regexOpen(units, Int32(units.count), options.rawValue, &errorOffset, &status)
    guard CICU_isFailure(status) == 0, let opened else {
      throw RegexError(pattern: pattern, icuError: String(cString: CICU_errorName(status)), offset: Int(errorOffset))
    }
    self.pattern = pattern
    self.handle = opened
  }

  private init(pattern: String, handle: OpaquePointer) {
    self.pattern = pattern
    self.handle = handle
  }

  deinit { CICU_regexClose(handle) }

  /// Another matcher for the same compiled pattern.
  public func clone() throws(ICUError) -> ICURegex {
    var status: Int32 = 0
    let cloned = CICU_regexClone(handle, &status)
    try ICUError.check(status, "cloning a regular expression")
    guard let cloned else { throw ICUError(code: status, operation: "cloning a regular expression") }
    return ICURegex(pattern: pattern, handle: cloned)
  }

  /// Sets the UTF-16 text to match, and a time limit in ICU's steps (about a million steps take a
  /// few milliseconds); 0 means no limit. A match that runs out of time throws
  /// `U_REGEX_TIME_OUT`.
  public func setText(_ units: [UInt16], timeLimit: Int32 = 0) throws(ICUError) {
    text = units
    var status: Int32 = 0
    text.withUnsafeBufferPointer { buffer in
      CICU_regexSetText(handle, buffer.baseAddress, Int32(buffer.count), timeLimit, &status)
    }
    try ICUError.check(status, "setting the text of /\(pattern)/")
  }

  /// All matches from `start` on: each as the UTF-16 range of `group` (0: the whole match).
  public func matches(from start: Int = 0, group: Int32 = 0) throws(ICUError) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var status: Int32 = 0
    var found = CICU_regexFind(handle, Int64(start), &status)
    try ICUError.check(status, "matching /\(pattern)/")
    while found != 0 {
      let lower = CICU_regexStart(handle, group, &status)
      let upper = CICU_regexEnd(handle, group, &status)
      try ICUError.check(status, "reading a match of /\(pattern)/")
      if lower >= 0 { result.append(Int(lower)..<Int(upper)) }
      found = CICU_regexFind(handle, -1, &status)
      try ICUError.check(status, "matching /\(pattern)/")
    }
    return result
  }

  /// Whether the pattern matches starting exactly at `start`, limited to `start..<limit` but
  /// with look-behind and look-ahead seeing the whole text. Returns the match end.
  public func match(at start: Int, limit: Int) throws(ICUError) -> Int? {
    var status: Int32 = 0
    CICU_regexSetRegion(handle, Int64(start), Int64(limit), &status)
    try ICUError.check(status, "setting a region for /\(pattern)/")
    let found = CICU_regexLookingAt(handle, &status)
    try ICUError.check(status, "matching /\(pattern)/")
    guard found != 0 else { return nil }
    let end = CICU_regexEnd(handle, 0, &status)
    try ICUError.check(status, "reading a match of /\(pattern)/")
    return Int(end)
  }
}

/// A regular expression that ICU could not compile.
public struct RegexError: Error, Sendable, Equatable, CustomStringConvertible {
  public let pattern: String
  public let icuError: String
  /// Offset (UTF-16 units) of the problem in the pattern.
  public let offset: Int

  public var description: String { "invalid regular expression /\(pattern)/ at offset \(offset): \(icuError)" }
}
