import Testing

@testable import SegflowKit

/// `SourceWalk` counts characters forward from the last offset asked; its spans must be
/// `SourceLocator`'s (which counts from samples), for ranges asked in order as the segment stage
/// asks them and, more slowly, out of order.
@Suite struct SourceWalkTests {
  static let alphabet: [Character] = ["a", " ", "é", "\u{7FF}", "我", "，", "。", "\u{FFFF}", "𠀀", "😀"]

  /// A random block: its text cut into pieces (some separated by one space, as joined lines are),
  /// each from its own line.
  static func randomBlock(_ generator: inout SplitMix, long: Bool) -> Block {
    var text = ""
    var pieces: [Piece] = []
    var sourceOffset = 0
    for line in 0..<Int.random(in: 1...(long ? 12 : 4), using: &generator) {
      if line > 0, Bool.random(using: &generator) { text += " " }
      let piece = String((0..<Int.random(in: 1...(long ? 200 : 20), using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
      pieces.append(Piece(textOffset: text.utf8.count, length: piece.utf8.count, line: line + 3, column: Int.random(in: 1...5, using: &generator), sourceOffset: sourceOffset))
      sourceOffset += piece.utf8.count + Int.random(in: 1...9, using: &generator)
      text += piece
    }
    return Block(kind: .paragraph, text: text, pieces: pieces)
  }

  /// Cuts `text` (valid UTF-8 bytes) at random character starts into ascending ranges.
  static func randomRanges(_ bytes: [UInt8], _ generator: inout SplitMix) -> [Range<Int>] {
    let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 && Int.random(in: 0..<6, using: &generator) == 0 }
    let cuts = [0] + starts.filter { $0 > 0 } + [bytes.count]
    return zip(cuts, cuts.dropFirst()).map { $0..<$1 }.filter { !$0.isEmpty }
  }

  @Test("spans asked in order, and out of order, are the locator's", arguments: [OffsetMap.identity, .shifted(3)])
  func spansMatchTheLocator(offsetMap: OffsetMap) {
    var generator = SplitMix(seed: 65)
    for round in 0..<400 {
      let block = Self.randomBlock(&generator, long: round % 5 == 0)
      let locator = SourceLocator(block: block, offsetMap: offsetMap)
      let ranges = Self.randomRanges(locator.text, &generator)
      var walk = SourceWalk(block: block, offsetMap: offsetMap)
      #expect(ranges.map { walk.span($0) } == ranges.map { locator.span($0) }, "\(block.text.debugDescription)")
      var shuffled = SourceWalk(block: block, offsetMap: offsetMap)
      for range in ranges.shuffled(using: &generator) { #expect(shuffled.span(range) == locator.span(range)) }
    }
  }

  @Test("the piece found from any hint is the one binary search finds")
  func pieceFromHint() {
    var generator = SplitMix(seed: 67)
    for round in 0..<200 {
      let block = Self.randomBlock(&generator, long: round % 5 == 0)
      let locator = SourceLocator(block: block, offsetMap: .identity)
      for offset in 0...locator.text.count {
        let searched = locator.pieceIndex(containing: offset, from: -1)
        // Hints before the piece walk forward; hints past it (asked out of order) search.
        for hint in -1...block.pieces.count { #expect(locator.pieceIndex(containing: offset, from: hint) == searched) }
      }
    }
  }

  @Test("character counts in any order match the locator's at every offset")
  func characterCounts() {
    var generator = SplitMix(seed: 66)
    for round in 0..<200 {
      let block = Self.randomBlock(&generator, long: round % 5 == 0)
      let locator = SourceLocator(block: block, offsetMap: .identity)
      var walk = SourceWalk(block: block, offsetMap: .identity)
      let offsets = Array(0...locator.text.count)
      #expect(offsets.map { walk.characters(before: $0) } == offsets.map { locator.characters(before: $0) })
      for offset in offsets.shuffled(using: &generator) { #expect(walk.characters(before: offset) == locator.characters(before: offset)) }
    }
  }
}
