import Testing

@testable import SegflowKit

/// `ByteVector.nextMark` reads sixteen bytes a test, the last sixteen again from where they
/// start, and a short text through a zero-padded copy: whatever the length and the start, it
/// must find what a byte-by-byte search finds.
@Suite struct ByteVectorTests {
  /// The bytes the test below marks: below 0x20, `"` and 0xEF.
  static func marked(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0xEF }

  enum Marked: ByteMarks {
    static func marks(_ lanes: ByteVector.Lanes) -> ByteVector.Lanes {
      ByteVector.marks(lanes, belowPowerOfTwo: 0x20) | ByteVector.marks(lanes, equalTo: 0x22) | ByteVector.marks(lanes, equalTo: 0xEF)
    }
  }

  @Test("the next marked byte is the first a byte-by-byte search finds, for every length and start", arguments: 0..<8)
  func nextMarkAgreesWithSearch(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    // Marked bytes rare or common, at any place against the sixteen-byte steps.
    let pool: [UInt8] = [0x00, 0x1F, 0x20, 0x22, 0x41, 0x80, 0xE4, 0xEE, 0xEF, 0xF0, 0xFF]
    for _ in 0..<400 {
      let count = Int(generator.next() % 70)
      let density = generator.next() % 4
      let bytes: [UInt8] = (0..<count).map { _ in
        let pick = generator.next()
        return pick % 8 < density ? pool[Int((pick >> 8) % UInt64(pool.count))] : 0xE5
      }
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        for start in 0...count {
          let expected = (start..<count).first { Self.marked(bytes[$0]) } ?? count
          let found = ByteVector.nextMark(Marked.self, in: base, count: count, from: start)
          #expect(found == expected, "\(bytes) from \(start)")
        }
      }
    }
  }

  @Test("the first mark from a lane on skips the lanes before it")
  func firstMarkFromLane() {
    for lane in 0..<16 {
      var lanes = ByteVector.Lanes()
      lanes[lane] = 0x80
      for start in 0...16 {
        #expect(ByteVector.firstMark(lanes, from: start) == (start <= lane ? lane : 16))
      }
      #expect(ByteVector.firstMark(lanes) == lane)
    }
    #expect(ByteVector.firstMark(ByteVector.Lanes()) == 16)
  }

  @Test("characters are counted as a byte-by-byte count does, for every stretch", arguments: 0..<4)
  func characterStarts(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    // Continuation bytes at both ends of their range and the bytes just outside it.
    let pool: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xE4, 0xFF]
    for _ in 0..<100 {
      let bytes = (0..<Int(generator.next() % 60)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
      bytes.withUnsafeBytes { raw in
        for start in 0...bytes.count {
          for end in start...bytes.count {
            let expected = bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
            #expect(ByteWord.characterStarts(in: raw, from: start, to: end) == expected, "\(bytes) \(start)..<\(end)")
          }
        }
      }
    }
  }
}
