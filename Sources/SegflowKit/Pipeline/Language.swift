/// BCP 47 language tags as Segflow uses them, and the ICU locales they map to.
public enum Language {
  /// The ICU locale for sentence breaking: English and some European languages ask for ICU's
  /// abbreviation suppressions (`Mr.` does not end a sentence). German does not: ICU's German
  /// filter also holds the break after common words (`Uhr.`, `war.`, `mehr.`), so the German
  /// rules of the default SRX file keep its abbreviations instead.
  public static func sentenceLocale(_ tag: String) -> String {
    let icu = icuLocale(tag)
    if icu.hasPrefix("en") || icu.hasPrefix("fr") || icu.hasPrefix("es") || icu.hasPrefix("it") || icu.hasPrefix("pt") || icu.hasPrefix("ru") {
      return icu + "@ss=standard"
    }
    return icu
  }

  /// `zh-Hant-TW` → `zh_Hant_TW`.
  public static func icuLocale(_ tag: String) -> String {
    String(tag.map { $0 == "-" ? "_" : $0 })
  }

  /// Checks the shape of a BCP 47 tag (language, optional script, region, variants).
  public static func isWellFormed(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
    return parts.dropFirst().allSatisfy { part in (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
  }
}
