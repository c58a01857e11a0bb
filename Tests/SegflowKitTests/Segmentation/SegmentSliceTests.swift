import Testing
@testable import SegflowKit

/// `SegmentStage.slice` takes a segment's bytes from the block text without validating them
/// again; on character boundaries it must make the string that decoding the bytes makes.
@Suite struct SegmentSliceTests {
  @Test("random ranges on character boundaries of random texts")
  func randomRanges() {
    let alphabet = Array("ab Z9-,。中“”é\u{301}𠀋😀\u{3000}".unicodeScalars)
    var generator = SplitMix(seed: 2026)
    for _ in 0..<2000 {
      var view = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...60, using: &generator) { view.append(alphabet.randomElement(using: &generator)!) }
      let text = String(view)
      let bytes = Array(text.utf8)
      let starts = text.unicodeScalars.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } + [bytes.count]
      let lower = starts.randomElement(using: &generator)!
      let upper = starts.filter { $0 >= lower }.randomElement(using: &generator)!
      let sliced = SegmentStage.slice(bytes, lower..<upper)
      let decoded = String(decoding: bytes[lower..<upper], as: UTF8.self)
      #expect(sliced == decoded)
      #expect(Array(sliced.utf8) == Array(bytes[lower..<upper]))
      // (A string wrongly marked ASCII counts its characters and UTF-16 units by bytes.)
      #expect(sliced.count == decoded.count, "\(text.debugDescription) \(lower)..<\(upper)")
      #expect(sliced.utf16.count == decoded.utf16.count)
    }
  }
}
