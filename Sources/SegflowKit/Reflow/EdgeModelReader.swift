import Foundation

/// Reads the tokens of an edge model file (``EdgeModel``) from its UTF-8 bytes: words, numbers
/// and tree nodes (`feature,threshold,left,right` or `=leaf`), line by line.
struct EdgeModelReader {
  /// A tree node as written: an inner node, or a leaf (`isLeaf`, its value in `value`).
  struct Node {
    var isLeaf: Bool
    var feature = -1
    var value = 0.0
    var left = -1
    var right = -1
  }

  /// The text's bytes and a final NUL; `end` is the NUL's index.
  private let bytes: [UInt8]
  private let end: Int
  private var position = 0
  private var line = 1
  private let file: String

  init(text: String, file: String) {
    // A final NUL, so `strtod` stops at the end of the text.
    bytes = Array(text.utf8) + [0]
    end = bytes.count - 1
    self.file = file
  }

  var atEnd: Bool {
    var probe = position
    while probe < end, bytes[probe] == 0x0A || bytes[probe] == 0x20 { probe += 1 }
    return probe >= end
  }

  func fail(_ message: String) -> FileError { FileError(file: file, line: line, message: message) }

  /// Skips to the start of the next line.
  mutating func endLine() {
    while position < end, bytes[position] != 0x0A { position += 1 }
    if position < end {
      position += 1
      line += 1
    }
  }

  /// The next space-separated word on the line.
  /// - Throws: `FileError` at the end of the line.
  mutating func word() throws(FileError) -> String {
    while position < end, bytes[position] == 0x20 { position += 1 }
    let start = position
    while position < end, bytes[position] != 0x20, bytes[position] != 0x0A { position += 1 }
    guard position > start else { throw fail("unexpected end of line") }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  /// `KEY NUMBER` on a line of its own.
  mutating func value(key: String) throws(FileError) -> Double {
    guard try word() == key else { throw fail("expected '\(key) NUMBER'") }
    while position < end, bytes[position] == 0x20 { position += 1 }
    let number = try self.number()
    endLine()
    return number
  }

  /// The next node of a tree line, or nil at the end of the line.
  mutating func token() throws(FileError) -> Node? {
    while position < end, bytes[position] == 0x20 { position += 1 }
    guard position < end, bytes[position] != 0x0A else { return nil }
    if bytes[position] == UInt8(ascii: "=") {
      position += 1
      return Node(isLeaf: true, value: try number())
    }
    let feature = try integer()
    try expect(",")
    let threshold = try number()
    try expect(",")
    let left = try integer()
    try expect(",")
    let right = try integer()
    return Node(isLeaf: false, feature: feature, value: threshold, left: left, right: right)
  }

  private mutating func expect(_ character: Unicode.Scalar) throws(FileError) {
    guard position < end, bytes[position] == UInt8(ascii: character) else { throw fail("expected '\(character)'") }
    position += 1
  }

  private mutating func integer() throws(FileError) -> Int {
    var negative = false
    if position < end, bytes[position] == UInt8(ascii: "-") {
      negative = true
      position += 1
    }
    let start = position
    var value = 0
    while position < end, bytes[position] >= 0x30, bytes[position] <= 0x39, value < 1 << 40 {
      value = value * 10 + Int(bytes[position] - 0x30)
      position += 1
    }
    guard position > start else { throw fail("expected a whole number") }
    return negative ? -value : value
  }

  /// A decimal number as Python's `repr` writes it (`-0.125`, `1e-05`, `3.2e+16`), read by the
  /// C library's `strtod` in place (correctly rounded: exactly the double Python wrote; no
  /// string made per number, which was most of the time of loading the model). Segflow never
  /// sets a locale, so the decimal mark is `.`; under one with `,` a number would stop at `.`,
  /// the next check fail, and the model not load (the rules then decide alone).
  private mutating func number() throws(FileError) -> Double {
    guard position < end, bytes[position] != 0x20, bytes[position] != 0x0A else { throw fail("expected a number") }
    let start = position
    var consumed = 0
    let value = bytes.withUnsafeBufferPointer { buffer -> Double in
      guard let base = buffer.baseAddress else { return 0 }
      let begin = UnsafeRawPointer(base + start).assumingMemoryBound(to: CChar.self)
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtod(begin, &end)
      consumed = end.map { UnsafeRawPointer($0) - UnsafeRawPointer(begin) } ?? 0
      return value
    }
    guard consumed > 0 else { throw fail("expected a number") }
    position += consumed
    return value
  }
}
