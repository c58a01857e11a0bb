import SegflowICU

/// Cuts a block's text into sentences with ICU's sentence rules for the document language.
///
/// Returns UTF-8 ranges that cover the text exactly, in order; white space after a sentence
/// stays at the end of its range (ICU's convention).
public struct SentenceSplitter {
  public let iterator: BreakIterator

  public init(iterator: BreakIterator) {
    self.iterator = iterator
  }

  public func split(_ text: String) throws -> [Range<Int>] {
    let boundaries = try iterator.boundaries(in: text)
    return zip(boundaries, boundaries.dropFirst()).map { $0..<$1 }
  }
}
