/// Maps UTF-8 offsets in a block's text back to positions in the source file.
public struct SourceLocator {
  /// The block's pieces (all a span needs of the block beside its text: keeping the whole block
  /// cost a copy and a destroy of every field for each block the segment stage walks).
  let pieces: [Piece]
  let text: [UInt8]
  let offsetMap: OffsetMap
  /// `charactersBefore[k]`: how many characters start in `text[0..<k * stride]`, so a column is
  /// a subtraction and a count of fewer than ``stride`` bytes instead of a scan from the piece's
  /// start (a block that is one 200 KB line made segmenting quadratic). Sampled rather than kept
  /// for every byte: building a count per byte was more work than all the lookups of a block.
  let charactersBefore: [Int32]
  static let stride = 64

  public init(block: Block, offsetMap: OffsetMap) {
    self.init(block: block, offsetMap: offsetMap, sampled: true)
  }

  /// Without samples (`sampled: false`) only ``SourceWalk``, which counts characters itself, may
  /// ask for positions.
  init(block: Block, offsetMap: OffsetMap, sampled: Bool) {
    self.pieces = block.pieces
    let text = Array(block.text.utf8)
    self.text = text
    self.offsetMap = offsetMap
    guard sampled else {
      charactersBefore = []
      return
    }
    var counts: [Int32] = []
    counts.reserveCapacity(text.count / Self.stride + 1)
    text.withUnsafeBytes { raw in
      var running: Int32 = 0
      var offset = 0
      counts.append(0)
      while offset + Self.stride <= raw.count {
        // Eight bytes at a time (the stride is a multiple of eight).
        running += Int32(ByteWord.characterStarts(in: raw, from: offset, to: offset + Self.stride))
        offset += Self.stride
        counts.append(running)
      }
    }
    self.charactersBefore = counts
  }

  /// How many characters start in `text[0..<offset]` (`offset` at most `text.count`).
  func characters(before offset: Int) -> Int {
    let sample = offset / Self.stride
    // Eight bytes at a time as in `init`, then byte by byte (a span asks this four times, and
    // the byte loop over half a stride on average was most of it).
    let rest = text.withUnsafeBytes { ByteWord.characterStarts(in: $0, from: sample * Self.stride, to: offset) }
    return Int(charactersBefore[sample]) + rest
  }

  /// The source span of the block text's UTF-8 range `range` (non-empty).
  public func span(_ range: Range<Int>) -> SourceSpan {
    var piece = -1
    return span(range, piece: &piece) { from, to, _ in characters(before: to) - characters(before: from) }
  }

  /// The position of the character at block-text offset `offset`.
  public func position(at offset: Int) -> SourcePosition {
    var piece = -1
    return position(at: offset, piece: &piece) { from, to, _ in characters(before: to) - characters(before: from) }
  }

  /// ``span(_:)`` with `between(from, to, piece)` giving the characters that start in
  /// `text[from..<to]`, `from` the start of piece `piece` (clamped to the text). `piece` is where
  /// the search for the range's pieces starts (see ``pieceIndex(containing:from:)``); it is left
  /// at the piece of the range's last character, where the next range in order starts looking.
  @inline(__always)
  func span(_ range: Range<Int>, piece: inout Int, between: (Int, Int, Int) -> Int) -> SourceSpan {
    let start = position(at: range.lowerBound, piece: &piece, between: between)
    // The last character's first byte, then step past the character.
    var last = max(range.lowerBound, range.upperBound - 1)
    while last > range.lowerBound, text[last] & 0xC0 == 0x80 { last -= 1 }
    var end = position(at: last, piece: &piece, between: between)
    var width = 1
    while last + width < text.count, text[last + width] & 0xC0 == 0x80 { width += 1 }
    end.column += 1
    end.byte = offsetMap.originalOffset(decodedOffset(at: last, piece: piece) + width)
    return SourceSpan(start: start, end: end)
  }

  @inline(__always)
  func position(at offset: Int, piece hint: inout Int, between: (Int, Int, Int) -> Int) -> SourcePosition {
    guard let index = pieceIndex(containing: offset, from: hint) else {
      return SourcePosition(line: 1, column: 1, byte: 0)
    }
    hint = index
    let piece = pieces[index]
    let inside = min(max(0, offset - piece.textOffset), max(0, piece.length - 1))
    let from = min(piece.textOffset, text.count)
    let to = min(piece.textOffset + inside, text.count)
    let scalars = between(from, to, index)
    return SourcePosition(line: piece.line, column: piece.column + scalars, byte: offsetMap.originalOffset(piece.sourceOffset + inside))
  }

  /// The decoded-text offset of block-text offset `offset`, which lies in piece `index` (found
  /// by ``pieceIndex(containing:from:)``; any value when there are no pieces).
  private func decodedOffset(at offset: Int, piece index: Int) -> Int {
    guard !pieces.isEmpty else { return 0 }
    let piece = pieces[index]
    return piece.sourceOffset + min(max(0, offset - piece.textOffset), max(0, piece.length - 1))
  }

  /// The last piece starting at or before `offset` (a separator space maps to the piece before).
  /// From `hint` on, one piece at a time, when piece `hint` starts at or before `offset` (the
  /// segment stage asks in ascending order, a few pieces apart: three binary searches a segment
  /// cost more than walking the whole block once); otherwise, and for a negative hint, by binary
  /// search.
  func pieceIndex(containing offset: Int, from hint: Int) -> Int? {
    guard !pieces.isEmpty else { return nil }
    if hint >= 0, hint < pieces.count, pieces[hint].textOffset <= offset {
      var index = hint
      while index + 1 < pieces.count, pieces[index + 1].textOffset <= offset { index += 1 }
      return index
    }
    var low = 0
    var high = pieces.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if pieces[mid].textOffset <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }
}
