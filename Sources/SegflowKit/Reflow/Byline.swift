/// Recognises author lines of Chinese newspapers: `文/宁杰`, `记者：张三`, `图/李四 文/王五`.
enum Byline {
  static let roles: [String] = [
    "本报记者", "责任编辑", "特约记者", "通讯员", "记者", "撰文", "撰稿", "作者", "摄影", "图文", "文图",
    "编辑", "责编", "来源", "文", "图", "摄",
  ]
  static let separators = ScalarSet("/／:：|｜")

  /// The scalar index where a byline starts: a whole line that is a byline, or the last tokens
  /// of a line after a sentence end (`…积蓄更多力量。 文/宁杰`).
  static func start(in scalars: [Unicode.Scalar], tokens: [Range<Int>]) -> Int? {
    for first in tokens.indices {
      if first > 0 {
        // Only after a sentence end: `记者` in running text is not a byline.
        let previous = tokens[first - 1]
        guard LineProfile.endsSentence(scalars[previous]) else { continue }
      }
      if tokens[first...].allSatisfy({ isBylineToken(scalars[$0]) || isName(scalars[$0]) }),
        isBylineToken(scalars[tokens[first]])
      {
        return tokens[first].lowerBound
      }
    }
    return nil
  }

  /// `文/宁杰`: a role, a separator, a short name.
  static func isBylineToken(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let separator = token.firstIndex(where: { separators.contains($0) }) else { return false }
    let role = String(String.UnicodeScalarView(token[token.startIndex..<separator]))
    guard roles.contains(role) else { return false }
    let name = token[(separator + 1)...]
    return !name.isEmpty && isName(name)
  }

  /// One to eight Han characters or middle dots (`宁杰`, `阿·木`), or a short Latin name.
  static func isName(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
    guard (1...8).contains(token.count) else { return false }
    return token.allSatisfy { ScalarClass($0) == .ideograph || $0 == "·" || $0 == "、" }
  }
}
