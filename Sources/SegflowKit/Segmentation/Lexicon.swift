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
  /// Counts from frequency lists (`word<TAB>count`, jieba's `word count tag`), for words and
  /// single characters alike; empty for plain word lists.
  public private(set) var frequencies: [String: Double] = [:]
  /// The sum of ``frequencies``.
  public private(set) var totalFrequency: Double = 0
  /// The smallest positive count read (a duplicate's smaller count included): what a word
  /// known without a count, or an unknown word, is taken to have been seen.
  public private(set) var minimumFrequency: Double = .infinity

  /// Whether the word layer scores readings with unigram costs (−log p) instead of counting
  /// words.
  public var hasFrequencies: Bool { totalFrequency > 0 }

  public init() {}

  public init(words: some Sequence<String>, forced: Bool = false) {
    for word in words { insert(word, forced: forced) }
  }

  public var isEmpty: Bool { words.isEmpty }
  public var count: Int { words.count }

  /// Adds `word` (trimmed, NFC as given); one-scalar words add nothing a tokenizer needs, and
  /// word-list entries that start or end with CJK punctuation are dropped.
  public mutating func insert(_ raw: String, forced isForced: Bool = false, frequency: Double? = nil) {
    let word = String(Self.trimmed(Substring(raw)))
    let scalars = Array(word.unicodeScalars)
    if let frequency, frequency.isFinite, frequency >= 0, !scalars.isEmpty {
      // A duplicate keeps its larger count.
      let old = frequencies[word] ?? 0
      if frequency > old {
        frequencies[word] = frequency
        totalFrequency += frequency - old
      }
      if frequency > 0 { minimumFrequency = min(minimumFrequency, frequency) }
    }
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
    // The common case (the first file of a pipeline): nothing to merge.
    if words.isEmpty, singles.isEmpty, frequencies.isEmpty {
      self = other
      return
    }
    for word in other.words { insert(word, forced: other.forced.contains(word), frequency: other.frequencies[word]) }
    singles.formUnion(other.singles)
    // Counts of entries that are not words (single characters, dropped junk).
    for (word, frequency) in other.frequencies where !other.words.contains(word) { insert(word, frequency: frequency) }
  }

  public func contains(_ word: String) -> Bool { words.contains(word) }

  /// Whether some word starts with `prefix` and is longer than it.
  public func hasLonger(_ prefix: String) -> Bool { prefixes.contains(prefix) }

  // MARK: - Reading files

  /// Reads a lexicon, choosing the format by extension: `.tbx` (TBX terms), `.csv` (first
  /// column), anything else one word per line, or a frequency list (see ``parseList(_:file:)``).
  /// A BOM, CRLF line ends, blank lines and duplicates are accepted.
  public static func load(path: String) throws(LexiconError) -> Lexicon {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LexiconError(file: path, message: "cannot read the lexicon (missing or unreadable)")
    }
    let lower = path.lowercased()
    if lower.hasSuffix(".tbx") { return try parseTBX(data, file: path) }
    guard let text = String(data: data, encoding: .utf8) else {
      throw LexiconError(file: path, message: "the lexicon is not UTF-8")
    }
    return lower.hasSuffix(".csv") ? parseCSV(text) : try parseList(text, file: path)
  }

  /// One word per line, or a frequency list.
  ///
  /// The file is a *frequency list* when the second column of its first line is a number:
  /// columns are separated by a tab (`word<TAB>count`), or, in a line without a tab, by spaces
  /// (jieba's `word count tag`); further columns are ignored. Every line of a frequency list
  /// must then carry a count that is a finite number ≥ 0 (`1234`, `0.5`, `1e-6`): a missing or
  /// bad one is an error naming the file and line. Otherwise each line is a word and text after
  /// a tab is ignored.
  ///
  /// - Throws: ``LexiconError`` for a bad or missing count in a frequency list.
  public static func parseList(_ text: String, file: String = "<word list>") throws(LexiconError) -> Lexicon {
    var lexicon = Lexicon()
    var isFrequencyList: Bool?
    for (number, line) in numberedLines(of: text) {
      let columns: [Substring] = line.utf8.contains(9)
        ? line.split(separator: "\t", omittingEmptySubsequences: false)
        : line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
      if isFrequencyList == nil {
        isFrequencyList = columns.count >= 2 && frequency(columns[1]) != nil
      }
      guard isFrequencyList == true else {
        let word = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        lexicon.insert(word)
        continue
      }
      guard columns.count >= 2 else {
        throw LexiconError(file: file, line: number, message: "no frequency after '\(line.trimmingCharacters(in: .whitespaces))' (the first line makes this a frequency list: word<TAB>count)")
      }
      let field = trimmed(columns[1])
      guard let count = frequency(Substring(field)) else {
        throw LexiconError(file: file, line: number, message: "bad frequency '\(field)': expected a finite number ≥ 0")
      }
      lexicon.insert(String(columns[0]), frequency: count)
    }
    return lexicon
  }

  /// A count: a finite decimal number ≥ 0.
  static func frequency(_ field: Substring) -> Double? {
    let number = trimmed(field)
    guard let first = number.unicodeScalars.first, ("0"..."9").contains(first) || first == ".",
      let value = Double(number), value.isFinite, value >= 0
    else { return nil }
    return value
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

  /// `text` without white space (and line ends) at either end; without Foundation, which is
  /// slow here (a dictionary has hundreds of thousands of lines).
  static func trimmed(_ text: Substring) -> Substring {
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return text[text.endIndex...] }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? start
    return Substring(scalars[start...last])
  }

  /// The non-blank lines of `text` with their 1-based line numbers (a BOM is skipped; CRLF,
  /// LF and CR end lines).
  static func numberedLines(of text: String) -> [(Int, Substring)] {
    var body = Substring(text)
    if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
    return body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { index, line in
      line.allSatisfy(\.isWhitespace) ? nil : (index + 1, line)
    }
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
