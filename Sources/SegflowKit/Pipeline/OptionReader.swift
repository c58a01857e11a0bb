import Yams

/// Collects the problems of a pipeline file while it is read, so all are reported at once.
final class ConfigDiagnostics {
  let file: String
  private(set) var issues: [ConfigIssue] = []

  init(file: String) {
    self.file = file
  }

  func error(_ message: String, at mark: Mark?) {
    issues.append(ConfigIssue(file: file, line: mark?.line, column: mark?.column, message: message))
  }
}

/// Reads one YAML mapping of options, checking types and reporting unknown keys with the list
/// of valid ones.
public final class OptionReader {
  let mapping: Node.Mapping?
  let owner: String
  let diagnostics: ConfigDiagnostics
  let mark: Mark?
  private var known: [String] = []

  init(_ node: Node?, owner: String, diagnostics: ConfigDiagnostics) {
    self.owner = owner
    self.diagnostics = diagnostics
    self.mark = node?.mark
    switch node {
    case .none: mapping = nil
    case .some(.mapping(let map)): mapping = map
    case .some(.scalar(let scalar)) where scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null":
      mapping = nil
    case .some(let other):
      mapping = nil
      diagnostics.error("the options of \(owner) must be a mapping of key: value", at: other.mark)
    }
  }

  private func value(_ key: String) -> Node? {
    known.append(key)
    return mapping?[key]
  }

  /// A string option.
  public func string(_ key: String, default fallback: String) -> String {
    guard let node = value(key) else { return fallback }
    guard let text = node.scalar?.string else {
      diagnostics.error("'\(key)' of \(owner) must be a string", at: node.mark)
      return fallback
    }
    return text
  }

  /// An optional string option.
  public func optionalString(_ key: String) -> String? {
    guard let node = value(key) else { return nil }
    guard let text = node.scalar?.string else {
      diagnostics.error("'\(key)' of \(owner) must be a string", at: node.mark)
      return nil
    }
    return text
  }

  /// A string or a list of strings (absent: empty).
  public func stringList(_ key: String) -> [String] {
    guard let node = value(key) else { return [] }
    if let text = node.scalar?.string { return text.isEmpty ? [] : [text] }
    if let items = node.sequence {
      var result: [String] = []
      for item in items {
        guard let text = item.scalar?.string else {
          diagnostics.error("'\(key)' of \(owner) must be a string or a list of strings", at: item.mark)
          continue
        }
        result.append(text)
      }
      return result
    }
    diagnostics.error("'\(key)' of \(owner) must be a string or a list of strings", at: node.mark)
    return []
  }

  /// A boolean option (`true`/`false`).
  public func bool(_ key: String, default fallback: Bool) -> Bool {
    guard let node = value(key) else { return fallback }
    guard let flag = node.bool else {
      diagnostics.error("'\(key)' of \(owner) must be true or false, not '\(node.string ?? "?")'", at: node.mark)
      return fallback
    }
    return flag
  }

  /// An integer option within `range`.
  public func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
    guard let node = value(key) else { return fallback }
    guard let number = node.int, range.contains(number) else {
      diagnostics.error("'\(key)' of \(owner) must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: node.mark)
      return fallback
    }
    return number
  }

  /// One of a fixed set of values.
  public func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) -> T where T.RawValue == String {
    guard let node = value(key) else { return fallback }
    let valid = T.allCases.map(\.rawValue)
    guard let text = node.scalar?.string, let choice = T(rawValue: text) ?? T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
      diagnostics.error("'\(key)' of \(owner) must be one of \(valid.joined(separator: ", ")); got '\(node.string ?? "?")'", at: node.mark)
      return fallback
    }
    return choice
  }

  /// Reports keys that no reader asked for.
  public func finish() {
    guard let mapping else { return }
    for (key, _) in mapping {
      let name = key.string ?? "?"
      if !known.contains(name) {
        let valid = known.isEmpty ? "it takes no options" : "valid keys: \(known.joined(separator: ", "))"
        diagnostics.error("unknown key '\(name)' in \(owner); \(valid)", at: key.mark)
      }
    }
  }
}
