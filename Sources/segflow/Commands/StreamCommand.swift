import ArgumentParser
import Foundation
import SegflowKit

/// `segflow stream`: JSON Lines in, segment records out, one record at a time.
///
/// The contract that lets Spark (`RDD.pipe`), Hadoop Streaming or any job runner scale Segflow:
/// each input line `{"id": …, "text": …}` yields its segment records on standard output,
/// flushed before the next line is read. A bad line yields `{"error": …, "line": n}` and the
/// stream goes on; the exit status is 0 unless the command line or pipeline is bad.
struct StreamCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stream",
    abstract: "Read {\"id\", \"text\"} JSON Lines on standard input; write segment records as JSON Lines.",
    discussion: "Optional per-record \"lang\" overrides the pipeline's language. Errors are records: {\"error\": …, \"id\": …, \"line\": n}."
  )

  @OptionGroup var pipelineOptions: PipelineOptions

  func run() throws {
    let pipeline = try pipelineOptions.load()
    let context = StageContext()
    var number = 0
    while let line = readLine(strippingNewline: true) {
      number += 1
      if line.allSatisfy(\.isWhitespace) { continue }
      var output = ""
      switch StreamRecord.parse(line) {
      case .failure(let message):
        output = StreamRecord.error(message, id: nil, line: number)
      case .success(let record):
        var document = Document(name: record.id, path: "stdin:\(number)", bytes: Array(record.text.utf8), language: record.lang ?? pipeline.language)
        do throws(DocumentError) {
          try pipeline.process(&document, context: context)
          for segment in document.segments { output += JSONLWriter.record(segment, document: record.id) + "\n" }
        } catch {
          output = StreamRecord.error(error.message, id: record.id, line: number)
        }
      }
      FileHandle.standardOutput.write(Data(output.utf8))
    }
  }
}

/// One input record of `segflow stream`.
struct StreamRecord {
  var id: String
  var text: String
  var lang: String?

  enum Parsed {
    case success(StreamRecord)
    case failure(String)
  }

  static func parse(_ line: String) -> Parsed {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
      return .failure("not a JSON object")
    }
    let id: String
    switch object["id"] {
    case let text as String: id = text
    case let number as NSNumber: id = number.stringValue
    default: return .failure("missing \"id\" (a string or number)")
    }
    guard let text = object["text"] as? String else { return .failure("missing \"text\" (a string)") }
    if text.allSatisfy(\.isWhitespace) { return .failure("\"text\" is empty") }
    let lang = object["lang"] as? String
    if let lang, !Language.isWellFormed(lang) { return .failure("\"lang\" is not a BCP 47 tag") }
    return .success(StreamRecord(id: id, text: text, lang: lang))
  }

  static func error(_ message: String, id: String?, line: Int) -> String {
    "{\"error\":\(JSONText.quoted(message)),\"id\":\(id.map(JSONText.quoted) ?? "null"),\"line\":\(line)}\n"
  }
}
