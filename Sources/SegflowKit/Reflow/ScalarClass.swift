import SegflowICU

/// The classes of characters that line-flow repair reasons about.
enum ScalarClass: UInt8, Sendable {
  /// Han, kana, hangul, bopomofo: joined without spaces.
  case ideograph
  /// Full-width CJK punctuation and symbols (`，。、“”《》…`).
  case cjkPunctuation
  case latinLetter
  case digit
  /// Other half-width characters: ASCII punctuation, symbols.
  case other
  case space

  /// True for characters of CJK text (no spaces between them in running text).
  var isCJK: Bool { self == .ideograph || self == .cjkPunctuation }
  /// True for characters of Latin-script words and numbers.
  var isWordLike: Bool { self == .latinLetter || self == .digit }

  init(_ scalar: Unicode.Scalar) {
    let value = scalar.value
    if value < 0x80 {
      switch value {
      case 0x30...0x39: self = .digit
      case 0x41...0x5A, 0x61...0x7A: self = .latinLetter
      case 0x09, 0x20: self = .space
      default: self = .other
      }
      return
    }
    if scalar == "\u{3000}" || scalar == "\u{00A0}" || scalar == "\u{2009}" || scalar == "\u{202F}" {
      self = .space
      return
    }
    if scalar.properties.isWhitespace { self = .space; return }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark:
      switch scalar.scriptCode {
      case "Hani", "Hira", "Kana", "Hang", "Bopo": self = .ideograph
      default: self = scalar.eastAsianWidth.columns == 2 ? .ideograph : .latinLetter
      }
    case .decimalNumber:
      self = scalar.eastAsianWidth == .fullwidth ? .ideograph : .digit
    case .otherNumber, .letterNumber:
      self = scalar.eastAsianWidth.columns == 2 ? .ideograph : .digit
    default:
      // Punctuation and symbols: CJK when typeset full width (wide, fullwidth, or the ambiguous
      // quotes, dashes and ellipsis that Chinese fonts set full width).
      self = scalar.eastAsianWidth.columns == 2 ? .cjkPunctuation : .other
    }
  }

  /// Display width in half-width units (a CJK character is 2).
  static func width(_ scalar: Unicode.Scalar) -> Int {
    if scalar.value < 0x80 { return 1 }
    return scalar.eastAsianWidth.columns
  }
}

/// Punctuation sets from W3C clreq ("prohibition rules for line start/end") and sentence ends.
enum Punctuation {
  /// Never at the start of a line in real typesetting.
  static let noLineStart: Set<Unicode.Scalar> = Set("、，。．：；！？”’」』）〕］｝】〗》〉～·・‧/／!?),.:;%…—".unicodeScalars)
  /// Never at the end of a line in real typesetting.
  static let noLineEnd: Set<Unicode.Scalar> = Set("“‘「『（〔［｛【〖《〈(".unicodeScalars)
  /// Ends a sentence.
  static let terminal: Set<Unicode.Scalar> = Set("。！？!?．…".unicodeScalars)
  /// Latin sentence end (only when followed by nothing on the line).
  static let latinTerminal: Set<Unicode.Scalar> = Set(".!?".unicodeScalars)
  /// Closing marks that may follow a sentence end (`。”`).
  static let closing: Set<Unicode.Scalar> = Set("”’」』）〕］｝】〗》〉)\"'".unicodeScalars)
  /// Punctuation inside a sentence: a line containing one is body text, not a heading.
  static let clauseInternal: Set<Unicode.Scalar> = Set("，。；：！？、,;".unicodeScalars)
  /// A line ending with one of these continues on the next line.
  static let continuing: Set<Unicode.Scalar> = Set("，、；：,;:—".unicodeScalars)
}
