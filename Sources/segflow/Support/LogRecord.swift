import ArgumentParser
import SegflowKit

/// `--log-format`.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// Machine-readable log lines (`--log-format json`): one JSON object per line on standard error.
enum LogRecord {
  static func document(_ result: DocumentResult) -> String {
    var fields = [
      "\"event\":\"document\"",
      "\"name\":\(JSONText.quoted(result.input.name))",
      "\"path\":\(JSONText.quoted(result.input.path))",
      "\"ok\":\(result.error == nil)",
      "\"skipped\":\(result.skipped)",
      "\"segments\":\(result.segments)",
      "\"bytes\":\(result.bytes)",
    ]
    if let error = result.error { fields += errorFields(error) }
    if !result.warnings.isEmpty { fields.append("\"warnings\":[" + result.warnings.map(JSONText.quoted).joined(separator: ",") + "]") }
    return "{" + fields.joined(separator: ",") + "}"
  }

  static func failure(_ error: DocumentError) -> String {
    "{" + (["\"event\":\"document\"", "\"path\":\(JSONText.quoted(error.path))", "\"ok\":false"] + errorFields(error)).joined(separator: ",") + "}"
  }

  static func summary(_ summary: RunSummary) -> String {
    "{\"event\":\"summary\",\"documents\":\(summary.results.count + summary.inputErrors.count),\"succeeded\":\(summary.succeeded),\"failed\":\(summary.failures.count),\"skipped\":\(summary.skipped),\"segments\":\(summary.segments),\"seconds\":\(summary.seconds)}"
  }

  static func errorFields(_ error: DocumentError) -> [String] {
    var fields = ["\"error\":\(JSONText.quoted(error.message))"]
    if let line = error.line { fields.append("\"line\":\(line)") }
    if let byte = error.byte { fields.append("\"byte\":\(byte)") }
    return fields
  }
}
