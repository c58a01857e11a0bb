@testable import SegflowKit
import Testing

/// The run summary's character counts (``TextCounts``), beside the figures ExportTests checks.
@Suite struct TextCountsTests {
  @Test("the character counts read ideographs without decoding and count as scalar by scalar", arguments: 0..<30)
  func characterTallyMatchesScalars(seed: Int) {
    // The shortcut is taken (U+4000–U+9FFF hold no white space and no punctuation).
    #expect(TextCounts.CharacterTally.ideographsPlain)
    var random = SplitMix(seed: UInt64(seed) &+ 77)
    // Ideographs (and the hexagram symbols U+4DC0–4DFF, in the same lead bytes), the ideographic
    // space and full stop (lead E3), full-width punctuation (EF), ASCII, Latin-1, emoji.
    let pools: [ClosedRange<UInt32>] = [0x4E00...0x9FFF, 0x4DB0...0x4E10, 0x3000...0x3003, 0xFF01...0xFF1F, 0x20...0x7E, 0x09...0x0D, 0xA0...0xFF, 0x1F600...0x1F64F]
    var texts: [String] = []
    for _ in 0..<20 {
      var text = ""
      for _ in 0..<Int(random.next() % 60) {
        let pool = pools[Int(random.next() % UInt64(pools.count))]
        let value = pool.lowerBound + UInt32(random.next() % UInt64(pool.count))
        if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
      }
      texts.append(text)
    }
    var tally = TextCounts.CharacterTally()
    var characters = 0, noSpaces = 0, noPunctuation = 0
    for text in texts {
      let here = text.unicodeScalars.count { !ScalarTraits.isWhitespace($0) }
      #expect(tally.add(text) == here)
      characters += text.unicodeScalars.count
      noSpaces += here
      noPunctuation += text.unicodeScalars.count { !ScalarTraits.isWhitespace($0) && !ScalarTraits.isPunctuation($0) }
    }
    #expect(tally.characters == characters && tally.noSpaces == noSpaces && tally.noPunctuation == noPunctuation)
  }
}
