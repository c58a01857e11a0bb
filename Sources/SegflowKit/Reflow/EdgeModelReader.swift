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
    // (The built-in model's numbers take the two paths without `strtod`, some 800 instructions
    // a call whatever the number: most of loading the model, once per process.)
    if let (value, length) = Self.hexadecimal(bytes, from: position) ?? Self.shortDecimal(bytes, from: position) {
      position += length
      return value
    }
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

  /// The number at `start` when it is written as Python's `float.hex()` writes a finite
  /// number (`-0x1.8000000000000p+3`, `0x0.0p+0`: at most 13 hexadecimal digits after the
  /// point), and how many bytes it takes; nil for any other text. Exact: the digits make an
  /// integer below 2^53, scaled by a power of two. (The model's leaves, written so: a decimal
  /// of 17 digits needs `strtod`'s long arithmetic.)
  static func hexadecimal(_ bytes: [UInt8], from start: Int) -> (value: Double, length: Int)? {
    var position = start
    let negative = bytes.count - position > 1 && bytes[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    guard bytes.count - position > 6, bytes[position] == UInt8(ascii: "0"), bytes[position + 1] == UInt8(ascii: "x"),
      bytes[position + 2] == UInt8(ascii: "0") || bytes[position + 2] == UInt8(ascii: "1"), bytes[position + 3] == UInt8(ascii: ".")
    else { return nil }
    var significand = UInt64(bytes[position + 2] - 0x30)
    position += 4
    var digits = 0
    while position < bytes.count, digits < 13, let digit = Self.hexDigit(bytes[position]) {
      significand = significand << 4 | UInt64(digit)
      digits += 1
      position += 1
    }
    guard digits > 0, position < bytes.count, bytes[position] == UInt8(ascii: "p"), bytes.count - position > 2 else { return nil }
    let exponentNegative = bytes[position + 1] == UInt8(ascii: "-")
    guard exponentNegative || bytes[position + 1] == UInt8(ascii: "+") else { return nil }
    position += 2
    var exponent = 0
    var exponentDigits = 0
    while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, exponentDigits < 4 {
      exponent = exponent * 10 + Int(bytes[position] - 0x30)
      exponentDigits += 1
      position += 1
    }
    // (More digits, or a letter after the number, are for `strtod` to judge.)
    guard exponentDigits > 0, position == bytes.count || Self.hexDigit(bytes[position]) == nil && !(bytes[position] >= 0x30 && bytes[position] <= 0x39)
    else { return nil }
    let scale = (exponentNegative ? -exponent : exponent) - 4 * digits
    let magnitude = Double(sign: .plus, exponent: scale, significand: Double(significand))
    return (negative ? -magnitude : magnitude, position - start)
  }

  /// The value of a hexadecimal digit (either case), nil for another byte.
  private static func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x61...0x66: byte - 0x61 + 10
    case 0x41...0x46: byte - 0x41 + 10
    default: nil
    }
  }

  /// The decimal number at `start` when it has at most 15 digits and no exponent (`-4.5`,
  /// `19.5`: the model's thresholds), and how many bytes it takes; nil for any other text.
  /// Exact, as `strtod` reads it: the digits make an integer below 2^53 and the power of ten
  /// that divides it is at most 10^15, both exact doubles, so their quotient is the correctly
  /// rounded value (Clinger's fast path).
  static func shortDecimal(_ bytes: [UInt8], from start: Int) -> (value: Double, length: Int)? {
    var position = start
    let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    var mantissa: UInt64 = 0
    while position < bytes.count {
      let byte = bytes[position]
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        guard digits <= 15 else { return nil }
        mantissa = mantissa * 10 + UInt64(byte - 0x30)
        if seenPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else {
        // An exponent, a hexadecimal number, `inf` or `nan`: for `strtod`.
        if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { return nil }
        break
      }
      position += 1
    }
    guard digits > 0 else { return nil }
    let magnitude = Double(mantissa) / Self.powersOfTen[fractionDigits]
    return (negative ? -magnitude : magnitude, position - start)
  }

  /// 10^0 to 10^15, exact doubles.
  private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
}
