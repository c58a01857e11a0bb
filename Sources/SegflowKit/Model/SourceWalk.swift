/// The source spans of a block's ranges asked in ascending order (the segment stage's
/// segments), as ``SourceLocator/span(_:)`` gives them: characters are counted forward from the
/// last offset asked instead of from samples taken over the whole block first (sampling every
/// block cost more than all its lookups). Asked out of order it counts again from the start, so
/// it is only slower, never wrong.
struct SourceWalk {
  /// The block's locator, without samples.
  let locator: SourceLocator
  private var counter = Counter()
  /// The piece of the last character asked, where the next range's search starts.
  private var piece = 0

  init(block: Block, offsetMap: OffsetMap) {
    locator = SourceLocator(block: block, offsetMap: offsetMap, sampled: false)
  }

  /// The block text's bytes.
  var text: [UInt8] { locator.text }

  mutating func span(_ range: Range<Int>) -> SourceSpan {
    var counter = self.counter  // apart from the locator the closure reads
    var piece = self.piece
    let span = locator.text.withUnsafeBytes { text in
      locator.span(range, piece: &piece) { from, to, piece in counter.characters(from: from, to: to, piece: piece, in: text) }
    }
    self.counter = counter
    self.piece = piece
    return span
  }

  /// How many characters start in the first `offset` bytes of the text (for tests; spans count
  /// through ``span(_:)``).
  mutating func characters(before offset: Int) -> Int {
    locator.text.withUnsafeBytes { counter.characters(before: offset, in: $0) }
  }

  struct Counter {
    /// Characters that start in `text[0..<countedTo]`.
    private var countedTo = 0
    private var counted = 0
    /// The piece whose start was counted last, and the characters before it.
    private var piece = -1
    private var beforePiece = 0

    /// The characters that start in `text[from..<to]`, `from` the start of piece `piece`.
    @inline(__always)
    mutating func characters(from: Int, to: Int, piece: Int, in text: UnsafeRawBufferPointer) -> Int {
      if piece != self.piece {
        self.piece = piece
        beforePiece = characters(before: from, in: text)
      }
      return characters(before: to, in: text) - beforePiece
    }

    /// How many characters start in `text[0..<offset]`, counted on from the last offset asked.
    mutating func characters(before offset: Int, in text: UnsafeRawBufferPointer) -> Int {
      if offset < countedTo {
        countedTo = 0
        counted = 0
      }
      counted += ByteWord.characterStarts(in: text, from: countedTo, to: offset)
      countedTo = offset
      return counted
    }
  }
}
