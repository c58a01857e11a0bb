import Testing

@testable import SegflowKit

/// `ScalarCounts.endOfWideIdeographs` reads a run of ideographs eight entries at a time; it must
/// end where a loop over the entries one by one ends, whatever lies past `upper`.
@Suite struct LineProfileWideIdeographRunTests {
  /// The plain loop it replaced.
  static func plainEnd(_ entries: [UInt8], from start: Int, upper: Int) -> Int {
    var position = start
    while position <= upper && entries[position] == ScalarTable.wideIdeograph { position += 1 }
    return position
  }

  @Test("random entries, mostly wide ideographs, every start and upper bound")
  func randomRuns() {
    var generator = SystemRandomNumberGenerator()
    let others: [UInt8] = [0, ScalarTable.wideIdeograph | 1, ScalarClass.ideograph.rawValue, 0x55, 0xFF]
    for _ in 0..<300 {
      let count = Int.random(in: 1...40, using: &generator)
      // (Eight more, as `DecodedLine` keeps: any values past the line.)
      var entries = (0..<(count + 8)).map { _ in
        Int.random(in: 0..<6, using: &generator) == 0 ? others.randomElement(using: &generator)! : ScalarTable.wideIdeograph
      }
      entries.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        for upper in 0..<count {
          for start in 0...(upper + 1) {
            let fast = LineProfile.ScalarCounts.endOfWideIdeographs(base, from: start, upper: upper)
            let plain = Self.plainEnd(Array(buffer), from: start, upper: upper)
            guard fast == plain else {
              Issue.record("from \(start) to \(upper) in \(Array(buffer)): \(fast), not \(plain)")
              return
            }
          }
        }
      }
    }
  }

  @Test("a line of wide ideographs longer than eight, and one cut by a mark, in a decoded line")
  func decodedLines() {
    let decoded = DecodedLine()
    for text in ["中华人民共和国国务院新闻办公室今天举行发布会", "中华人民共和国，国务院新闻办公室。今天", "党"] {
      decoded.load(Substring(text))
      let upper = decoded.count - 1
      let plain = Self.plainEnd(Array(UnsafeBufferPointer(start: decoded.entries, count: decoded.count + 8)), from: 0, upper: upper)
      #expect(LineProfile.ScalarCounts.endOfWideIdeographs(decoded.entries, from: 0, upper: upper) == plain, "\(text)")
    }
  }
}
