// segflow-bench FILE [ROUNDS]: throughput of bare ICU sentence and word iteration and of each
// Segflow stage over the same bytes, single-threaded, and of `segflow run` end to end with one
// job and with every core, as MB/s and as ratios. Used by scripts/bench;
// build with -c release for meaningful figures.
//
// Each round measures everything once, bare ICU first; a ratio is taken within each round, of
// figures measured minutes apart at most, and printed as the median of the rounds with their
// range. (Best-of-N per figure took bare ICU's best and ours from different minutes: on a shared
// machine whose speed drifts by tens of percent, the ratio moved with the drift.)
import Foundation
import SegflowICU
import SegflowKit

/// Seconds since `start`, a reading of `DispatchTime.now().uptimeNanoseconds`. (Timed code is
/// written between two readings, not passed as a closure: a closure over the main actor's
/// iterators and stage context would be sent, which strict concurrency refuses.)
func seconds(since start: UInt64) -> Double {
  Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var clock: UInt64 { DispatchTime.now().uptimeNanoseconds }

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return .nan }
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
  FileHandle.standardError.write(Data("usage: segflow-bench FILE [ROUNDS]\n".utf8))
  exit(2)
}
let rounds = max(1, arguments.count >= 3 ? Int(arguments[2]) ?? 3 : 3)
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

// Bare ICU's iterators.
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
let writerContext = WriterContext(sourceLanguage: "zh", targetLanguage: "en")
// The translation-file writers (the review page is for people, a few documents at a time).
let writers = WriterRegistry.all.filter { $0 is any StreamingSegmentWriter }
let cores = ProcessInfo.processInfo.activeProcessorCount
let sentencePipeline = pipeline.truncated(after: "segment")
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: scratch) }
var segmentCount = 0

/// End to end as `segflow run` does it (BatchRunner: a document over 1 MB is read and processed
/// in chunks of 512 KB, run counts, the JSONL file written): MB/s.
func endToEnd(_ pipeline: Pipeline, jobs: Int) async throws -> Double {
  let runner = BatchRunner(pipeline: pipeline, outputDirectory: scratch, writers: [JSONLWriter()], jobs: jobs)
  let start = clock
  let results = await runner.run([InputDocument(path: arguments[1], name: "bench")])
  let time = seconds(since: start)
  if let error = results.first?.error { throw error }
  return rate(time)
}

/// One measurement of each stage and writer, on the previous stage's result: MB/s by name, in
/// report order.
@MainActor func stagesAndWriters() throws -> [(String, Double)] {
  var report: [(String, Double)] = []
  var start: UInt64 = 0
  let context = StageContext()
  var stageTimes: [String: Double] = [:]
  var document = Document(name: "bench", path: "bench", bytes: bytes, language: "zh")
  for stage in pipeline.stages {
    if stage.name == "tokenize" {
      // JSONL of the segments alone, as a pipeline without words writes it (the writers below
      // write the words too), from the document as such a pipeline leaves it.
      start = clock
      _ = try JSONLWriter().renderBytes(document, context: writerContext)
      stageTimes["write.jsonl.sentences"] = seconds(since: start)
    }
    start = clock
    try stage.run(&document, context: context)
    stageTimes[stage.name] = seconds(since: start)
  }
  segmentCount = document.segments.count
  // Timed as files are written (`renderBytes`, as `segflow run` and `export` call them): `render`
  // makes a string of the bytes, checking every byte once more.
  for writer in writers {
    start = clock
    _ = try writer.renderBytes(document, context: writerContext)
    stageTimes["write." + writer.name] = seconds(since: start)
  }
  for stage in pipeline.stages.map(\.name) + writers.map({ "write." + $0.name }) + ["write.jsonl.sentences"] {
    report.append(("stage." + stage, rate(stageTimes[stage] ?? .infinity)))
  }
  let withoutTokens = ["decode", "normalize", "reflow", "segment", "write.jsonl.sentences"].reduce(0) { $0 + (stageTimes[$1] ?? 0) }
  let withTokens = ["decode", "normalize", "reflow", "segment", "tokenize", "write.jsonl"].reduce(0) { $0 + (stageTimes[$1] ?? 0) }
  report.append(("pipeline.sentences", rate(withoutTokens)))
  report.append(("pipeline.words", rate(withTokens)))
  return report
}

/// Each round: bare ICU, one pass of each iterator over all the bytes; the stages; then end to
/// end with one job and with every core.
var measured: [[(String, Double)]] = []
for _ in 0..<rounds {
  var start = clock
  try bytes.withUnsafeBufferPointer { buffer in try sentences.forEachBoundary(in: buffer) { _, _ in count += 1 } }
  var report = [("icu.sentence", rate(seconds(since: start)))]
  start = clock
  try bytes.withUnsafeBufferPointer { buffer in try words.forEachBoundary(in: buffer) { _, _ in count += 1 } }
  report.append(("icu.word", rate(seconds(since: start))))
  report += try stagesAndWriters()
  report.append(("run.sentences.jobs1", try await endToEnd(sentencePipeline, jobs: 1)))
  report.append(("run.words.jobs1", try await endToEnd(pipeline, jobs: 1)))
  report.append(("run.sentences.jobs\(cores)", try await endToEnd(sentencePipeline, jobs: cores)))
  report.append(("run.words.jobs\(cores)", try await endToEnd(pipeline, jobs: cores)))
  measured.append(report)
}
let names = measured[0].map(\.0)
/// A figure's values in every round.
func values(_ name: String) -> [Double] { measured.map { round in round.first { $0.0 == name }?.1 ?? .nan } }

print(String(format: "input: %.1f MB, %d segments, %d rounds (MB/s: median of the rounds); stages and pipeline.* one thread, run.* end to end (BatchRunner, JSONL)", megabytes, segmentCount, rounds))
for name in names { print(name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%9.1f MB/s", median(values(name)))) }
/// The ratio of two figures within each round: the median, then every round's in order.
func ratio(_ numerator: String, _ denominator: String, _ target: String) {
  let ratios = zip(values(numerator), values(denominator)).map { $0 / $1 }
  let each = rounds > 1 ? " [" + ratios.map { String(format: "%.2f", $0) }.joined(separator: " ") + "]" : ""
  print("ratio " + "\(numerator) / \(denominator)".padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%6.2f", median(ratios)) + each + "  (target \(target))")
}
ratio("pipeline.words", "icu.word", ">= 0.8")
ratio("pipeline.sentences", "icu.sentence", ">= 0.5")
ratio("run.words.jobs1", "icu.word", ">= 0.8")
ratio("run.sentences.jobs1", "icu.sentence", ">= 0.5")
ratio("run.words.jobs\(cores)", "icu.word", "> 1: all cores beat bare ICU")
ratio("run.sentences.jobs\(cores)", "icu.sentence", "> 1: all cores beat bare ICU")
ratio("run.words.jobs\(cores)", "run.words.jobs1", "speed-up on \(cores) cores")
} catch {
  FileHandle.standardError.write(Data("segflow-bench: \(error)\n".utf8))
  exit(1)
}
