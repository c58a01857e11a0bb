/// The decision behind a sentence boundary, derived from the segments the segment stage made.
///
/// The segment stage does not (yet) record why it cut: ICU's sentence rules did. The report
/// names that rule `icu-sentence` and rates the boundary by what ends the sentence before it:
/// `。！？` are unambiguous in Chinese, a Latin full stop may end an abbreviation (`Dr.`,
/// `No.`), and a boundary without sentence punctuation comes from a line or paragraph
/// separator ICU saw in the text.
public enum SentenceBoundaryRule {
  public static let rule = "icu-sentence"

  /// The decision for the boundary between `before` and `after` (consecutive segments of one block).
  public static func decision(before: Segment, after: Segment) -> Decision {
    let line = after.source.start.line
    guard let end = terminal(of: before.text) else {
      return Decision(.sentence, rule: rule, confidence: 0.6, line: line, detail: "sentence break without sentence-final punctuation")
    }
    let confidence: Double
    let detail: String
    switch end {
    case "。", "！", "？", "｡", "‼", "⁇", "⁈", "⁉":
      confidence = 0.95
      detail = "the sentence ends with '\(end)'"
    case "!", "?":
      confidence = 0.9
      detail = "the sentence ends with '\(end)'"
    case ".", "．":
      let abbreviation = endsWithShortWord(before.text)
      confidence = abbreviation ? 0.6 : 0.8
      detail = abbreviation ? "a full stop after a short word may end an abbreviation" : "the sentence ends with a full stop"
    case "…", "⋯":
      confidence = 0.75
      detail = "an ellipsis may leave the sentence open"
    default:
      confidence = 0.65
      detail = "the sentence ends with '\(end)', not sentence-final punctuation"
    }
    return Decision(.sentence, rule: rule, confidence: confidence, line: line, detail: detail)
  }

  /// The last character of `text` that is not a closing quote or bracket or white space.
  static func terminal(of text: String) -> Unicode.Scalar? {
    for scalar in text.unicodeScalars.reversed() {
      if scalar.properties.isWhitespace { continue }
      switch scalar.properties.generalCategory {
      case .closePunctuation, .finalPunctuation, .format, .control: continue
      default: break
      }
      if "\"'”’」』".unicodeScalars.contains(scalar) { continue }
      return scalar
    }
    return nil
  }

  /// `Dr.`, `No.`, `U.S.`: one to three letters before the final full stop.
  static func endsWithShortWord(_ text: String) -> Bool {
    var scalars = Array(text.unicodeScalars)
    while let last = scalars.last, last == "." || last == "．" || last.properties.isWhitespace { scalars.removeLast() }
    var letters = 0
    while let last = scalars.last, last.properties.isAlphabetic, last.value < 0x2E80 {
      letters += 1
      scalars.removeLast()
    }
    guard letters > 0 && letters <= 3 else { return false }
    return scalars.last.map { $0.properties.isWhitespace || $0 == "." } ?? true
  }
}
