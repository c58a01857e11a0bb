// segflow-bench FILE [REPEATS]: throughput of bare ICU sentence and word iteration and of each
// Segflow stage over the same bytes, single-threaded, and of `segflow run` end to end with one
// job and with every core, as MB/s and as ratios. Used by scripts/bench;
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

// Warm-up, untimed: each side's one-time set-up (ICU's dictionaries, Segflow's character tables
// and compiled rules) happens on first use, so both run once over the first 64 KB before any
// figure is taken, as the peers' scripts initialize jieba before timing it.
let warmUp = Array(bytes.prefix(64 * 1024).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().joined(separator: [UInt8(ascii: "\n")]))
try warmUp.withUnsafeBufferPointer { buffer in
  try sentences.forEachBoundary(in: buffer) { _, _ in count += 1 }
  try words.forEachBoundary(in: buffer) { _, _ in count += 1 }
}
var warmUpDocument = Document(name: "warm-up", path: "warm-up", bytes: warmUp, language: "zh")
try pipeline.process(&warmUpDocument, context: StageContext())
_ = try JSONLWriter().renderBytes(warmUpDocument, context: WriterContext(sourceLanguage: "zh", targetLanguage: "en"))
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
/// The document as a pipeline without a tokenize stage leaves it (segments, no words).
var sentenceDocument = document
for stage in pipeline.stages {
  if stage.name == "tokenize" { sentenceDocument = document }
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
// Timed as files are written (`renderBytes`, as `segflow run` and `export` call them): `render`
// makes a string of the bytes, checking every byte once more.
for writer in writers {
  stageTimes["write." + writer.name] = try best(repeats) { _ = try writer.renderBytes(document, context: writerContext) }
}
// JSONL of the segments alone, as a pipeline without words writes it (the writers above write
// the words too).
stageTimes["write.jsonl.sentences"] = try best(repeats) { _ = try JSONLWriter().renderBytes(sentenceDocument, context: writerContext) }
for stage in pipeline.stages.map(\.name) + writers.map({ "write." + $0.name }) + ["write.jsonl.sentences"] {
  report.append(("stage." + stage, rate(stageTimes[stage] ?? .infinity)))
}
let withoutTokens = ["decode", "normalize", "reflow", "segment", "write.jsonl.sentences"].reduce(0) { $0 + (stageTimes[$1] ?? 0) }
let withTokens = ["decode", "normalize", "reflow", "segment", "tokenize", "write.jsonl"].reduce(0) { $0 + (stageTimes[$1] ?? 0) }
report.append(("pipeline.sentences", rate(withoutTokens)))
report.append(("pipeline.words", rate(withTokens)))

// End to end as `segflow run` does it (BatchRunner: a document over 8 MB is read and processed
// in chunks, run counts, the JSONL file written), with one job and with every core.
let cores = ProcessInfo.processInfo.activeProcessorCount
let sentencePipeline = pipeline.truncated(after: "segment")
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: scratch) }
func endToEnd(_ pipeline: Pipeline, jobs: Int) async throws -> Double {
  var time = Double.infinity
  for _ in 0..<repeats {
    let runner = BatchRunner(pipeline: pipeline, outputDirectory: scratch, writers: [JSONLWriter()], jobs: jobs)
    let start = DispatchTime.now().uptimeNanoseconds
    let results = await runner.run([InputDocument(path: arguments[1], name: "bench")])
    time = min(time, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    if let error = results.first?.error { throw error }
  }
  return rate(time)
}
let runSentences1 = try await endToEnd(sentencePipeline, jobs: 1)
let runWords1 = try await endToEnd(pipeline, jobs: 1)
let runSentencesAll = try await endToEnd(sentencePipeline, jobs: cores)
let runWordsAll = try await endToEnd(pipeline, jobs: cores)
report.append(("run.sentences.jobs1", runSentences1))
report.append(("run.words.jobs1", runWords1))
report.append(("run.sentences.jobs\(cores)", runSentencesAll))
report.append(("run.words.jobs\(cores)", runWordsAll))

print(String(format: "input: %.1f MB, %d segments, best of %d runs; stages and pipeline.* one thread, run.* end to end (BatchRunner, JSONL)", megabytes, document.segments.count, repeats))
for (name, value) in report { print(name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%9.1f MB/s", value)) }
func ratio(_ name: String, _ value: Double, _ target: String) {
  print("ratio " + name.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%6.2f  (target %@)", value, target))
}
ratio("pipeline.words / icu.word", rate(withTokens) / rate(icuWord), ">= 0.8")
ratio("pipeline.sentences / icu.sentence", rate(withoutTokens) / rate(icuSentence), ">= 0.5")
ratio("run.words.jobs1 / icu.word", runWords1 / rate(icuWord), ">= 0.8")
ratio("run.sentences.jobs1 / icu.sentence", runSentences1 / rate(icuSentence), ">= 0.5")
ratio("run.words.jobs\(cores) / icu.word", runWordsAll / rate(icuWord), "> 1: all cores beat bare ICU")
ratio("run.sentences.jobs\(cores) / icu.sentence", runSentencesAll / rate(icuSentence), "> 1: all cores beat bare ICU")
ratio("run.words.jobs\(cores) / run.words.jobs1", runWordsAll / runWords1, "speed-up on \(cores) cores")
} catch {
  FileHandle.standardError.write(Data("segflow-bench: \(error)\n".utf8))
  exit(1)
}
