import Testing
import SegflowICU

/// ``WordRuleStatus/init(ruleStatus:)`` finds the range by dividing by 100; it must give what the
/// ranges of `UWordBreak` say for every status, negative and large ones included.
@Suite struct WordRuleStatusTests {
  static func byRanges(_ status: Int32) -> WordRuleStatus {
    switch status {
    case 100..<200: .number
    case 200..<300: .letter
    case 300..<400: .kana
    case 400..<500: .ideographic
    default: .none
    }
  }

  @Test("the status of every rule status from -1,000 to 1,000 and at the extremes is its range's")
  func statusByRange() {
    let statuses: [Int32] = Array(-1_000...1_000) + [.min, .min + 1, -101, -100, -99, 499, 500, 501, .max - 1, .max]
    for status in statuses {
      #expect(WordRuleStatus(ruleStatus: status) == Self.byRanges(status), "rule status \(status)")
    }
  }
}
