/// A block with its segments: what XLIFF calls a unit and a `<trans-unit>`.
public struct DocumentUnit: Sendable {
  /// 1-based block number, the unit id.
  public var number: Int
  public var block: Block
  public var segments: [Segment]
}

extension Document {
  /// The blocks that have segments, in order, each with its segments in order. Blocks without
  /// segments (nothing to translate) are left out, as every writer does.
  public var units: [DocumentUnit] {
    var segmentsByBlock: [Int: [Segment]] = [:]
    for segment in segments { segmentsByBlock[segment.block, default: []].append(segment) }
    var result: [DocumentUnit] = []
    for (offset, block) in blocks.enumerated() {
      let number = firstBlockNumber + offset
      guard let found = segmentsByBlock[number], !found.isEmpty else { continue }
      result.append(DocumentUnit(number: number, block: block, segments: found.sorted { $0.index < $1.index }))
    }
    return result
  }
}
