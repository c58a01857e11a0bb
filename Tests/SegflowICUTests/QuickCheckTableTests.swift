import SegflowICU
import Testing

/// `Normalizer.quickCheckYesTable` is built from a UnicodeSet of the two properties, range by
/// range; it must be the table that asking ICU each code point gives.
@Suite struct QuickCheckTableTests {
  @Test("the table from the set is the table asked code point by code point", arguments: NormalizationForm.allCases)
  func setMatchesCodePoints(form: NormalizationForm) {
    let fromSet = Normalizer.quickCheckYesTable(form)
    let byCodePoint = Normalizer.quickCheckYesTableByCodePoint(form)
    let differing = (0..<0x10000).filter { fromSet[$0] != byCodePoint[$0] }
    #expect(differing.isEmpty, "\(form.rawValue): U+\(differing.prefix(5).map { String($0, radix: 16) })")
    // Both outcomes occur (ideographs are stable, combining marks are not).
    #expect(fromSet[0x4E2D] && !fromSet[0x0301])
  }
}
