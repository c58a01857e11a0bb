// segflow-bench FILE [REPEATS]: throughput of bare ICU sentence and word iteration and of each
// Segflow stage over the same bytes, single-threaded, as MB/s and as ratios. Used by scripts/bench;
// build with -c release for meaningful figures.
import Foundation
import SegflowICU
import SegflowKit

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The best of `repeats` runs (least disturbed by the rest of the machine).
func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
  var result = Double.infinity
  for _ in 0..<repeats { result = min(result, try seconds(body)) }
  return result
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
  FileHandle.standardError.write(Data("usage: segflow-bench FILE [REPEATS]\n".utf8))
  exit(2)
}
let repeats = arguments.count >= 3 ? Int(arguments[2]) ?? 3 : 3
let bytes = Array(data)
let megabytes = Double(bytes.count) / 1_000_000
do {
let pipeline = try PipelineLoader.parse(
  """
  version: 1
  language: zh
  stages: [decode, normalize, reflow, segment, tokenize]
  """, file: "bench")

func rate(_ time: Double) -> Double { megabytes / time }

var report: [(String, Double)] = []

// Bare ICU: one pass of each iterator over all the bytes.
let sentences = try BreakIterator(.sentence, locale: "zh")
let words = try BreakIterator(.word, locale: "zh")
var count = 0
let icuSentence = try best(repeats) {
  try bytes.withUnsafeBufferPointer { buffer in try sentences.forEachBoundary(in: buffer) { _, _ in count += 1 } }
}
let icuWord = try best(repeats) {
  try bytes.withUnsafeBufferPointer { buffer in try words.forEachBoundary(in: buffer) { _, _ in count += 1 } }
}
report.append(("icu.sentence", rate(icuSentence)))
report.append(("icu.word", rate(icuWord)))

// Each stage on its own, then end to end.
let context = StageContext()
var stageTimes: [String: Double] = [:]
var document = Document(name: "bench", path: "bench", bytes: bytes, language: "zh")
for stage in pipeline.stages {
  let before = document
  var after = document
  stageTimes[stage.name] = try best(repeats) {
    after = before
    try stage.run(&after, context: context)
  }
  document = after
}
let writerContext = WriterContext(sourceLanguage: "zh", targetLanguage: "en")
// The translation-file writers (the review page is for people, a few documents at a time).
let writers = WriterRegistry.all.filter { $0 is any StreamingSegmentWriter }
for writer in writers {
  stageTimes["write." + writer.name] = try best(repeats) { _ = try writer.render(document, context: writerContext) }
}
for stage in pipeline.stages.map(\.name) + writers.map({ "write." + $0.name }) {
  report.append(("stage." + stage, rate(stageTimes[stage] ?? .infinity)))
}
let withoutTokens = ["decode", "normalize", "reflow", "segment", "write.jsonl"].reduce(0) { $0 + (stageTimes[$1] ?? 0) }
let withTokens = withoutTokens + (stageTimes["tokenize"] ?? 0)
report.append(("pipeline.sentences", rate(withoutTokens)))
report.append(("pipeline.words", rate(withTokens)))

print(String(format: "input: %.1f MB, %d segments, best of %d runs, one thread", megabytes, document.segments.count, repeats))
for (name, value) in report { print(name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%9.1f MB/s", value)) }
print(String(format: "ratio pipeline.words / icu.word         %.2f  (target >= 0.8)", rate(withTokens) / rate(icuWord)))
print(String(format: "ratio pipeline.sentences / icu.sentence %.2f  (target >= 0.5)", rate(withoutTokens) / rate(icuSentence)))
} catch {
  FileHandle.standardError.write(Data("segflow-bench: \(error)\n".utf8))
  exit(1)
}
