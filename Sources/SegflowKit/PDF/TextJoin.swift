/// Whether a space separates two pieces of text laid out next to each other: only between
/// Latin-script or numeric characters. CJK text takes none (gaps there are justification or
/// CJK–Latin glue, never text), and no space goes inside brackets.
enum TextJoin {
  static func needsSpace(after last: Unicode.Scalar, before first: Unicode.Scalar) -> Bool {
    let left = ScalarClass(last)
    let right = ScalarClass(first)
    if left.isCJK || right.isCJK || left == .space || right == .space { return false }
    if "([{/".unicodeScalars.contains(last) { return false }
    if ")]}/,.;:!?%".unicodeScalars.contains(first) { return false }
    return true
  }

  /// `38.` + `28`, `4,` + `000`: a number set in two pieces (e.g. digits turned upright in
  /// vertical text) takes no space.
  static func continuesNumber(_ previous: String, _ next: String) -> Bool {
    let tail = Array(previous.unicodeScalars.suffix(2))
    guard let mark = tail.last, ".,".unicodeScalars.contains(mark), let first = next.unicodeScalars.first else { return false }
    // The mark ends a number, or starts the line (the number's first part ended the previous one).
    return ScalarClass(first) == .digit && (tail.count == 1 || ScalarClass(tail[0]) == .digit)
  }

  /// Joins two lines of one block: nothing between CJK, one space between Latin words, and a
  /// line-final hyphen between two lowercase letters removed (a word broken at the line end).
  static func joinLines(_ previous: String, _ next: String) -> (separator: String, dropLast: Bool) {
    let scalars = Array(previous.unicodeScalars.suffix(2))
    if scalars.count == 2, scalars[1] == "-", scalars[0].properties.isLowercase,
       let first = next.unicodeScalars.first, first.properties.isLowercase {
      return ("", true)
    }
    guard let last = previous.unicodeScalars.last, let first = next.unicodeScalars.first else { return ("", false) }
    return (needsSpace(after: last, before: first) ? " " : "", false)
  }
}
