import Testing

@testable import SegflowKit

/// `BlockBuilder.append` joins rows with a space or without one, reading the previous row's last
/// class from the profile it kept; the joins must be the ones the plain lookups of the last and
/// first characters give.
@Suite struct BlockBuilderJoinTests {
  /// The rows' kept texts joined as `needsSpace` says, its classes looked up from the characters
  /// (ambiguous marks are Latin punctuation in a Latin line); a joining space between rows where
  /// `joining` says.
  static func reference(_ rows: Reflower.Rows, joining: [Bool]) -> String {
    var text = ""
    var previous: (scalar: Unicode.Scalar, isLatin: Bool)? = nil
    for (index, join) in zip(rows.indices, joining) {
      let line = rows.line(index)
      let profile = line.profile
      if join, previous != nil {
        text += " "
        previous = (" ", false)
      }
      if let (scalar, isLatin) = previous {
        var left = ScalarClass(scalar)
        if left == .cjkPunctuation, isLatin { left = .other }
        var right = ScalarClass(profile.first)
        if right == .cjkPunctuation, profile.isLatin { right = .other }
        if BlockBuilder.needsSpace(after: scalar, left, before: profile.first, right) { text += " " }
      }
      line.forEachPiece { text += line.source.utf8Slice($0.bytes) }
      previous = (profile.last, profile.isLatin)
    }
    return text
  }

  @Test("random Latin and CJK lines, some joined with a headline's space, join as the plain lookups say")
  func randomJoins() {
    // (No hyphen: a line-end hyphen is removed, which the reference does not do.)
    let alphabet = Array("中文，。“”‘’…•–ab Z9,.()\"' ".unicodeScalars)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let lines = BlockBuilderReuseTests.randomLines(from: alphabet, lines: 1...12, length: 1...12, using: &generator)
      let rows = BlockBuilderReuseTests.rows(lines)
      let joining = rows.map { _ in Int.random(in: 0..<5, using: &generator) == 0 }
      var builder = BlockBuilder()
      for (index, join) in zip(rows.indices, joining) {
        if join, !builder.isEmpty { builder.appendJoiningSpace() }
        builder.append(rows, at: index, verbatim: true)
      }
      let text = builder.finish(kind: .paragraph).text
      guard text == Self.reference(rows, joining: joining) else {
        Issue.record("\(lines) joined as \(text)")
        return
      }
    }
  }
}
