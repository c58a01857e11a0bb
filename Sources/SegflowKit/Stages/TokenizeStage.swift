import SegflowICU

/// Cuts each segment into words with ICU's word rules (dictionary-based for Chinese and
/// Japanese); white space is not a token.
///
/// Expects: segments. Produces: segment tokens.
public struct TokenizeStage: Stage {
  public let name = "tokenize"

  public init() {}

  public func run(_ document: inout Document, context: StageContext) throws(DocumentError) {
    let iterator: BreakIterator
    do {
      iterator = try context.iterator(.word, locale: Language.icuLocale(document.language))
    } catch {
      throw DocumentError(path: document.path, message: error.description)
    }
    for index in document.segments.indices {
      do {
        document.segments[index].tokens = try WordSplitter(iterator: iterator).tokens(of: document.segments[index].text)
      } catch {
        throw DocumentError(path: document.path, message: "\(error)", line: document.segments[index].source.start.line)
      }
    }
  }
}
