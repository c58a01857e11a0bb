/// Optional clean-up of text pasted from web pages, CAT tools and PDF dumps before segmentation
/// (the `clean` option of the `normalize` stage). Each step removes a kind of noise that is not
/// part of any sentence; none of them looks at particular words.
///
/// Per line, in order:
/// 1. line breaks written as text (`\r\n`, `\ r \ n`, `\n`) become a space;
/// 2. HTML/XML tags (`<p class="x">`, `</em>`), escaped tags (`&lt;b&gt;`) and CAT-tool inline
///    codes in braces that hold angle brackets (`{b^>1<b^}`) are removed;
/// 3. a TeX/Penn Treebank opening quote `` ` `` before a letter becomes `'` (``` `` ``` becomes `"`);
/// 4. a table-of-contents dot leader at the end of a line is removed with the page number after
///    it (`About Me.......5`; `the left-hand bit....` keeps its ellipsis); a run of four or more dots
///    between two words becomes a space (`dots........please`; `that.... She` is an ellipsis);
/// 5. a rule of four or more `/ = _ ~ # -` becomes a space (`////Header////`);
/// 6. three or more spaces or tabs that touch a word (a letter or digit on either side) become
///    one space (two are kept: they are often deliberate); between two symbols they are layout
///    and stay (the spaced stars of a section break, `*       *       *`);
///
/// and across lines:
/// 7. a run of four or more lines of one or two capital letters each, a word printed one letter
///    a line (`W` `A` `RN` `I` `NG`), is joined into one word;
/// 8. line breaks inside a sentence are joined: in `text` mode a line that ends in white space
///    and a next line starting with a lower-case letter or `(`; in `pdf` mode every line followed
///    by a line starting with a lower-case letter (extracted text breaks anywhere); in both, a
///    line starting with `.` `,` `;` `:` is glued to the line before (`pricing` + `.`), and a
///    line ending in a Japanese case particle (`の を に が へ と で`), which cannot end a
///    sentence, is glued to a next line starting with a CJK character (`父の` + `家です`; a line
///    ending in `です` may be a title and stays).
///
/// Dropped and joined lines are left blank, so line numbers still point into the source.
public enum TextCleaner {
  public enum Mode: String, Sendable, CaseIterable {
    /// No cleaning.
    case none
    /// Typed or web text.
    case text
    /// Text extracted from PDF: also joins any line break before a lower-case word.
    case pdf
  }

  /// Cleans `lines` in place; lines whose text changed are marked not verbatim.
  public static func clean(_ lines: inout [SourceLine], mode: Mode) {
    guard mode != .none else { return }
    var texts = lines.map(\.text)
    for index in texts.indices {
      let original = texts[index]
      texts[index] = cleanLine(removeTrailingLeader(original))
    }
    joinLetterRuns(&texts)
    joinBrokenSentences(&texts, mode: mode)
    for index in lines.indices where texts[index] != lines[index].text {
      lines[index].text = texts[index]
      lines[index].isVerbatim = false
    }
  }

  nonisolated(unsafe) private static let literalBreak = #/ *(?:\\ ?r ?\\ ?n|\\n(?![A-Za-z])|\\r(?![A-Za-z])) */#
  nonisolated(unsafe) private static let tag = #/<\/?[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<>]*)?\/?>/#
  nonisolated(unsafe) private static let escapedTag = #/&lt;\/?[A-Za-z][^&<>]*&gt;/#
  nonisolated(unsafe) private static let inlineCode = #/\{[^{}\s]*(?:[<>]|&[lg]t;)[^{}\s]*\}/#
  nonisolated(unsafe) private static let texQuotes = #/``/#
  nonisolated(unsafe) private static let texQuote = #/(^|[\s(\[])`(?=\p{L})/#
  nonisolated(unsafe) private static let dots = #/(\w)\.{4,}(?=\w)/#
  nonisolated(unsafe) private static let ruleRun = #/(?:/{4,}|={4,}|_{4,}|~{4,}|#{4,}|-{4,})/#
  nonisolated(unsafe) private static let leaderAtEnd = #/\s*\.{4,}\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*$/#

