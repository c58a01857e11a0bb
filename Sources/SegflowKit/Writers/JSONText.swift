/// JSON string escaping that keeps real characters (`"党建"`, not `"\u515a\u5efa"`), escaping
/// only what JSON requires and the invisible line separators.
public enum JSONText {
  public static func quoted(_ text: String) -> String {
    var result = "\""
    result.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}", "\u{2029}", "\u{200B}", "\u{FEFF}":
        result += hexEscape(scalar.value)
      default:
        if scalar.value < 0x20 { result += hexEscape(scalar.value) } else { result.unicodeScalars.append(scalar) }
      }
    }
    result += "\""
    return result
  }

  static func hexEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
