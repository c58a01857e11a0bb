import Testing

@testable import SegflowKit

/// `Byline.matches` settles a line from its first five characters before cutting it into
/// tokens; it must agree with the tokens read as first written.
@Suite struct BylineMatchesTests {
  /// The test as first written: every line that starts with a role's first character is cut into
  /// tokens.
  static func reference(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ lower: Int, _ upper: Int) -> Bool {
    guard upper - lower < 48, Byline.roleInitials.contains(scalars[lower]) else { return false }
    var tokens: [Byline.Token] = []
    var start = lower
    for position in lower...(upper + 1) {
      if position > upper || ScalarClass(scalars[position]) == .space {
        if start < position { tokens.append(scalars[start..<position]) }
        start = position + 1
      }
    }
    guard let first = tokens.first, tokens.count <= 6 else { return false }
    let rest = tokens.dropFirst()
    if Byline.isBylineToken(first) {
      return rest.allSatisfy { Byline.isBylineToken($0) || Byline.isSpacedName($0) }
    }
    guard first.count <= 4 else { return false }
    let role = Byline.string(first)
    return Byline.spacedRoles.contains(role) && !rest.isEmpty && rest.allSatisfy { Byline.isBylineToken($0) || Byline.isSpacedName($0) }
  }

  /// Both readings of `text` (no leading or trailing space), which must agree; returns the new one.
  @discardableResult
  func expectAgreement(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    return scalars.withUnsafeBufferPointer { buffer in
      let fast = Byline.matches(buffer, 0, buffer.count - 1)
      #expect(fast == Self.reference(buffer, 0, buffer.count - 1), "\(text)")
      return fast
    }
  }

  @Test("examples: bylines with a separator, spaced roles, and lines that start like a role")
  func examples() {
    #expect(expectAgreement("文/宁杰"))
    #expect(expectAgreement("记者：张三 李四"))
    #expect(expectAgreement("本报记者 张三"))
    #expect(expectAgreement("图/李四 文/王五"))
    #expect(!expectAgreement("本报讯今天上午"))
    #expect(!expectAgreement("文化 建设"))
    #expect(!expectAgreement("记者"))
  }

  @Test("random lines of roles, separators, spaces and names agree with the tokens read whole")
  func randomLines() {
    let pieces = ["文", "图", "摄", "记者", "本报记者", "通讯员", "编辑", "/", "：", ":", " ", " ", "张", "三", "李", "四", "·", "、", "。", "a"]
    var generator = SystemRandomNumberGenerator()
    var matched = 0
    for _ in 0..<5000 {
      var text = ""
      for _ in 0..<Int.random(in: 1...10, using: &generator) { text += pieces.randomElement(using: &generator)! }
      var trimmed = Substring(text)
      while trimmed.first == " " { trimmed.removeFirst() }
      while trimmed.last == " " { trimmed.removeLast() }
      guard !trimmed.isEmpty else { continue }
      if expectAgreement(String(trimmed)) { matched += 1 }
    }
    // (Random lines that are bylines too, or the agreement says little.)
    #expect(matched > 50)
  }

  @Test("the switch of role initials is the set of the roles' first characters")
  func roleInitialsAgree() {
    var mismatches: [String] = []
    for value in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if Byline.isRoleInitial(scalar) != Byline.roleInitials.contains(scalar) { mismatches.append(String(value, radix: 16)) }
    }
    #expect(mismatches.isEmpty, "differ at U+\(mismatches.prefix(20).joined(separator: ", U+"))")
    #expect(Byline.isRoleInitial("记"))
    #expect(!Byline.isRoleInitial("\u{20000}"))
  }
}
