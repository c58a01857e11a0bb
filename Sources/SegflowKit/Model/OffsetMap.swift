/// Maps UTF-8 offsets in decoded text back to byte offsets in the original file.
///
/// Identity for UTF-8 input (the usual case, free); for other charsets a table of anchors, one per
/// decoded scalar, built while decoding.
public enum OffsetMap: Sendable {
  case identity
  /// Shifted by a fixed amount (UTF-8 with a byte-order mark).
  case shifted(Int)
  /// `anchors[i]` = (decoded UTF-8 offset, original byte offset) of scalar i, ascending, with a
  /// final anchor for the ends.
  case table(decoded: [Int32], original: [Int32])

  /// The original byte offset of decoded offset `offset`.
  public func originalOffset(_ offset: Int) -> Int {
    switch self {
    case .identity: return offset
    case .shifted(let shift): return offset + shift
    case .table(let decoded, let original):
      // Binary search for the last anchor at or before `offset`.
      var low = 0
      var high = decoded.count - 1
      guard high >= 0 else { return offset }
      while low < high {
        let mid = (low + high + 1) / 2
        if Int(decoded[mid]) <= offset { low = mid } else { high = mid - 1 }
      }
      return Int(original[low])
    }
  }
}
