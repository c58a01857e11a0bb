/// Sixteen bytes of UTF-8 as one SIMD vector, and marks of the bytes that meet a test (the top
/// bit of each such lane): twice the stride of ``ByteWord`` for about the same instructions a
/// step, on SSE2 and NEON alike.
///
/// Only lane-wise arithmetic is used (xor, and, or, subtract), which the compiler turns into
/// vector instructions: the comparison operators of Swift's SIMD types (`.==`, `.<`) went
/// through a loop over the lanes, each lane stored and read back (`swiftc -O -emit-assembly`).
/// Lanes do not borrow from each other, so every mark is a true one.
enum ByteVector {
  typealias Lanes = SIMD16<UInt8>

  /// The sixteen bytes at `pointer`.
  @inline(__always)
  static func load(_ pointer: UnsafePointer<UInt8>) -> Lanes {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
  }

  /// The top bit set in each zero lane of `lanes` (other bits are noise: ``firstMark(_:)``
  /// reads the top bits only). A lane is zero exactly when neither it nor its negation has
  /// the top bit set.
  @inline(__always)
  static func zeros(_ lanes: Lanes) -> Lanes {
    ~(lanes | (Lanes() &- lanes))
  }

  /// Marks of the lanes equal to `byte`.
  @inline(__always)
  static func marks(_ lanes: Lanes, equalTo byte: UInt8) -> Lanes {
    zeros(lanes ^ Lanes(repeating: byte))
  }

  /// Marks of the lanes below `bound`, a power of two.
  @inline(__always)
  static func marks(_ lanes: Lanes, belowPowerOfTwo bound: UInt8) -> Lanes {
    zeros(lanes & Lanes(repeating: ~(bound &- 1)))
  }

  /// The index of the first marked lane, 16 when none is.
  @inline(__always)
  static func firstMark(_ marks: Lanes) -> Int {
    let halves = unsafeBitCast(marks & Lanes(repeating: 0x80), to: (UInt64, UInt64).self)
    let low = UInt64(littleEndian: halves.0)
    if low != 0 { return low.trailingZeroBitCount &>> 3 }
    let high = UInt64(littleEndian: halves.1)
    return high != 0 ? 8 &+ high.trailingZeroBitCount &>> 3 : 16
  }

  /// The index of the first marked lane from lane `start` (0–16) on, 16 when none is.
  @inline(__always)
  static func firstMark(_ marks: Lanes, from start: Int) -> Int {
    let halves = unsafeBitCast(marks & Lanes(repeating: 0x80), to: (UInt64, UInt64).self)
    var low = UInt64(littleEndian: halves.0)
    var high = UInt64(littleEndian: halves.1)
    if start >= 8 {
      low = 0
      high &= start >= 16 ? 0 : ~0 &<< UInt64(8 &* (start &- 8))
    } else {
      low &= ~0 &<< UInt64(8 &* start)
    }
    if low != 0 { return low.trailingZeroBitCount &>> 3 }
    return high != 0 ? 8 &+ high.trailingZeroBitCount &>> 3 : 16
  }

  /// How many continuation bytes (10xxxxxx: top bit set, next clear) `lanes` hold. A lane
  /// added to itself is shifted left by one; the marks (0 or 1 a byte once shifted down) of
  /// both halves are summed into the top byte by one multiply, as ``ByteWord/characterStarts(_:)``
  /// does.
  @inline(__always)
  static func continuations(_ lanes: Lanes) -> Int {
    let marks = lanes & ~(lanes &+ lanes) & Lanes(repeating: 0x80)
    let halves = unsafeBitCast(marks, to: (UInt64, UInt64).self)
    return Int((((halves.0 &>> 7) &+ (halves.1 &>> 7)) &* ByteWord.ones) &>> 56)
  }

  /// The offset of the first byte at or after `start` in the `count` bytes at `base` that
  /// `Marks` marks; `count` when there is none. Sixteen bytes a test, the last sixteen read
  /// again from where they start, and a text shorter than sixteen bytes copied into sixteen
  /// zero bytes (whatever the padding's lanes are marked for lies past the text).
  ///
  /// (The test is a type, not a closure: a closure passed here was compiled as a call per
  /// sixteen bytes, its vector operations lane by lane.)
  @inline(__always)
  static func nextMark<Marks: ByteMarks>(_: Marks.Type, in base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int {
    var index = start
    while index &+ 16 <= count {
      let first = firstMark(Marks.marks(load(base + index)))
      if first < 16 { return index &+ first }
      index &+= 16
    }
    guard index < count else { return count }
    if count >= 16 {
      let last = count &- 16
      return last &+ firstMark(Marks.marks(load(base + last)), from: index &- last)
    }
    var padded = Lanes()
    withUnsafeMutableBytes(of: &padded) { $0.baseAddress?.copyMemory(from: base, byteCount: count) }
    return min(firstMark(Marks.marks(padded), from: index), count)
  }
}

/// A test of bytes, sixteen at a time, for ``ByteVector/nextMark(_:in:count:from:)``.
protocol ByteMarks {
  /// The top bit set in each lane of `lanes` that meets the test (other bits are noise).
  static func marks(_ lanes: ByteVector.Lanes) -> ByteVector.Lanes
}
