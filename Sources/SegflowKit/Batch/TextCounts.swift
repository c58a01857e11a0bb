import Foundation

import SegflowICU

/// Volume figures for quoting and planning: characters first (the unit for Chinese and
/// Japanese), ICU words, and the GMX-V logographic word estimate.
public struct TextCounts: Sendable, Equatable {
  /// How the figures are made, written next to them in `run.json`.
  public static let method = "characters: Unicode scalars of the segments and the white space between them; charactersNoSpaces: without white space; charactersNoPunctuation: without white space and punctuation (general category P*, the primary count for CJK); words: ICU word-break tokens with a word rule status (letters, numbers, kana, ideographs), punctuation and spaces excluded; logographicWords: GMX-V logographic estimate = charactersNoPunctuation / 2.8 for zh, / 3.0 for ja, / 3.3 for ko, null for other languages"

  public var characters = 0
  public var charactersNoSpaces = 0
  public var charactersNoPunctuation = 0
  public var words = 0
  /// nil for languages GMX-V does not treat as logographic.
  public var logographicWords: Double?

  public init() {}

  /// GMX-V's characters-per-word factor for a language, or nil.
  public static func logographicFactor(_ language: String) -> Double? {
    switch language.split(separator: "-").first.map({ $0.lowercased() }) ?? "" {
    case "zh", "yue", "wuu", "lzh": 2.8
    case "ja": 3.0
    case "ko": 3.3
    default: nil
    }
  }

  /// Counts a processed document's segments. Words come from the tokenize stage when it ran,
  /// otherwise from an ICU word iterator of `context`.
  public static func measure(_ document: Document, context: StageContext) throws -> TextCounts {
    var counts = TextCounts()
    var iterator: BreakIterator?
    func add(_ text: String) {
      for scalar in text.unicodeScalars {
        counts.characters += 1
        if ScalarTraits.isWhitespace(scalar) { continue }
        counts.charactersNoSpaces += 1
        if !ScalarTraits.isPunctuation(scalar) { counts.charactersNoPunctuation += 1 }
      }
    }
    for segment in document.segments {
      add(segment.text)
      add(segment.trailing)
      if let tokens = segment.tokens {
        counts.words += tokens.count { $0.type != .none }
      } else {
        if iterator == nil { iterator = try context.iterator(.word, locale: Language.icuLocale(document.language)) }
        if let iterator {
          counts.words += try WordSplitter(iterator: iterator).tokens(of: segment.text).count { $0.type != .none }
        }
      }
    }
    if let factor = logographicFactor(document.language) {
      counts.logographicWords = (Double(counts.charactersNoPunctuation) / factor * 10).rounded() / 10
    }
    return counts
  }

  /// Adds the counts of another part of the same document (a chunk of a large one).
  public mutating func add(_ other: TextCounts, language: String) {
    characters += other.characters
    charactersNoSpaces += other.charactersNoSpaces
    charactersNoPunctuation += other.charactersNoPunctuation
    words += other.words
    if let factor = Self.logographicFactor(language) {
      logographicWords = (Double(charactersNoPunctuation) / factor * 10).rounded() / 10
    }
  }

  public static func + (a: TextCounts, b: TextCounts) -> TextCounts {
    var sum = TextCounts()
    sum.characters = a.characters + b.characters
    sum.charactersNoSpaces = a.charactersNoSpaces + b.charactersNoSpaces
    sum.charactersNoPunctuation = a.charactersNoPunctuation + b.charactersNoPunctuation
    sum.words = a.words + b.words
    switch (a.logographicWords, b.logographicWords) {
    case (nil, nil): sum.logographicWords = nil
    default: sum.logographicWords = (((a.logographicWords ?? 0) + (b.logographicWords ?? 0)) * 10).rounded() / 10
    }
    return sum
  }

  /// The figures as a JSON object, keys sorted.
  public var json: String {
    let logographic = logographicWords.map { String(format: "%.1f", $0) } ?? "null"
    return "{\"characters\":\(characters),\"charactersNoPunctuation\":\(charactersNoPunctuation),\"charactersNoSpaces\":\(charactersNoSpaces),\"logographicWords\":\(logographic),\"words\":\(words)}"
  }
}
