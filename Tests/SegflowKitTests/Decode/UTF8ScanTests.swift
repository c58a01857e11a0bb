import Testing
@testable import SegflowKit

/// `UTF8Scan.isWellFormed` takes ASCII eight bytes at a time and most three-byte sequences in
/// place; it must accept exactly what the standard library's `String(validating:as:)` accepts,
/// whatever the bytes and wherever they fall against the eight-byte steps.
@Suite struct UTF8ScanTests {
  static func standard(_ bytes: [UInt8]) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
  }

  /// Bytes around every boundary of the well-formed ranges (RFC 3629, Table 3-7).
  static let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]

  /// The inputs among `inputs` on which the two disagree (one expectation for all: there are
  /// millions).
  static func disagreements(_ inputs: some Sequence<[UInt8]>) -> [[UInt8]] {
    inputs.filter { UTF8Scan.isWellFormed($0) != standard($0) }
  }

  /// The last byte before the continuation bytes, the first and last of them, the first after.
  static let continuationEdges: [UInt8] = [0x7F, 0x80, 0xBF, 0xC0]

  @Test func everyOneAndTwoByteInput() {
    let inputs = (0...255).flatMap { first in [[UInt8(first)]] + (0...255).map { [UInt8(first), UInt8($0)] } }
    let wrong = Self.disagreements(inputs)
    #expect(wrong.isEmpty, "\(wrong.prefix(5))")
  }

  /// Every lead and second byte, the third and fourth a continuation byte or not (at both ends
  /// of each): all the checks of three- and four-byte sequences, the surrogates (ED A0–BF) and
  /// the overlong and too-large forms.
  @Test func everyLeadAndSecondByteOfLongerInputs() {
    var wrong: [[UInt8]] = []
    for lead in 0xC0...0xFF {
      for second in 0...255 {
        for third in Self.continuationEdges {
          let three = [UInt8(lead), UInt8(second), third]
          wrong += Self.disagreements([three] + Self.continuationEdges.map { three + [$0] })
        }
      }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(5))")
  }

  /// Random mixes of whole characters (ASCII runs, Chinese, accented letters, emoji) and stray
  /// or cut bytes, at every alignment: the verdict and the decoded string are the standard's.
  @Test func randomTextWithDamage() {
    var random = SplitMix(seed: 29)
    let pieces: [[UInt8]] = ["a", "plain ascii words", "中文", "“", "é", "😀", "\u{FEFF}", "\u{10FFFF}", "\u{E000}", "\u{D7FF}"].map { Array($0.utf8) }
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...12, using: &random) {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: bytes.append(Self.edges.randomElement(using: &random)!)
        case 1: bytes.append(UInt8.random(in: 0...255, using: &random))
        case 2:
          let piece = pieces.randomElement(using: &random)!
          bytes += piece.prefix(Int.random(in: 0..<piece.count + 1, using: &random))
        default: bytes += pieces.randomElement(using: &random)!
        }
      }
      let standard = String(validating: bytes, as: UTF8.self)
      #expect(UTF8Scan.isWellFormed(bytes) == (standard != nil), "\(bytes)")
      #expect(String(wellFormedUTF8: bytes).map { Array($0.utf8) } == standard.map { Array($0.utf8) }, "\(bytes)")
    }
  }
}
