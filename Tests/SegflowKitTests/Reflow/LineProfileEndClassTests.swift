import Testing

@testable import SegflowKit

/// A profile keeps the classes of its first and last characters; they must be the class
/// table's, also in a Latin line, whose decoded classes demote ambiguous marks to `other`.
@Suite struct LineProfileEndClassTests {
  @Test("first and last classes are ScalarClass(first) and ScalarClass(last)", arguments: [
    "“This is it,” he said.", "said, “This", "中文“引号”", "“引号”", "…", "——完——", "abc ’", "（注）", "5G SA", "韩국어 “문장”", "𠀀字𠀁",
  ])
  func endClasses(_ text: String) {
    let profile = LineProfile(index: 0, text: text, removeCJKLatinSpaces: true)!
    #expect(profile.firstClass == ScalarClass(profile.first))
    #expect(profile.lastClass == ScalarClass(profile.last))
  }
}
