import Testing
@testable import SegflowKit

/// A quantified group with a quantifier inside counts as safe from catastrophic backtracking
/// (so its rule gets a prefilter and a candidate filter) only when its repetitions are
/// delimited: an opening literal nothing else in the group can match, and each quantified
/// element followed by a literal it cannot match (`SRXPrefilter.isDelimited`).
@Suite struct SRXDelimitedRepeatTests {
  static func isSafe(_ pattern: String) -> Bool {
    var parser = SRXPrefilter.Parser(chars: Array(pattern.unicodeScalars))
    _ = parser.sequence(depth: 0)
    return !parser.unsafe
  }

  @Test("delimited repetitions are safe", arguments: [
    #"[.!?](?:\[\d{1,3}\])+\s+"#, #"\.\d{1,3}(?: \d{1,3})*\s+"#, #"(?:,\d{3})+"#, #"(?:\(\p{L}+\))*"#, #"(?:-[^-\n]{1,5})+"#,
  ])
  func safe(pattern: String) {
    #expect(Self.isSafe(pattern))
  }

  @Test("repetitions that can be cut more than one way are not", arguments: [
    // No opening literal; the opening matched inside; a quantified element followed by one it
    // can match, by a class, or by nothing fixed; a group inside.
    #"(?:\d+\d+)+"#, #"(?:a\w+)+"#, #"(?:\[.+\])+"#, #"(?:x[^y]+y)+"#, #"(?:\[\d+\d\])+"#, #"(?: \d+\s)+"#, #"(?:\[(?:\d+)\])+"#,
    #"(?:\[\d*\d*\])+"#,
  ])
  func unsafe(pattern: String) {
    #expect(!Self.isSafe(pattern))
  }
}
