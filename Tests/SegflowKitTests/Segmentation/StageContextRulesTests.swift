import Testing

@testable import SegflowKit

/// `StageContext.rules(_:for:)` keeps the last language's selection for the next document; it
/// must always give what `SRXRules.rules(for:)` gives, also when the rules or the language change
/// between documents, and when two sets of rules share a file name.
@Suite struct StageContextRulesTests {
  @Test func givesTheSelectionOfTheRulesAskedFor() throws {
    let builtIn = try #require(SRXRules.builtIn)
    var unmapped = builtIn  // same file name, no language maps: nothing selected
    unmapped.maps = []
    let context = StageContext()
    let asked: [(SRXRules, String)] = [
      (builtIn, "zh"), (builtIn, "zh"), (builtIn, "en"), (unmapped, "en"), (builtIn, "en"), (builtIn, "zh-Hans"), (unmapped, "zh"),
    ]
    for (rules, language) in asked {
      #expect(context.rules(rules, for: language) == rules.rules(for: language), "\(language)")
    }
    #expect(!builtIn.rules(for: "en").isEmpty)
    #expect(unmapped.rules(for: "en").isEmpty)
  }
}
