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
