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
    // The longest number (`Int.min`), with its `:`.
    prefix.reserve(nameCount + DecimalDigits.maximumWidth + 1)
    _ = UnsafeMutableBufferPointer(start: prefix.base, count: bytes.count).initialize(fromContentsOf: bytes)
    prefix.base[bytes.count] = UInt8(ascii: ":")
    prefixCount = nameCount
  }

  /// Sets the block number of the ids that follow.
  mutating func startBlock(_ number: Int) {
    let end = DecimalDigits.write(number, into: prefix.base, at: nameCount)
    prefix.base[end] = UInt8(ascii: ":")
    prefixCount = end + 1
  }

  /// The id of segment `index` of the block (any integer; segment indices start at 1).
  func id(_ index: Int) -> String {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 bytes (DecimalDigits.maximumWidth)
    return withUnsafeMutableBytes(of: &digits) { digits in
      let base = digits.baseAddress!.assumingMemoryBound(to: UInt8.self)
      let digitCount = DecimalDigits.write(index, into: base, at: 0)
      let prefix = UnsafeBufferPointer(start: self.prefix.base, count: prefixCount)
      let written = UnsafeBufferPointer(start: base, count: digitCount)
      return String(unsafeUninitializedCapacity: prefix.count + digitCount) { id in
        // The prefix's bytes are well-formed UTF-8 (a string's and digits).
        let middle = id.initialize(fromContentsOf: prefix)
        return UnsafeMutableBufferPointer(rebasing: id[middle...]).initialize(fromContentsOf: written) + middle
      }
    }
  }
}
