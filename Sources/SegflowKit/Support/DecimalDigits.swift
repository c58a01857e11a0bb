/// An integer's decimal digits written into memory, as `String(value)` writes them: the
/// writers' numbers (eight a JSONL record) and the segment ids.
enum DecimalDigits {
  /// The most bytes ``write(_:into:at:)`` writes: a sign and 19 digits (`Int.min`).
  static var maximumWidth: Int { 20 }

  /// Writes `value`, its sign then its digits, into `base` from offset `start` (room for
  /// ``maximumWidth`` bytes there) and returns the offset where they end.
  ///
  /// The magnitude as unsigned, so Int.min works too; digits counted first, then written
  /// backwards in place, two at a time from a table of pairs, each pair one two-byte load and
  /// store (eight numbers a segment: the divisions were most of their cost, and counting by
  /// comparison with 10, 100, … most of the rest). Positions in wrapping arithmetic: they stay
  /// within the room given.
  @inline(__always)
  static func write(_ value: Int, into base: UnsafeMutablePointer<UInt8>, at start: Int) -> Int {
    var end = start
    if value < 0 {
      base[end] = UInt8(ascii: "-")
      end &+= 1
    }
    var rest = value.magnitude
    end &+= count(rest)
    let written = end
    let pairs = UnsafeRawPointer(digitPairs.utf8Start)
    let out = UnsafeMutableRawPointer(base)
    while rest >= 100 {
      let pair = Int(truncatingIfNeeded: rest % 100) &* 2
      rest /= 100
      end &-= 2
      out.storeBytes(of: pairs.loadUnaligned(fromByteOffset: pair, as: UInt16.self), toByteOffset: end, as: UInt16.self)
    }
    if rest >= 10 {
      out.storeBytes(of: pairs.loadUnaligned(fromByteOffset: Int(truncatingIfNeeded: rest) &* 2, as: UInt16.self), toByteOffset: end &- 2, as: UInt16.self)
    } else {
      base[end &- 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest)
    }
    return written
  }

  /// The number of decimal digits of `value` (1 for 0): from its bit length, ⌊bits · log10 2⌋
  /// (1233 / 4096 is log10 2 closely enough for 64 bits) is the digit count or one less, which
  /// one comparison with a power of ten settles. Setting the lowest bit makes 0 count as 1 and
  /// changes no other count (10ⁿ − 1, where it would, is odd already).
  @inline(__always)
  static func count(_ value: UInt) -> Int {
    let odd = value | 1
    let bits = UInt.bitWidth - odd.leadingZeroBitCount
    let guess = (bits &* 1233) &>> 12
    return guess &+ (odd >= powerOfTen(guess) ? 1 : 0)
  }

  /// 10 to the `exponent` (0...19, as ``count(_:)`` makes it). A switch of constants,
  /// which the compiler turns into a table lookup (a stored table of them was copied onto the
  /// stack at every call).
  @inline(__always)
  private static func powerOfTen(_ exponent: Int) -> UInt {
    switch exponent {
    case 0: 1
    case 1: 10
    case 2: 100
    case 3: 1_000
    case 4: 10_000
    case 5: 100_000
    case 6: 1_000_000
    case 7: 10_000_000
    case 8: 100_000_000
    case 9: 1_000_000_000
    case 10: 10_000_000_000
    case 11: 100_000_000_000
    case 12: 1_000_000_000_000
    case 13: 10_000_000_000_000
    case 14: 100_000_000_000_000
    case 15: 1_000_000_000_000_000
    case 16: 10_000_000_000_000_000
    case 17: 100_000_000_000_000_000
    case 18: 1_000_000_000_000_000_000
    default: 10_000_000_000_000_000_000
    }
  }

  /// "00", "01", …, "99" back to back.
  private static let digitPairs: StaticString =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
}
