import Foundation
import Testing

@testable import SegflowKit

/// `EdgeModelReader` reads hexadecimal numbers and short decimals without `strtod`; whatever it
/// reads so must be the double `strtod` reads, to the bit, and take as many bytes.
@Suite struct EdgeModelReaderTests {
  /// `strtod`'s value and length for `text` (the reader's slow path).
  static func strtodRead(_ text: String) -> (value: Double, length: Int) {
    let bytes = Array(text.utf8) + [0]
    return bytes.withUnsafeBufferPointer { buffer in
      let begin = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtod(begin, &end)
      return (value, end.map { UnsafeRawPointer($0) - UnsafeRawPointer(begin) } ?? 0)
    }
  }

  /// The fast paths' reading of `text` (with the reader's final NUL), nil when they leave it.
  static func fastRead(_ text: String) -> (value: Double, length: Int)? {
    let bytes = Array(text.utf8) + [0]
    return EdgeModelReader.hexadecimal(bytes, from: 0) ?? EdgeModelReader.shortDecimal(bytes, from: 0)
  }

  static func expectSameAsStrtod(_ text: String) {
    guard let fast = fastRead(text) else { return }
    let slow = strtodRead(text)
    #expect(fast.value.bitPattern == slow.value.bitPattern && fast.length == slow.length, "\(text): \(fast) against strtod's \(slow)")
  }

  /// `value` as Python's `float.hex()` writes it (finite values).
  static func pythonHex(_ value: Double) -> String {
    let sign = value.sign == .minus ? "-" : ""
    if value == 0 { return sign + "0x0.0p+0" }
    let subnormal = value.exponentBitPattern == 0
    let lead = subnormal ? "0" : "1"
    let exponent = subnormal ? -1022 : Int(value.exponentBitPattern) - 1023
    var digits = String(value.significandBitPattern, radix: 16)
    digits = String(repeating: "0", count: 13 - digits.count) + digits
    return "\(sign)0x\(lead).\(digits)p\(exponent < 0 ? "-" : "+")\(abs(exponent))"
  }

  @Test("examples: read, or left to strtod")
  func examples() {
    for text in ["19.5", "-4.5", "0", "-0", "0.5,1,2", "1.", ".5", "-.5", "123456789012345", "0.1", "2.675", "1.5.3",
      "0x1.8000000000000p+3", "-0x1.999999999999ap-4", "0x0.0p+0", "-0x0.0p+0", "0x1.8p+3 ", "0x1.8p+3.5", "0x1.0000000000000p-1074", "0x0.0000000000001p-1022"]
    {
      #expect(Self.fastRead(text) != nil, "\(text)")
      Self.expectSameAsStrtod(text)
    }
    for text in ["1e5", "1.5e-3", "0x1p3", "0x2.0p+0", "0x1.8p", "0x1.8p+", "0x1.8p+3e", "0x1.00000000000000p+0", "inf", "-nan",
      "1234567890123456", "0.0000000000000001", "-", ".", "+1", " 1", "-x"]
    {
      #expect(Self.fastRead(text) == nil, "\(text)")
    }
  }

  @Test("random doubles as Python writes them in hexadecimal, and random decimals of up to 20 digits")
  func randomNumbers() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let value = Double(bitPattern: generator.next())
      guard value.isFinite else { continue }
      let text = Self.pythonHex(value)
      #expect(Self.fastRead(text)?.value.bitPattern == value.bitPattern, "\(text)")
      Self.expectSameAsStrtod(text)
    }
    let tails = ["", ",", " ", "\n", "e5", "x", ".", "5"]
    for _ in 0..<20_000 {
      var text = Bool.random(using: &generator) ? "-" : ""
      for _ in 0..<Int.random(in: 0...10, using: &generator) { text += String(Int.random(in: 0...9, using: &generator)) }
      if Bool.random(using: &generator) { text += "." }
      for _ in 0..<Int.random(in: 0...10, using: &generator) { text += String(Int.random(in: 0...9, using: &generator)) }
      text += tails.randomElement(using: &generator)!
      Self.expectSameAsStrtod(text)
    }
  }

  @Test("every number of the built-in model is read without strtod, as strtod reads it")
  func builtInModel() {
    var count = 0
    for token in EdgeModelData.text.split(whereSeparator: { " ,=\n".contains($0) }) where token.first.map({ $0 == "-" || $0.isNumber }) == true {
      Self.expectSameAsStrtod(String(token))
      if Self.fastRead(String(token)) != nil { count += 1 }
    }
    #expect(count > 4_000)
  }
}
