/// BCP 47 tags written the way the registry recommends, so that the header and every unit of a
/// file spell a language the same way (`zh-hant-tw` → `zh-Hant-TW`). Tools compare tags by
/// string more often than they should.
public enum LanguageTag {
  public static func canonical(_ tag: String) -> String {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let first = parts.first else { return tag }
    var result = [first.lowercased()]
    for part in parts.dropFirst() {
      if part.count == 4, part.allSatisfy(\.isLetter) {
        result.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
      } else if part.count == 2, part.allSatisfy(\.isLetter) {
        result.append(part.uppercased())
      } else {
        result.append(part.lowercased())
      }
    }
    return result.joined(separator: "-")
  }

  /// Equal ignoring case, as BCP 47 says tags compare.
  public static func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
}
