import SegflowICU

/// Cuts each segment into words: ICU's word rules (dictionary-based for Chinese and Japanese),
/// then the word layer (``WordRefiner``): numbers, dates, URLs, e-mail addresses and glossary
/// terms whole, and with a lexicon the fewest-words reading. White space is not a token.
///
/// Expects: segments. Produces: segment tokens.
///
/// `2021年新年贺词，增长35.8%。` → `2021年` `新年` `贺词` `，` `增长` `35.8%` `。`
public struct TokenizeStage: Stage {
  public let name = "tokenize"
  /// nil: ICU's words only (no word layer).
  public let refiner: WordRefiner?

  public init(refiner: WordRefiner? = WordRefiner()) {
    self.refiner = refiner
  }

  public func run(_ document: inout Document, context: StageContext) throws(DocumentError) {
    let iterator: BreakIterator
    do {
      iterator = try context.iterator(.word, locale: Language.icuLocale(document.language))
    } catch {
      throw DocumentError(path: document.path, message: error.description)
    }
    // One set of buffers for the whole document (``WordScratch``): each segment is decoded once,
    // for ICU and the word layer.
    var scratch = WordScratch()
    for index in document.segments.indices {
      do {
        scratch.load(document.segments[index].text)
        try scratch.breakWords(with: iterator)
        document.segments[index].tokens = refiner.map { $0.refine(scratch: &scratch) } ?? scratch.tokens()
      } catch {
        throw DocumentError(path: document.path, message: "\(error)", line: document.segments[index].source.start.line)
      }
    }
  }
}
