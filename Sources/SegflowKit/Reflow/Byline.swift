/// Recognises author lines of Chinese newspapers: `文/宁杰`, `记者：张三`, `图/李四 文/王五`,
/// `本报记者 张三`, `通讯员 李四 王五`.
enum Byline {
  static let roles: Set<String> = [
    "本报记者", "责任编辑", "特约记者", "通讯员", "记者", "撰文", "撰稿", "作者", "摄影", "图文", "文图",
    "编辑", "责编", "来源", "文", "图", "摄",
  ]
  /// Roles that may be followed by names after a space instead of a separator (`本报记者 张三`).
  /// One-character roles (`文`, `图`) are left out: `文 张三` is too easily running text.
  static let spacedRoles: Set<String> = [
    "本报记者", "特约记者", "通讯员", "记者", "撰文", "撰稿", "作者", "摄影", "责任编辑", "编辑", "责编",
  ]
  static let separators = ScalarSet("/／:：|｜")
  /// First characters of the roles: a line starting with anything else is no byline, which
  /// settles almost every line without building a string (reflow profiles every line). Read
  /// through ``isRoleInitial(_:)``.
  static let roleInitials = ScalarSet(String(Set(roles.compactMap(\.first))))

  /// ``roleInitials`` as a switch, for the profile's test of every line (`BylineMatchesTests`
  /// checks that they agree): the set, a lazily initialized global, and the call to ``matches``
  /// that asked it were most of the cost of settling a line that is no byline.
  @inline(__always)
  static func isRoleInitial(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    // 本 责 特 通 记 撰 作 摄 图 编 来 文
    case 0x672C, 0x8D23, 0x7279, 0x901A, 0x8BB0, 0x64B0, 0x4F5C, 0x6444, 0x56FE, 0x7F16, 0x6765, 0x6587: return true
    default: return false
    }
  }
  /// A run of non-space scalars of the line being read.
  typealias Token = Slice<UnsafeBufferPointer<Unicode.Scalar>>

  /// The scalar index where a byline starts: the whole of `lower...upper`, or what follows the
  /// line's last sentence end (`…积蓄更多力量。 文/宁杰`, `…球）。通讯员 袁霞华`).
  ///
  /// Linear in the line: a byline holds no sentence end, so only the text after the last one can
  /// be a glued byline. `lastTerminal` is the index of the last ``Punctuation/terminal`` mark in
  /// `lower...upper`, which the caller's pass over the line found.
  ///
  /// (Settled here for most lines, inlined into the profile: a byline starts either the line,
  /// with a role's first character, or after a sentence end before the line's last character.
  /// The call and its prologue, for every line, were 3 M instructions on 2 MB.)
  @inline(__always)
  static func start(in scalars: UnsafeBufferPointer<Unicode.Scalar>, lower: Int, upper: Int, lastTerminal: Int?) -> Int? {
    guard lower <= upper, isRoleInitial(scalars[lower]) || (lastTerminal ?? upper) < upper else { return nil }
    return startAfterTest(in: scalars, lower: lower, upper: upper, lastTerminal: lastTerminal)
  }

  /// ``start(in:lower:upper:lastTerminal:)`` for a line that passed its test.
  @inline(never)
  private static func startAfterTest(in scalars: UnsafeBufferPointer<Unicode.Scalar>, lower: Int, upper: Int, lastTerminal: Int?) -> Int? {
    if isRoleInitial(scalars[lower]), matches(scalars, lower, upper) { return lower }
    guard var start = lastTerminal.map({ $0 + 1 }) else { return nil }
    while start <= upper, Punctuation.closing.contains(scalars[start]) { start += 1 }
    while start <= upper, ScalarClass(scalars[start]) == .space { start += 1 }
    guard start <= upper, start > lower, isRoleInitial(scalars[start]), matches(scalars, start, upper) else { return nil }
    return start
  }

  /// `lower...upper` (no leading or trailing space) is a byline: a role with a name, then more
  /// names or role–name pairs.
  static func matches(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ lower: Int, _ upper: Int) -> Bool {
    guard upper - lower < 48, isRoleInitial(scalars[lower]) else { return false }
    // The first token has its separator among its first five characters, or is a role of at most
    // four characters and a space follows it: without either there, the line is settled before
    // it is cut into tokens (many lines start with a role's first character: `本`, `文`, `记`).
    guard (lower...min(lower + 4, upper)).contains(where: { separators.contains(scalars[$0]) || ScalarClass(scalars[$0]) == .space })
    else { return false }
    var tokens: [Token] = []
    var start = lower
    for position in lower...(upper + 1) {
      if position > upper || ScalarClass(scalars[position]) == .space {
        if start < position { tokens.append(scalars[start..<position]) }
        start = position + 1
      }
    }
    guard let first = tokens.first, tokens.count <= 6 else { return false }
    let rest = tokens.dropFirst()
    if isBylineToken(first) {
      return rest.allSatisfy { isBylineToken($0) || isSpacedName($0) }
    }
    guard first.count <= 4 else { return false }
    let role = string(first)
    return spacedRoles.contains(role) && !rest.isEmpty && rest.allSatisfy { isBylineToken($0) || isSpacedName($0) }
  }

  /// `文/宁杰`: a role, a separator, a short name.
  static func isBylineToken(_ token: Token) -> Bool {
    guard let separator = token.firstIndex(where: { separators.contains($0) }), separator - token.startIndex <= 4 else { return false }
    let role = string(token[token.startIndex..<separator])
    guard roles.contains(role) else { return false }
    let name = token[(separator + 1)...]
    return !name.isEmpty && isName(name)
  }

  /// The characters of a token, appended one by one: the generic conversion of a slice
  /// (`String.UnicodeScalarView(token)`) cost some ten thousand instructions for a role of two
  /// characters.
  static func string(_ token: Token) -> String {
    var text = String.UnicodeScalarView()
    for scalar in token { text.append(scalar) }
    return String(text)
  }

  /// One to eight Han characters or middle dots (`宁杰`, `阿·木`).
  static func isName(_ token: Token) -> Bool {
    guard (1...8).contains(token.count) else { return false }
    return token.allSatisfy { ScalarClass($0) == .ideograph || $0 == "·" || $0 == "、" }
  }

  /// A name standing after a space: two to eight Han characters or middle dots.
  static func isSpacedName(_ token: Token) -> Bool {
    token.count >= 2 && isName(token)
  }
}
