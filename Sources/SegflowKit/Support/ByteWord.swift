/// Eight bytes of UTF-8 read as one little-endian word (the first byte lowest), and marks of
/// the bytes that meet a test, each by its top bit: the UTF-8 check, the line splitter, the
/// source locator's character counts and the writers' escapers skip eight plain bytes with one
/// test. A word's marks are zero exactly when no byte meets the
/// test, and the lowest mark is always a true one (only a borrow from a true one may mark a byte
/// above it).
enum ByteWord {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `pointer`.
  @inline(__always)
  static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
  }

  /// Marks of the bytes of `word` equal to `byte`.
  @inline(__always)
  static func marks(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
    let difference = word ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & highs
  }

  /// Marks of the bytes of `word` below `bound` (at most 0x80).
  @inline(__always)
  static func marks(_ word: UInt64, below bound: UInt8) -> UInt64 {
    (word &- ones &* UInt64(bound)) & ~word & highs
  }

  /// How many characters start in `word`: a character starts at every byte but a continuation
  /// byte (10xxxxxx, top bit set and next bit clear). The continuation marks (0 or 1 a byte) are
  /// summed into the top byte by one multiply: the build targets x86-64 without a popcount
  /// instruction, and `nonzeroBitCount` was a dozen instructions a word. (Any byte order.)
  @inline(__always)
  static func characterStarts(_ word: UInt64) -> Int {
    let continuations = (word & ~(word << 1) & highs) >> 7
    return 8 - Int((continuations &* ones) >> 56)
  }

  /// How many characters start in `bytes[start..<end]` (UTF-8): sixteen bytes at a time with
  /// ``ByteVector/continuations(_:)``, then eight with ``characterStarts(_:)``, then byte by byte.
  @inline(__always)
  static func characterStarts(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
    var index = start
    var count = 0
    while index &+ 16 <= end {
      count &+= 16 &- ByteVector.continuations(bytes.loadUnaligned(fromByteOffset: index, as: ByteVector.Lanes.self))
      index &+= 16
    }
    if index + 8 <= end {
      count += characterStarts(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      index += 8
    }
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }
}
