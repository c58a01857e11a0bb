/// Makes a document's segment ids, `document:block:index`, each as one string written from bytes.
///
/// The prefix `document:block:` is kept as bytes and only its block number rewritten per block;
/// an id is the prefix and the index's digits written into a new string at once. Interpolating
/// the prefix for every block (three appends and a number's `description`) and concatenating the
/// index for every segment cost about 560 instructions a segment on Chinese text; an id short
/// enough for a small string (15 bytes of ASCII) is now built without touching the heap.
struct SegmentIDMaker {
  /// `document:` then, after ``startBlock(_:)``, the block number and `:` (`prefixCount` bytes).
  private let prefix = ScratchBuffer<UInt8>()
  private var prefixCount: Int
  private let nameCount: Int

  init(document name: String) {
    let bytes = Array(name.utf8)
    nameCount = bytes.count + 1
    // The longest number is 20 characters (`Int.min`), with its `:`.
    prefix.reserve(nameCount + 21)
    _ = UnsafeMutableBufferPointer(start: prefix.base, count: bytes.count).initialize(fromContentsOf: bytes)
    prefix.base[bytes.count] = UInt8(ascii: ":")
    prefixCount = nameCount
  }

  /// Sets the block number of the ids that follow.
  mutating func startBlock(_ number: Int) {
    let end = Self.writeDigits(of: number, at: prefix.base + nameCount)
    end.pointee = UInt8(ascii: ":")
    prefixCount = end + 1 - prefix.base
  }

  /// The id of segment `index` of the block (any integer; segment indices start at 1).
  func id(_ index: Int) -> String {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 bytes
    return withUnsafeMutableBytes(of: &digits) { digits in
      let base = digits.baseAddress!.assumingMemoryBound(to: UInt8.self)
      let digitCount = Self.writeDigits(of: index, at: base) - base
      let prefix = UnsafeBufferPointer(start: self.prefix.base, count: prefixCount)
      let written = UnsafeBufferPointer(start: base, count: digitCount)
      return String(unsafeUninitializedCapacity: prefix.count + digitCount) { id in
        // The prefix's bytes are well-formed UTF-8 (a string's and digits).
        let middle = id.initialize(fromContentsOf: prefix)
        return UnsafeMutableBufferPointer(rebasing: id[middle...]).initialize(fromContentsOf: written) + middle
      }
    }
  }

  /// Writes the decimal digits of `number` (and its sign) at `bytes` (room for 20) and returns
  /// where they end.
  static func writeDigits(of number: Int, at bytes: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    var start = bytes
    if number < 0 {
      start.pointee = UInt8(ascii: "-")
      start += 1
    }
    var value = number.magnitude
    var width = 1
    var bound: UInt = 10
    while width < 20, value >= bound {
      width += 1
      bound = bound &* 10
    }
    var position = start + width
    let end = position
    repeat {
      position -= 1
      position.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
      value /= 10
    } while position > start
    return end
  }
}
