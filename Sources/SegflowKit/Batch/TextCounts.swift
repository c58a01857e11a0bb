import Foundation

/// Volume figures for quoting and planning: characters first (the unit for Chinese and
/// Japanese), the tokenize stage's words, and the GMX-V logographic word estimate.
public struct TextCounts: Sendable, Equatable {
  /// How the figures are made, written next to them in `run.json`.
  public static let method = "characters: Unicode scalars of the segments and the white space between them; charactersNoSpaces: without white space; charactersNoPunctuation: without white space and punctuation (general category P*, the primary count for CJK); words: the tokenize stage's tokens with a word status (letters, numbers, kana, ideographs), punctuation and spaces excluded, null when the pipeline has no tokenize stage (words are not broken only to be counted: that would cost more than the rest of such a run, and characters are the primary count for CJK); logographicWords: GMX-V logographic estimate = charactersNoPunctuation / 2.8 for zh, / 3.0 for ja, / 3.3 for ko, null for other languages"

  public var characters = 0
  public var charactersNoSpaces = 0
  public var charactersNoPunctuation = 0
  /// The tokenize stage's words; nil when the pipeline has none (see ``method``).
  public var words: Int?
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

  /// Counts a processed document's segments. `words`: whether the pipeline has a tokenize
  /// stage, whose tokens are then counted (otherwise ``words`` stays nil: breaking words only to
  /// count them made a run without words slower than bare ICU word breaking).
  public static func measure(_ document: Document, words: Bool) -> TextCounts {
    measureWithSegmentCharacters(document, words: words).counts
  }

  /// ``measure(_:words:)`` and ``Document/segmentCharacters`` (the segments' characters without
  /// white space, trailing space not included) in one pass over the segments' UTF-8.
  static func measureWithSegmentCharacters(_ document: Document, words: Bool) -> (counts: TextCounts, segmentCharacters: Int) {
    var counts = TextCounts()
    var wordCount = 0
    var segmentCharacters = 0
    var tally = CharacterTally()
    for segment in document.segments {
      segmentCharacters += tally.add(segment.text)
      _ = tally.add(segment.trailing)
      if words, let tokens = segment.tokens { wordCount += tokens.count { $0.type != .none } }
    }
    counts.characters = tally.characters
    counts.charactersNoSpaces = tally.noSpaces
    counts.charactersNoPunctuation = tally.noPunctuation
    if words { counts.words = wordCount }
    if let factor = logographicFactor(document.language) {
      counts.logographicWords = (Double(counts.charactersNoPunctuation) / factor * 10).rounded() / 10
    }
    return (counts, segmentCharacters)
  }

  /// The three character counts, kept in locals while the segments are read.
  struct CharacterTally {
    var characters = 0
    var noSpaces = 0
    var noPunctuation = 0

    /// Whether every scalar from U+4000 to U+9FFF (lead bytes E4–E9: CJK ideographs, most of a
    /// Chinese text) is neither white space nor punctuation, so that those three bytes count as
    /// one of each without decoding. Read from the table, not assumed.
    static let ideographsPlain: Bool = {
      let traits = ScalarTraits.shared
      return (UInt32(0x4000)...0x9FFF).allSatisfy { value in
        let scalar = Unicode.Scalar(value)!
        return !traits.isWhitespace(scalar) && !traits.isPunctuation(scalar)
      }
    }()

    /// Counts `text`; returns its characters without white space.
    mutating func add(_ text: String) -> Int {
      var noSpacesHere = 0
      var copy = text
      let traits = ScalarTraits.shared
      let fastIdeographs = Self.ideographsPlain
      copy.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        // The counter updates of a text's characters (a closure per scalar over the shared
        // decoder cost about a fifth of a run's own work beside the stages).
        while index < count {
          let lead = UInt32(base[index])
          if fastIdeographs, lead &- 0xE4 <= 0xE9 - 0xE4 {
            characters &+= 1
            noSpacesHere &+= 1
            noPunctuation &+= 1
            index &+= 3
            continue
          }
          let (value, width) = UTF8Decoder.decode(base + index)
          index &+= width
          characters &+= 1
          let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
          if traits.isWhitespace(scalar) { continue }
          noSpacesHere &+= 1
          if !traits.isPunctuation(scalar) { noPunctuation &+= 1 }
        }
      }
      noSpaces &+= noSpacesHere
      return noSpacesHere
    }
  }

  /// Adds the counts of another part of the same document (a chunk of a large one).
  public mutating func add(_ other: TextCounts, language: String) {
    characters += other.characters
    charactersNoSpaces += other.charactersNoSpaces
    charactersNoPunctuation += other.charactersNoPunctuation
    words = Self.sum(words, other.words)
    if let factor = Self.logographicFactor(language) {
      logographicWords = (Double(charactersNoPunctuation) / factor * 10).rounded() / 10
    }
  }

  public static func + (a: TextCounts, b: TextCounts) -> TextCounts {
    var sum = TextCounts()
    sum.characters = a.characters + b.characters
    sum.charactersNoSpaces = a.charactersNoSpaces + b.charactersNoSpaces
    sum.charactersNoPunctuation = a.charactersNoPunctuation + b.charactersNoPunctuation
    sum.words = Self.sum(a.words, b.words)
    switch (a.logographicWords, b.logographicWords) {
    case (nil, nil): sum.logographicWords = nil
    default: sum.logographicWords = (((a.logographicWords ?? 0) + (b.logographicWords ?? 0)) * 10).rounded() / 10
    }
    return sum
  }

  /// nil only when both are (no part had words counted).
  static func sum(_ a: Int?, _ b: Int?) -> Int? {
    a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0)
  }

  /// The figures as a JSON object, keys sorted.
  public var json: String {
    let logographic = logographicWords.map { String(format: "%.1f", $0) } ?? "null"
    return "{\"characters\":\(characters),\"charactersNoPunctuation\":\(charactersNoPunctuation),\"charactersNoSpaces\":\(charactersNoSpaces),\"logographicWords\":\(logographic),\"words\":\(words.map(String.init) ?? "null")}"
  }
}
