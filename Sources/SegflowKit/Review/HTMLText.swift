/// HTML escaping for the review pages. Everything taken from a document goes through it, so a
/// document can neither inject markup nor reorder or hide text with invisible characters.
///
/// Bidirectional controls (U+202E, U+2066, …), other format characters, controls and line
/// separators are replaced by a visible marker such as `<U+202E>`: a reviewer must see them,
/// and they must not reorder the page around them.
public enum HTMLText {
  /// Text content: `&`, `<`, `>` and quotes escaped, invisible characters as marker spans.
  ///
  /// `"a<b\u{202E}"` → `a&lt;b<span class="cp" title="U+202E RIGHT-TO-LEFT OVERRIDE">&lt;U+202E&gt;</span>`.
  public static func content(_ text: String) -> String {
    escaped(text) { "<span class=\"cp\" title=\"\(attribute(description($0)))\">&lt;\(code($0))&gt;</span>" }
  }

  /// An attribute value (without the quotes): markup escaped, invisible characters as the text
  /// `<U+202E>` (escaped).
  public static func attribute(_ text: String) -> String {
    escaped(text) { "&lt;\(code($0))&gt;" }
  }

  /// Markup escaped; each invisible character replaced by `invisible`'s rendering of it.
  private static func escaped(_ text: String, invisible: (Unicode.Scalar) -> String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let escaped = markup(scalar) {
        result += escaped
      } else if isInvisible(scalar) {
        result += invisible(scalar)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A relative link to a file: each path component percent-encoded (UTF-8), so a name can
  /// never become a `javascript:` URL, a query or a fragment.
  public static func href(path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      let character = Character(Unicode.Scalar(byte))
      if byte < 0x80 && (character.isLetter || character.isNumber || "-._~/".contains(character)) {
        result.append(character)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return result
  }

  /// Characters a reviewer cannot see or that change the display of their neighbours:
  /// controls, format characters (bidi controls, zero-width characters, soft hyphen), line and
  /// paragraph separators, noncharacters and unassigned code points.
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: return true
    default: return scalar.properties.isNoncharacterCodePoint
    }
  }

  /// `U+202E`.
  public static func code(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// `U+202E RIGHT-TO-LEFT OVERRIDE`.
  static func description(_ scalar: Unicode.Scalar) -> String {
    guard let name = scalar.properties.name ?? scalar.properties.nameAlias else { return code(scalar) }
    return code(scalar) + " " + name
  }

  private static func markup(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "&": return "&amp;"
    case "<": return "&lt;"
    case ">": return "&gt;"
    case "\"": return "&quot;"
    case "'": return "&#39;"
    default: return nil
    }
  }
}
