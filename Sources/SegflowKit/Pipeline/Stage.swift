import SegflowICU

/// A step of a pipeline: reads the layers it needs from a document and fills in its own.
///
/// Stages never print and never exit; problems with a document are thrown as
/// ``DocumentError`` (the batch reports them and goes on) and soft problems are added to
/// ``Document/warnings``.
public protocol Stage: Sendable {
  /// The name used in pipeline files, e.g. `reflow`.
  var name: String { get }
  func run(_ document: inout Document, context: StageContext) throws(DocumentError)
}

/// Per-task state shared by the stages that process one document after another: ICU break
/// iterators are costly to open and not thread-safe, so each task keeps its own.
public final class StageContext {
  private var iterators: [String: BreakIterator] = [:]
  private var segmenters: [SegmenterKey: SRXSegmenter] = [:]
  /// The last rules asked for by language, the language and the rules selected for it.
  private var lastSelection: (rules: SRXRules, language: String, selected: [SRXRule])?

  private struct SegmenterKey: Hashable {
    let rules: [SRXRule]
    let file: String
    let timeLimit: Int32
  }
  /// When the current document must be done by (`run --timeout`); checked between stages and
  /// between chunks, since a stage in progress cannot be interrupted.
  public var deadline: ContinuousClock.Instant?
  /// The limit the deadline came from, for the message.
  public var timeLimit: Duration?

  public init() {}

  /// Starts the clock for a new document, when a limit is set.
  public func startDocument(limit: Duration?) {
    timeLimit = limit
    deadline = limit.map { ContinuousClock.now + $0 }
  }

  /// Fails the document when it is past its deadline.
  public func checkDeadline(path: String, after step: String) throws(DocumentError) {
    guard let deadline, ContinuousClock.now > deadline else { return }
    let seconds = timeLimit.map { " of \($0.components.seconds) s" } ?? ""
    throw DocumentError(path: path, message: "timed out: over the time limit\(seconds) (--timeout) after \(step)")
  }

  /// A cached SRX segmenter for `rules` (compiling the rules and deriving their prefilters cost
  /// more than segmenting a small document; its matchers are not thread-safe, so one per task).
  public func segmenter(rules: [SRXRule], file: String, timeLimit: Int32) throws(SRXError) -> SRXSegmenter {
    let key = SegmenterKey(rules: rules, file: file, timeLimit: timeLimit)
    if let cached = segmenters[key] { return cached }
    let made = try SRXSegmenter(rules: rules, file: file, timeLimit: timeLimit)
    segmenters[key] = made
    return made
  }

  /// `rules.rules(for: language)`, kept for the next document with the same rules and language
  /// (a batch's documents): matching the language patterns compiles each of them, about 0.5 M
  /// instructions a pattern. Only the last selection is kept, not a dictionary of them (its
  /// first insertion cost 0.4 M, more than a single document gains), and it is checked against
  /// the rules themselves: cheap when they are the same value (equal arrays sharing storage
  /// compare at once), still right when they differ.
  public func rules(_ rules: SRXRules, for language: String) -> [SRXRule] {
    if let last = lastSelection, last.language == language, last.rules == rules { return last.selected }
    let selected = rules.rules(for: language)
    lastSelection = (rules, language, selected)
    return selected
  }

  /// A cached iterator of `kind` for the ICU locale `locale`.
  public func iterator(_ kind: BreakIterator.Kind, locale: String) throws(ICUError) -> BreakIterator {
    let key = "\(kind):\(locale)"
    if let cached = iterators[key] { return cached }
    let made = try BreakIterator(kind, locale: locale)
    iterators[key] = made
    return made
  }
}
