import Testing

@testable import SegflowKit

/// `WidthDetails` hashes a key by its widths and the length of its rule's name: rules whose names
/// have the same length must still get their own details, each made once.
@Suite struct WidthDetailsTests {
  @Test("same widths, names of the same length: a detail each, formatted once")
  func sameLengthNames() {
    var details = WidthDetails()
    var made = 0
    let rules = ["column-change", "terminal-both", "short-colonxx"]
    for _ in 0..<3 {
      for rule in rules {
        for (first, second) in [(24, 28), (28, 24), (0, 0), (-1, 64)] {
          let detail = details.detail(rule, first, second) { "\(rule) \($0) \($1)" }
          #expect(detail == "\(rule) \(first) \(second)")
        }
      }
    }
    var counted = WidthDetails()
    for rule in rules {
      _ = counted.detail(rule, 24, 28) { _, _ in made += 1; return rule }
      _ = counted.detail(rule, 24, 28) { _, _ in made += 1; return rule }
    }
    #expect(made == rules.count)
  }
}
