internal import CICU

/// A Unicode script as ICU numbers it (`UScriptCode`, whose values ICU never renumbers).
///
/// For code that classifies many scalars: ``Unicode/Scalar/scriptCode`` builds a string for
/// each, which was a fifth of building reflow's table of all 65,536 BMP scalars.
public struct UnicodeScript: RawRepresentable, Hashable, Sendable {
  public let rawValue: Int32

  public init(rawValue: Int32) { self.rawValue = rawValue }

  public static let bopomofo = UnicodeScript(rawValue: 5)
  public static let han = UnicodeScript(rawValue: 17)
  public static let hangul = UnicodeScript(rawValue: 18)
  public static let hiragana = UnicodeScript(rawValue: 20)
  public static let katakana = UnicodeScript(rawValue: 22)

  /// The ISO 15924 short name, e.g. `Hani`.
  public var shortName: String { String(cString: CICU_scriptShortName(rawValue)) }
}

public extension Unicode.Scalar {
  /// The scalar's script (the Script property, not Script_Extensions), as ICU reports it.
  var script: UnicodeScript { UnicodeScript(rawValue: CICU_script(value)) }
}
