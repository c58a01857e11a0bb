/// Whether a space separates two pieces of text laid out next to each other: only between
/// Latin-script or numeric characters. CJK text takes none (gaps there are justification or
/// CJK–Latin glue, never text), and no space goes inside brackets.
enum TextJoin {
  static func needsSpace(after last: Unicode.Scalar, before first: Unicode.Scalar) -> Bool {
    let left = ScalarClass(last)
    let right = ScalarClass(first)
    if left.isCJK || right.isCJK || left == .space || right == .space { return false }
    if "([{/-".unicodeScalars.contains(last) { return false }
    if ")]}/,.;:!?%".unicodeScalars.contains(first) { return false }
    return true
  }

  /// Latin ligatures that fonts map to one character (`ﬀ` in `eﬀect`) spelled out: poppler
  /// keeps them as the font's ToUnicode says.
  static func expandLigatures(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { (0xFB00...0xFB06).contains($0.value) }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFB00: result.append(contentsOf: "ff".unicodeScalars)
      case 0xFB01: result.append(contentsOf: "fi".unicodeScalars)
      case 0xFB02: result.append(contentsOf: "fl".unicodeScalars)
      case 0xFB03: result.append(contentsOf: "ffi".unicodeScalars)
      case 0xFB04: result.append(contentsOf: "ffl".unicodeScalars)
      case 0xFB05, 0xFB06: result.append(contentsOf: "st".unicodeScalars)
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  /// `38.` + `28`, `4,` + `000`: a number set in two pieces (e.g. digits turned upright in
  /// vertical text) takes no space.
  static func continuesNumber(_ previous: String, _ next: String) -> Bool {
    let tail = Array(previous.unicodeScalars.suffix(2))
    guard let mark = tail.last, ".,".unicodeScalars.contains(mark), let first = next.unicodeScalars.first else { return false }
    // The mark ends a number, or starts the line (the number's first part ended the previous one).
    return ScalarClass(first) == .digit && (tail.count == 1 || ScalarClass(tail[0]) == .digit)
  }

  /// The separator between two lines of one block: nothing between CJK, one space between
  /// Latin words.
  static func lineSeparator(_ previous: String, _ next: String) -> String {
    guard let last = previous.unicodeScalars.last, let first = next.unicodeScalars.first else { return "" }
    return needsSpace(after: last, before: first) ? " " : ""
  }

  /// Whether the hyphen ending `previous` only broke a word at the line end (`Compre-` /
  /// `hensive`) and goes: both sides are lowercase Latin letters, and the document does not
  /// spell the pair with a hyphen elsewhere (`price-determining`), unless it also spells it
  /// without one. `known` holds the document's Latin words, hyphenated ones whole.
  static func dropsHyphen(_ previous: String, _ next: String, known: Set<String>) -> Bool {
    let tail = Array(previous.unicodeScalars.suffix(2))
    guard tail.count == 2, tail[1] == "-", ScalarClass(tail[0]) == .latinLetter, tail[0].properties.isLowercase,
          let first = next.unicodeScalars.first, ScalarClass(first) == .latinLetter, first.properties.isLowercase else { return false }
    let before = String(String.UnicodeScalarView(previous.unicodeScalars.dropLast().reversed().prefix { ScalarClass($0) == .latinLetter }.reversed()))
    let after = String(String.UnicodeScalarView(next.unicodeScalars.prefix { ScalarClass($0) == .latinLetter }))
    let joined = (before + after).lowercased()
    let hyphenated = (before + "-" + after).lowercased()
    if known.contains(joined) { return true }
    return !known.contains(hyphenated)
  }

  /// Latin words of `text`, lowercased, with inner hyphens kept (`price-determining`).
  static func latinWords(_ text: String, into words: inout Set<String>) {
    var current = String.UnicodeScalarView()
    func flush() {
      while let last = current.last, last == "-" { current.removeLast() }
      if current.count > 1 { words.insert(String(current).lowercased()) }
      current = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if ScalarClass(scalar) == .latinLetter || (scalar == "-" && !current.isEmpty) { current.append(scalar) } else { flush() }
    }
    flush()
  }
}
