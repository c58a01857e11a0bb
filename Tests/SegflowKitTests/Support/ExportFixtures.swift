import Foundation
import SegflowKit

/// Documents that stress the writers, and a test translator.
enum ExportFixtures {
  /// Markup characters, emoji, Latin inside Chinese, a C0 control XML forbids.
  static let trickyChinese = "标题：<&>\"'测试\n\n第一句包含emoji😀和iPhone 15。第二句有控制符\u{01}吗？\n\nEnglish words mixed 中文 here. 最后一句！\n"
  /// English, with white space between sentences (XLIFF ignorables).
  static let trickyEnglish = "Mr. Smith said <hello> & \"bye\". It's fine!  Next sentence here? Yes.\n\nA second paragraph & more.\n"

  /// The seed and the tricky documents, processed.
  static func documents() throws -> [Document] {
    var result: [Document] = []
    let pipeline = try Fixtures.defaultPipeline()
    if let seed = Fixtures.seeds.first {
      let text = String(decoding: try Fixtures.bytes("seeds/" + seed), as: UTF8.self)
      result.append(try Fixtures.process(text, pipeline: pipeline, name: (seed as NSString).deletingPathExtension))
    }
    result.append(try Fixtures.process(trickyChinese, pipeline: pipeline, name: "tricky-zh"))
    let english = try PipelineLoader.load(path: Fixtures.path("pipelines/plain-en.yaml"))
    result.append(try Fixtures.process(trickyEnglish, pipeline: english, name: "tricky-en"))
    return result
  }

  static func context(_ document: Document, targets: [String: String] = [:]) -> WriterContext {
    WriterContext(sourceLanguage: document.language, targetLanguage: document.language.hasPrefix("zh") ? "en" : "de", targets: targets)
  }

  /// The test translator: wraps a segment in markers that survive every format.
  static func translate(_ source: String) -> String { "[[" + source + "]]" }

  /// What merge must give when every segment is translated by ``translate(_:)``.
  static func expectedMerge(_ document: Document, transform: (String) -> String = translate) -> String {
    document.units.map { unit in unit.segments.map { transform($0.text) + $0.trailing }.joined() + "\n" }.joined()
  }

  /// `text` as XLIFF 1.2 and TMX carry it: forbidden characters replaced with U+FFFD.
  static func replacingForbidden(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { XMLText.isForbidden($0) ? "\u{FFFD}" : $0 }))
  }
}
