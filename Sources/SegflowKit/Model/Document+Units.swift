/// A block with its segments: what XLIFF calls a unit and a `<trans-unit>`.
public struct DocumentUnit: Sendable {
  /// 1-based block number, the unit id.
  public var number: Int
  public var block: Block
  /// A slice of the document's segments (or of a sorted copy): a unit shares their storage
  /// instead of copying each segment (a retain per string and per token list).
  public var segments: ArraySlice<Segment>
}

extension Document {
  /// The blocks that have segments, in order, each with its segments in order. Blocks without
  /// segments (nothing to translate) are left out, as every writer does.
  public var units: [DocumentUnit] {
    // The segment stage leaves segments in block order and each block's in index order: then a
    // block's segments are the next run (no dictionary, no sort; the XML writers ask this of
    // every chunk). Any other order is grouped as below.
    // (Compared in place: `zip` over the segments copied each one, a retain per string.)
    if segments.indices.dropFirst().allSatisfy({ (segments[$0 - 1].block, segments[$0 - 1].index) < (segments[$0].block, segments[$0].index) }) {
      var result: [DocumentUnit] = []
      var next = 0
      for (offset, block) in blocks.enumerated() {
        let number = firstBlockNumber + offset
        while next < segments.count, segments[next].block < number { next += 1 }
        let start = next
        while next < segments.count, segments[next].block == number { next += 1 }
        if next > start { result.append(DocumentUnit(number: number, block: block, segments: segments[start..<next])) }
      }
      return result
    }
    var segmentsByBlock: [Int: [Segment]] = [:]
    for segment in segments { segmentsByBlock[segment.block, default: []].append(segment) }
    var result: [DocumentUnit] = []
    for (offset, block) in blocks.enumerated() {
      let number = firstBlockNumber + offset
      guard let found = segmentsByBlock[number], !found.isEmpty else { continue }
      result.append(DocumentUnit(number: number, block: block, segments: found.sorted { $0.index < $1.index }[...]))
    }
    return result
  }
}
