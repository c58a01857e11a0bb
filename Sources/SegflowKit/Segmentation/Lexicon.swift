import Foundation

/// Words the word layer should keep whole: a user word list, or glossary terms.
///
/// Word-list entries are candidates (the layer picks the fewest-words reading); glossary terms
/// (from CSV or TBX) are *forced*: wherever one occurs it becomes one token, so a term is never
/// split.
public struct Lexicon: Sendable, Hashable {
  public private(set) var words: Set<String> = []
  /// Every proper prefix of a word, so matching stops as soon as no word can follow.
  private var prefixes: Set<String> = []
  /// Glossary terms that must never be split.
  public private(set) var forced: Set<String> = []
  /// The longest word, in Unicode scalars.
  public private(set) var maxLength = 0
  /// One-character entries of word lists (`新`, `是`): not words the lattice needs, but evidence
  /// that the character stands alone in the list's convention.
  public private(set) var singles: Set<Unicode.Scalar> = []

  public init() {}

  public init(words: some Sequence<String>, forced: Bool = false) {
    for word in words { insert(word, forced: forced) }
  }

  public var isEmpty: Bool { words.isEmpty }
  public var count: Int { words.count }

  /// Adds `word` (trimmed, NFC as given); one-scalar words add nothing a tokenizer needs, and
  /// word-list entries that start or end with CJK punctuation are dropped.
  public mutating func insert(_ raw: String, forced isForced: Bool = false) {
    let word = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    let scalars = Array(word.unicodeScalars)
    if scalars.count == 1, let only = scalars.first, !only.properties.generalCategory.isPunctuation, !only.isASCII {
      singles.insert(only)
    }
    guard scalars.count >= 2 else { return }
    // Word lists extracted from corpora carry junk such as "，还": a listed word never starts
    // or ends with CJK punctuation (glossary terms may: 《人民日报》).
    if !isForced, let first = scalars.first, let last = scalars.last, [first, last].contains(where: { !$0.isASCII && $0.properties.generalCategory.isPunctuation }) {
      return
    }
    words.insert(word)
    if isForced { forced.insert(word) }
    maxLength = max(maxLength, scalars.count)
    var prefix = String.UnicodeScalarView()
    for scalar in scalars.dropLast() {
      prefix.append(scalar)
      prefixes.insert(String(prefix))
    }
  }

  /// Adds every word of `other`.
  public mutating func formUnion(_ other: Lexicon) {
    for word in other.words { insert(word, forced: other.forced.contains(word)) }
    singles.formUnion(other.singles)
  }

  public func contains(_ word: String) -> Bool { words.contains(word) }

  /// Whether some word starts with `prefix` and is longer than it.
  public func hasLonger(_ prefix: String) -> Bool { prefixes.contains(prefix) }

  // MARK: - Reading files

  /// Reads a lexicon, choosing the format by extension: `.tbx` (TBX terms), `.csv` (first
  /// column), anything else one word per line (text after a tab is ignored, so frequency lists
  /// work). A BOM, CRLF line ends, blank lines and duplicates are accepted.
  public static func load(path: String) throws(LexiconError) -> Lexicon {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LexiconError(file: path, message: "cannot read the lexicon (missing or unreadable)")
    }
    let lower = path.lowercased()
    if lower.hasSuffix(".tbx") { return try parseTBX(data, file: path) }
    guard let text = String(data: data, encoding: .utf8) else {
      throw LexiconError(file: path, message: "the lexicon is not UTF-8")
    }
    return lower.hasSuffix(".csv") ? parseCSV(text) : parseList(text)
  }

  /// One word per line.
  public static func parseList(_ text: String) -> Lexicon {
    var lexicon = Lexicon()
    for line in lines(of: text) {
      let word = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
      lexicon.insert(word)
    }
    return lexicon
  }

  /// The first column of a CSV glossary (RFC 4180 quoting); a header cell named `term`,
  /// `source` or `word` is skipped. Terms are forced.
  public static func parseCSV(_ text: String) -> Lexicon {
    var lexicon = Lexicon()
    for (index, line) in lines(of: text).enumerated() {
      let cell = firstCSVCell(line).trimmingCharacters(in: .whitespaces)
      if index == 0, ["term", "source", "word", "zh", "en"].contains(cell.lowercased()) { continue }
      lexicon.insert(cell, forced: true)
    }
    return lexicon
  }

  /// The `<term>` elements of a TBX file, in every language. Terms are forced.
  public static func parseTBX(_ data: Data, file: String) throws(LexiconError) -> Lexicon {
    try TBXTermReader.terms(in: data, file: file)
  }

  static func lines(of text: String) -> [Substring] {
    var body = Substring(text)
    if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
    // "\r\n" is one Character in Swift, so splitting on newlines handles CRLF too.
    return body.split(whereSeparator: \.isNewline)
  }

  static func firstCSVCell(_ line: Substring) -> String {
    var cell = ""
    var quoted = false
    var index = line.startIndex
    if index < line.endIndex, line[index] == "\"" {
      quoted = true
      index = line.index(after: index)
    }
    while index < line.endIndex {
      let character = line[index]
      if quoted {
        if character == "\"" {
          let next = line.index(after: index)
          if next < line.endIndex, line[next] == "\"" {
            cell.append("\"")
            index = line.index(after: next)
            continue
          }
          return cell
        }
      } else if character == "," || character == ";" || character == "\t" {
        return cell
      }
      cell.append(character)
      index = line.index(after: index)
    }
    return cell
  }
}
