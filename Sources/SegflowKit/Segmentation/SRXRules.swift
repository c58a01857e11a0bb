import Foundation
import SegflowICU

/// The rules of an SRX 2.0 file (LISA's Segmentation Rules eXchange, the format Okapi, OmegaT
/// and memoQ exchange): ordered break / no-break rules per language.
///
/// Which rules apply to a language: each `<languagemap>` whose `languagepattern` fully matches
/// the language code (e.g. `zh-Hans`) contributes its `<languagerule>`, in file order; with
/// `cascade="no"` only the first matching map does (SRX 2.0 § 2.5).
public struct SRXRules: Sendable, Hashable {
  /// Where the rules came from (a path, or `built-in`), for messages.
  public var file: String
  /// `segmentsubflows`: kept for round trips; Segflow's text has no inline sub-flows.
  public var segmentSubflows: Bool
  public var cascade: Bool
  public var languageRules: [SRXLanguageRule]
  public var maps: [SRXLanguageMap]

  public init(file: String, segmentSubflows: Bool = true, cascade: Bool = false, languageRules: [SRXLanguageRule], maps: [SRXLanguageMap]) {
    self.file = file
    self.segmentSubflows = segmentSubflows
    self.cascade = cascade
    self.languageRules = languageRules
    self.maps = maps
  }

  /// Reads and checks the SRX file at `path`: every regular expression is compiled once, so a
  /// bad rule fails here, not in the middle of a batch.
  public static func load(path: String) throws(SRXError) -> SRXRules {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SRXError(file: path, message: "cannot read the SRX file (missing or unreadable)")
    }
    return try parse(data, file: path)
  }

  /// Parses SRX 2.0 from `data`; `file` names it in errors. External entities and DTDs are
  /// never loaded.
  public static func parse(_ data: Data, file: String) throws(SRXError) -> SRXRules {
    let rules = try SRXParser.parse(data, file: file)
    try rules.validate()
    return rules
  }

  /// Compiles every pattern, throwing the first that ICU rejects.
  public func validate() throws(SRXError) {
    for map in maps {
      do {
        _ = try ICURegex(map.pattern)
      } catch {
        throw SRXError(file: file, line: map.line, message: "languagepattern of the languagemap for '\(map.ruleName)': \(error)")
      }
      if !languageRules.contains(where: { $0.name == map.ruleName }) {
        throw SRXError(file: file, line: map.line, message: "languagemap names the languagerule '\(map.ruleName)', which the file does not define")
      }
    }
    for languageRule in languageRules {
      for (index, rule) in languageRule.rules.enumerated() {
        for (field, pattern) in [("beforebreak", rule.beforeBreak), ("afterbreak", rule.afterBreak)] where !pattern.isEmpty {
          do {
            _ = try ICURegex(pattern)
          } catch {
            throw SRXError(file: file, line: rule.line, message: "rule \(index + 1) of languagerule '\(languageRule.name)': \(field) \(error)")
          }
        }
      }
    }
  }

  /// The rules for `language` (a BCP 47 tag), in the order they apply.
  public func rules(for language: String) -> [SRXRule] {
    var result: [SRXRule] = []
    for map in maps where Self.fullyMatches(map.pattern, language) {
      if let languageRule = languageRules.first(where: { $0.name == map.ruleName }) {
        result += languageRule.rules
      }
      if !cascade { break }
    }
    return result
  }

  /// Whether `pattern` matches all of `text` (SRX language patterns are anchored).
  static func fullyMatches(_ pattern: String, _ text: String) -> Bool {
    guard let regex = try? ICURegex(pattern, options: .caseInsensitive) else { return false }
    let units = Array(text.utf16)
    do {
      try regex.setText(units)
      return try regex.match(at: 0, limit: units.count) == units.count
    } catch {
      return false
    }
  }
}