  static func cleanLine(_ line: String) -> String {
    var text = line
    if text.contains("\\") { text = text.replacing(literalBreak, with: " ") }
    if text.contains("<") || text.contains("&") || text.contains("{") {
      text = text.replacing(tag, with: "").replacing(escapedTag, with: "").replacing(inlineCode, with: "")
    }
    if text.contains("`") { text = text.replacing(texQuotes, with: "\"").replacing(texQuote) { String($0.output.1) + "'" } }
    if text.contains("....") { text = text.replacing(dots) { String($0.output.1) + " " } }
    text = text.replacing(ruleRun, with: " ")
    return collapseSpaceRuns(text)
  }

  /// `line` with each run of three or more spaces or tabs that touches a word (a letter or digit
  /// just before or just after it) replaced by one space. A run with a symbol or the line's end
  /// on both sides is kept: an ornament's spacing (a dinkus `*       *       *`) is layout, not
  /// noise between words.
  static func collapseSpaceRuns(_ line: String) -> String {
    guard hasSpaceRun(line) else { return line }
    let scalars = Array(line.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      guard isSpaceOrTab(scalars[index]) else {
        result.append(scalars[index])
        index += 1
        continue
      }
      var end = index
      while end < scalars.count, isSpaceOrTab(scalars[end]) { end += 1 }
      let touchesWord = (index > 0 && isWordScalar(scalars[index - 1])) || (end < scalars.count && isWordScalar(scalars[end]))
      if end - index >= 3 && touchesWord {
        result.append(" ")
      } else {
        result.append(contentsOf: scalars[index..<end])
      }
      index = end
    }
    return String(result)
  }

  /// Whether `line` holds three spaces or tabs in a row (checked on UTF-8 bytes, so lines
  /// without one, nearly all, are not decoded).
  private static func hasSpaceRun(_ line: String) -> Bool {
    var run = 0
    for byte in line.utf8 {
      run = byte == 0x20 || byte == 0x09 ? run + 1 : 0
      if run == 3 { return true }
    }
    return false
  }

  private static func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

  /// A letter or a digit: a character a word is made of.
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// The line without a table-of-contents leader and page number at its end.
  static func removeTrailingLeader(_ line: String) -> String {
    guard line.contains("....") else { return line }
    return line.replacing(leaderAtEnd, with: "")
  }

  static func joinLetterRuns(_ texts: inout [String]) {
    func isLetters(_ text: String) -> Bool {
      let trimmed = Self.trimmed(text)
      return (1...2).contains(trimmed.count) && trimmed.allSatisfy { $0.isUppercase && $0.isLetter }
    }
    var index = 0
    while index < texts.count {
      var end = index
      while end < texts.count, isLetters(texts[end]) { end += 1 }
      if end - index >= 4 {
        texts[index] = texts[index..<end].map { Self.trimmed($0) }.joined()
        for other in (index + 1)..<end { texts[other] = "" }
      }
      index = max(end, index + 1)
    }
  }

  static func joinBrokenSentences(_ texts: inout [String], mode: Mode) {
    var target: Int? = nil
    for index in texts.indices {
      let text = texts[index]
      guard let first = text.first(where: { !$0.isWhitespace }) else {
        target = nil
        continue
      }
      if let into = target, text.first == first {
        let previous = texts[into]
        let before = trimmed(previous)
        if let last = before.unicodeScalars.last, let next = text.unicodeScalars.first,
          ".,;:".unicodeScalars.contains(next) && !before.hasSuffix(".")
            || particles.contains(last) && isCJK(next)
        {
          texts[into] = before + text
          texts[index] = ""
          continue
        }
        let joins = mode == .pdf
          ? first.isLowercase
          : (previous.last?.isWhitespace ?? false) && (first.isLowercase || first == "(")
        if joins {
          texts[into] = before + " " + text
          texts[index] = ""
          continue
        }
      }
      target = index
    }
  }

  /// Japanese case particles: a line ending in one goes on.
  static let particles = ScalarSet("のをにがへとで")

  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    let kind = ScalarClass(scalar)
    return kind == .ideograph || (kind == .cjkPunctuation && scalar.eastAsianWidth != .ambiguous)
  }

  static func trimmed(_ text: String) -> String {
    var scalars = Substring(text)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}
