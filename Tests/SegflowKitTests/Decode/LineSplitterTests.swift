import Testing
@testable import SegflowKit

/// `LineSplitter` skips sixteen bytes at a time while none can end a line; it must find the lines
/// a scalar-by-scalar split finds, with line separators and their near misses (`“ ” — …`,
/// U+2027, U+202A all start with E2 80) at every place in a word.
@Suite struct LineSplitterTests {
  /// The plain way: (number, text, UTF-8 offset, starts a page) of each line.
  static func reference(_ text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    var start = 0
    var offset = 0
    var pageNext = false
    var pendingCR = false
    func emit() {
      lines.append("\(lines.count + 1) \(current.debugDescription) \(start) \(pageNext)")
      pageNext = false
      current = ""
    }
    for scalar in text.unicodeScalars {
      let width = UTF8.width(scalar)
      defer { offset += width }
      if pendingCR {
        pendingCR = false
        if scalar == "\n" {
          start = offset + 1
          continue
        }
      }
      switch scalar {
      case "\n", "\u{2028}", "\u{2029}":
        emit()
        start = offset + width
      case "\r":
        emit()
        start = offset + 1
        pendingCR = true
      case "\u{0C}":
        if offset > start { emit() }
        pageNext = true
        start = offset + 1
      default:
        current.unicodeScalars.append(scalar)
      }
    }
    if start < offset { emit() }
    return lines
  }

  @Test("random texts split as a scalar-by-scalar walk splits them", arguments: 0..<10)
  func matchesReference(seed: Int) {
    let alphabet: [Unicode.Scalar] = [
      "我", "们", "a", " ", "，", "\n", "\r", "\u{0C}", "\u{2028}", "\u{2029}", "“", "”", "—", "…", "\u{2027}", "\u{202A}", "\u{0B}", "\u{0E}", "é", "😀",
    ]
    var generator = SplitMix(seed: UInt64(seed) + 100)
    for _ in 0..<300 {
      var view = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...120, using: &generator) {
        // Mostly ideographs, so that separators fall at every place in an eight-byte word.
        let pick = Int.random(in: 0..<(alphabet.count * 3), using: &generator)
        view.append(pick < alphabet.count ? alphabet[pick] : alphabet[pick % 2])
      }
      let text = String(view)
      let found = LineSplitter.split(text).map { "\($0.number) \(String($0.textSlice).debugDescription) \($0.offset) \($0.startsPage)" }
      #expect(found == Self.reference(text), "\(text.debugDescription)")
    }
  }
}
