import Foundation
import Testing
@testable import SegflowKit

/// The review page can only show what was recorded: every repair in the seed must come with a
/// decision that names its rule and confidence.
@Suite struct ReviewCoverageTests {
  @Test("every line join in the seed has a join decision for the line before it")
  func joinsExplained() throws {
    let document = try ReviewPageTests.seedDocument()
    for (number, block) in document.blocks.enumerated() {
      let joined = Set(block.decisions.filter { $0.action == .join || $0.action == .dehyphenate }.map(\.line))
      for (a, b) in zip(block.pieces, block.pieces.dropFirst()) where a.line != b.line {
        #expect(joined.contains(a.line), "block \(number + 1): lines \(a.line) and \(b.line) joined without a decision")
      }
    }
  }

  @Test("every block boundary in the seed has a split decision or an adjacent block kind decision")
  func splitsExplained() throws {
    let document = try ReviewPageTests.seedDocument()
    let blocks = document.blocks
    for index in blocks.indices.dropFirst() {
      let before = blocks[index - 1]
      let after = blocks[index]
      let split = blocks[index...].prefix(2).contains { block in
        block.decisions.contains { decision in decision.action == .split && before.lines?.contains(decision.line) == true }
      }
      let classified = [before, after].contains { $0.decisions.contains { $0.action == .classify } }
      #expect(split || classified, "no decision explains the break between block \(index) and block \(index + 1)")
    }
  }

  @Test("every removed space in the seed has a removeSpace decision for its line (or the byline cut there)")
  func removedSpacesExplained() throws {
    let document = try ReviewPageTests.seedDocument()
    let kept = ReviewPage.keptColumns(document)
    // The space before a byline cut from a line's end (`…力量。 文/宁杰`) goes with the byline decision.
    let explained = Set(document.blocks.flatMap(\.decisions).filter { $0.action == .removeSpace || $0.rule == "byline" }.map(\.line))
    for line in document.lines where !line.isBlank {
      guard let flags = kept[line.number] else { continue }
      let scalars = Array(line.text.unicodeScalars)
      // Spaces inside the line (not at its ends) that no block kept.
      guard let first = flags.firstIndex(of: true), let last = flags.lastIndex(of: true) else { continue }
      let removedInside = (first...last).contains { !flags[$0] && scalars[$0].properties.isWhitespace }
      if removedInside { #expect(explained.contains(line.number), "line \(line.number): spaces removed without a decision") }
    }
  }
}
