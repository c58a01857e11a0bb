/// Maps UTF-8 offsets in a block's text back to positions in the source file.
public struct SourceLocator {
  let block: Block
  let text: [UInt8]
  let offsetMap: OffsetMap
  /// `scalarsBefore[i]`: how many characters start in `text[0..<i]`, so a column is one
  /// subtraction instead of a scan (a block that is one 200 KB line made segmenting quadratic).
  let scalarsBefore: [Int32]

  public init(block: Block, offsetMap: OffsetMap) {
    self.block = block
    let text = Array(block.text.utf8)
    self.text = text
    self.offsetMap = offsetMap
    var counts = [Int32](repeating: 0, count: text.count + 1)
    var running: Int32 = 0
    for (index, byte) in text.enumerated() {
      counts[index] = running
      if byte & 0xC0 != 0x80 { running += 1 }
    }
    counts[text.count] = running
    self.scalarsBefore = counts
  }

  /// The source span of the block text's UTF-8 range `range` (non-empty).
  public func span(_ range: Range<Int>) -> SourceSpan {
    let start = position(at: range.lowerBound)
    // The last character's first byte, then step past the character.
    var last = max(range.lowerBound, range.upperBound - 1)
    while last > range.lowerBound, text[last] & 0xC0 == 0x80 { last -= 1 }
    var end = position(at: last)
    var width = 1
    while last + width < text.count, text[last + width] & 0xC0 == 0x80 { width += 1 }
    end.column += 1
    end.byte = offsetMap.originalOffset(decodedOffset(at: last) + width)
    return SourceSpan(start: start, end: end)
  }

  /// The position of the character at block-text offset `offset`.
  public func position(at offset: Int) -> SourcePosition {
    guard let index = pieceIndex(containing: offset) else {
      return SourcePosition(line: 1, column: 1, byte: 0)
    }
    let piece = block.pieces[index]
    let inside = min(max(0, offset - piece.textOffset), max(0, piece.length - 1))
    let from = min(piece.textOffset, text.count)
    let to = min(piece.textOffset + inside, text.count)
    let scalars = Int(scalarsBefore[to] - scalarsBefore[from])
    return SourcePosition(line: piece.line, column: piece.column + scalars, byte: offsetMap.originalOffset(piece.sourceOffset + inside))
  }

  private func decodedOffset(at offset: Int) -> Int {
    guard let index = pieceIndex(containing: offset) else { return 0 }
    let piece = block.pieces[index]
    return piece.sourceOffset + min(max(0, offset - piece.textOffset), max(0, piece.length - 1))
  }

  /// The last piece starting at or before `offset` (a separator space maps to the piece before).
  private func pieceIndex(containing offset: Int) -> Int? {
    let pieces = block.pieces
    guard !pieces.isEmpty else { return nil }
    var low = 0
    var high = pieces.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if pieces[mid].textOffset <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }
}
