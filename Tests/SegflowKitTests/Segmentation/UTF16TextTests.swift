import Testing
@testable import SegflowKit

/// `UTF16Text.load` transcodes with a loop of its own; it must give the standard library's UTF-16
/// and each unit's character start, also when one set of buffers (and one staging) serves texts of every length.
@Suite struct UTF16TextTests {
  /// The plain way: the string's UTF-16 view, and the UTF-8 offset of each scalar repeated for
  /// each of its units.
  static func expected(_ text: String) -> (units: [UInt16], offsets: [Int]) {
    var offsets: [Int] = []
    var offset = 0
    for scalar in text.unicodeScalars {
      offsets += Array(repeating: offset, count: UTF16.width(scalar))
      offset += UTF8.width(scalar)
    }
    return (Array(text.utf16), offsets + [offset])
  }

  @Test func matchesTheStandardLibraryOnRandomTexts() {
    // One to four bytes, the edges of each width, a surrogate pair, line breaks.
    let alphabet: [Character] = ["a", " ", "\n", "\u{7F}", "\u{80}", "é", "\u{7FF}", "\u{800}", "我", "，", "。", "\u{FFFD}", "\u{FFFF}", "𠀀", "😀", "\u{10FFFF}"]
    var generator = SplitMix(seed: 16)
    var scratch = UTF16Text()
    let staging = UTF16Staging()  // shared by every round, as a segment stage shares it
    for round in 0..<2_000 {
      let length = round % 10 == 0 ? 0 : Int.random(in: 1...(round % 7 == 0 ? 600 : 40), using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      scratch.load(text, staging: staging)
      let (units, offsets) = Self.expected(text)
      var fresh = UTF16Text()
      fresh.load(text)
      #expect(fresh.units == units && fresh.utf8Offsets == offsets, "\(text.debugDescription)")
      #expect(scratch.units == units, "\(text.debugDescription)")
      #expect(scratch.utf8Offsets == offsets, "\(text.debugDescription)")
      #expect(scratch.utf8Count == text.utf8.count)
    }
  }

  /// Runs of ASCII long enough for the eight-byte steps and runs of CJK of both parities, ended
  /// by every other width, at every length: the run loops must stop exactly at the run's end.
  @Test func matchesTheStandardLibraryOnRuns() {
    let runs: [[Character]] = [["a", "Z", " ", "0", "\n"], ["我", "，", "\u{800}", "\u{FFFF}"]]
    let others: [Character] = ["é", "\u{7FF}", "😀", "𠀀", "\u{10FFFF}", "a", "我"]
    var generator = SplitMix(seed: 61)
    var scratch = UTF16Text()
    let staging = UTF16Staging()
    for round in 0..<2_000 {
      var text = ""
      for _ in 0..<Int.random(in: 0...6, using: &generator) {
        let run = runs.randomElement(using: &generator)!
        text += String((0..<Int.random(in: 0...(round % 5 == 0 ? 70 : 19), using: &generator)).map { _ in run.randomElement(using: &generator)! })
        if Bool.random(using: &generator) { text.append(others.randomElement(using: &generator)!) }
      }
      scratch.load(text, staging: staging)
      let (units, offsets) = Self.expected(text)
      #expect(scratch.units == units, "\(text.debugDescription)")
      #expect(scratch.utf8Offsets == offsets, "\(text.debugDescription)")
    }
  }
}
