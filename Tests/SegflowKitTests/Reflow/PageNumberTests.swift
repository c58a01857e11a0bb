import Testing

@testable import SegflowKit

/// `PageNumber.matches` gathers the characters in an array; it must agree with the reading
/// through a string's scalar view.
@Suite struct PageNumberTests {
  /// The test as first written.
  static func reference(_ text: String) -> Bool {
    let compact = text.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "—" && $0 != "–" }
    guard !compact.isEmpty, compact.count <= 8 else { return false }
    var view = String.UnicodeScalarView(compact)
    if view.first == "第" { view.removeFirst() }
    if let last = view.last, "版页".unicodeScalars.contains(last) { view.removeLast() }
    return !view.isEmpty && view.allSatisfy { $0.properties.numericType != nil && $0.value < 0x80 }
  }

  @Test("page numbers and near misses", arguments: [
    "12", "- 12 -", "第12版", "第 3 页", "第版", "第", "版", "１２", "12345678", "123456789", "- 1 2 3 4 5 6 7 8 -",
    "第1234567版", "第12345678版", "12a", "—3—", "第三版", "3页页", "", " - ",
  ])
  func examples(_ text: String) {
    #expect(PageNumber.matches(text) == Self.reference(text))
  }
}
