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

  /// Segments broken by ICU before the word layer runs on them.
  static let batchSize = 32

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
    // ICU breaks a batch of segments, then the word layer refines them: alternating the two
    // for every segment evicted each one's code from the instruction cache (cachegrind, the
    // whole `export` of the bench slice: 12.5 M first-level instruction-cache misses with one
    // segment at a time, 7.5 M with batches of 32).
    // Each segment of the batch has its own buffers (``WordScratch``), kept for the next batch:
    // decoded once, for ICU and the word layer.
    var scratches = [WordScratch](repeating: WordScratch(), count: Self.batchSize)
    var batchStart = document.segments.startIndex
    while batchStart < document.segments.endIndex {
      let batch = batchStart..<min(batchStart + Self.batchSize, document.segments.endIndex)
      for index in batch {
        do {
          scratches[index - batchStart].load(document.segments[index].text)
          try scratches[index - batchStart].breakWords(with: iterator)
        } catch {
          throw DocumentError(path: document.path, message: "\(error)", line: document.segments[index].source.start.line)
        }
      }
      for index in batch {
        document.segments[index].tokens = refiner.map { $0.refine(scratch: &scratches[index - batchStart]) } ?? scratches[index - batchStart].tokens()
      }
      batchStart = batch.upperBound
    }
  }
}
