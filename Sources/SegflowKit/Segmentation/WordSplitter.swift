import SegflowICU

/// Cuts text into words with an ICU word iterator, keeping ICU's rule status as the token type.
public struct WordSplitter {
  public let iterator: BreakIterator

  public init(iterator: BreakIterator) {
    self.iterator = iterator
  }

  /// Tokens of `text`; white-space pieces are dropped.
  public func tokens(of text: String) throws -> [Token] {
    var scratch = WordScratch()
    scratch.load(text)
    try scratch.breakWords(with: iterator)
    return scratch.tokens()
  }
}
