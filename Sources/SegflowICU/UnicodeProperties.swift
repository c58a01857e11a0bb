internal import CICU

/// The Unicode East Asian Width property (UAX #11).
public enum EastAsianWidth: Int32, Sendable {
  case neutral = 0, ambiguous, halfwidth, fullwidth, narrow, wide

  /// Columns a character takes in East Asian typesetting: 2 for wide, fullwidth and (in a CJK
  /// context) ambiguous characters, 1 otherwise.
  public var columns: Int {
    switch self {
    case .wide, .fullwidth, .ambiguous: 2
    default: 1
    }
  }
}

/// Character properties looked up in the system ICU, so they match ICU's breaking.
public extension Unicode.Scalar {
  /// The East Asian Width of this scalar.
  var eastAsianWidth: EastAsianWidth {
    EastAsianWidth(rawValue: CICU_eastAsianWidth(value)) ?? .neutral
  }

  /// The ISO 15924 short name of the scalar's script, e.g. `Hani`, `Latn`, `Zyyy` (common).
  var scriptCode: String { String(cString: CICU_scriptShortName(CICU_script(value))) }

  /// The UAX #14 line-break class, e.g. `ID`, `CL`, `OP`, `NS`.
  var lineBreakClass: String { String(cString: CICU_lineBreakShortName(CICU_lineBreakClass(value))) }

  /// Unicode White_Space, as ICU reports it.
  var isICUWhiteSpace: Bool { CICU_isWhiteSpace(value) != 0 }
}

/// The Unicode General_Category as ICU numbers it (`UCharCategory`, which ICU never renumbers).
///
/// Our own enum rather than the standard library's `Unicode.GeneralCategory`: that one is
/// resilient, so every switch over it went through its value witnesses, which cost more than
/// ICU's lookup when the character tables classify every BMP scalar.
public enum CharacterCategory: Int32, Sendable {
  case unassigned = 0, uppercaseLetter, lowercaseLetter, titlecaseLetter, modifierLetter, otherLetter
  case nonspacingMark, enclosingMark, spacingMark
  case decimalNumber, letterNumber, otherNumber
  case spaceSeparator, lineSeparator, paragraphSeparator
  case control, format, privateUse, surrogate
  case dashPunctuation, openPunctuation, closePunctuation, connectorPunctuation, otherPunctuation
  case mathSymbol, currencySymbol, modifierSymbol, otherSymbol
  case initialPunctuation, finalPunctuation

  /// The seven punctuation categories (P*).
  public var isPunctuation: Bool {
    switch self {
    case .dashPunctuation, .openPunctuation, .closePunctuation, .connectorPunctuation, .otherPunctuation, .initialPunctuation, .finalPunctuation: true
    default: false
    }
  }
}

public extension Unicode.Scalar {
  /// The General_Category, as ICU reports it (`u_charType`): for code that classifies every BMP
  /// scalar once, where the standard library's lookup was about 300 instructions a scalar, most
  /// of building the character tables at each process start; and the same Unicode version as
  /// ICU's breaking.
  var icuCategory: CharacterCategory {
    CharacterCategory(rawValue: CICU_generalCategory(value)) ?? .unassigned
  }

  /// Unicode Alphabetic, as ICU reports it.
  var isICUAlphabetic: Bool { CICU_isAlphabetic(value) != 0 }
}
