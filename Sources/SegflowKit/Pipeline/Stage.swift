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

  public init() {}

  /// A cached iterator of `kind` for the ICU locale `locale`.
  public func iterator(_ kind: BreakIterator.Kind, locale: String) throws(ICUError) -> BreakIterator {
    let key = "\(kind):\(locale)"
    if let cached = iterators[key] { return cached }
    let made = try BreakIterator(kind, locale: locale)
    iterators[key] = made
    return made
  }
}
