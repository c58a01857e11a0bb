import Foundation
import Testing

@testable import SegflowKit

/// A slice of the public golden rules (../shared/data/golden_rules), run in-process. The full
/// pass rates come from scripts/eval-segmentation.
@Suite(.enabled(if: Fixtures.hasSharedData)) struct GoldenRulesSliceTests {
  struct Case: Decodable {
    var id: String
    var input: String
    var expected: [String]
  }

  struct File: Decodable {
    var cases: [Case]
  }

  /// Cases the default rules pass today; a regression fails here.
  static let slice: [String: [String]] = [
    "zh": ["ps-zh-001", "ps-zh-002"],
    "ja": ["ps-ja-001", "ps-ja-002", "ps-ja-003", "ps-ja-004", "ps-ja-006"],
    "en": ["ps-en-001", "ps-en-004", "ps-en-005", "ps-en-011", "ps-en-014", "ps-en-016", "ps-en-022", "ps-en-031", "ps-en-039", "ps-en-044", "ps-en-045", "ps-en-050", "ps-en-051", "ps-en-052", "ps-en-065", "ps-en-068", "ps-en-056", "ps-en-130", "ps-en-161", "ps-en-018", "ps-en-066", "ps-en-121"],
  ]

  @Test("golden rules slice", arguments: ["zh", "ja", "en"])
  func slice(language: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.sharedData + "/golden_rules/golden_rules_\(language).json"))
    let cases = try JSONDecoder().decode(File.self, from: data).cases
    let pipeline = try DefaultRulesTests.pipeline(language)
    for id in Self.slice[language] ?? [] {
      let item = try #require(cases.first { $0.id == id })
      let segments = try Fixtures.process(item.input + "\n", pipeline: pipeline).segments.map { $0.text.trimmingCharacters(in: .whitespaces) }
      #expect(segments == item.expected.map { $0.trimmingCharacters(in: .whitespaces) }, "\(id)")
    }
  }
}
