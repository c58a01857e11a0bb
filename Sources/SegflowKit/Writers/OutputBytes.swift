/// The bytes of an output file being written, in one growing allocation written through a
/// pointer: the writers append a few pieces per word or segment, and each append to an
/// `[UInt8]` (its uniqueness and capacity checks, a generic copy) cost more than the piece.
/// Escaping for each format is an extension (`JSONText.swift`, `XMLText.swift`).
struct OutputBytes: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  /// Whether `base` is this buffer's own allocation (false while it writes into an array's
  /// storage, see ``collect(capacity:_:)``).
  private var ownsBase = true

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  /// A buffer writing into `storage`, which it does not own, until it needs more room.
  private init(writingInto storage: UnsafeMutableBufferPointer<UInt8>) {
    base = storage.baseAddress!
    capacity = storage.count
    ownsBase = false
  }

  deinit { if ownsBase { base.deallocate() } }

  /// Empties the buffer, keeping its allocation.
  mutating func removeAll() {
    count = 0
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  /// Out of line: inlined into every append, its calls made each save and restore registers.
  @inline(never)
  private mutating func grow(to needed: Int) {
    let size = max(needed, capacity * 2)
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    bigger.initialize(from: base, count: count)
    if ownsBase { base.deallocate() }
    base = bigger
    capacity = size
    ownsBase = true
  }

  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }

  @inline(__always)
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Appends `text`'s UTF-8 as it is.
  mutating func append(utf8 text: String) {
    if text.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
    var copy = text
    copy.withUTF8 { append($0) }
  }

  /// Lets `write` put at most `maximum` bytes after the end, and keeps the number it returns:
  /// for escapers that write in place.
  @inline(__always)
  mutating func appendWriting(maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
    reserve(maximum)
    count += write(base + count)
  }

  /// Appends `text`'s UTF-8 with each byte `isSpecial` picks replaced by what `replace` appends
  /// and the runs between copied whole. Only for escapes of ASCII bytes, which never occur
  /// inside a longer UTF-8 sequence: escaping byte by byte is then escaping character by
  /// character.
  @inline(__always)
  mutating func appendEscapingASCII(_ text: String, isSpecial: (UInt8) -> Bool, replace: (UInt8, inout OutputBytes) -> Void) {
    var copy = text
    copy.withUTF8 { bytes in
      var runStart = 0
      for index in bytes.indices where isSpecial(bytes[index]) {
        append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        replace(bytes[index], &self)
        runStart = index + 1
      }
      append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
  }

  /// Appends the decimal digits of `value` (as `String(value)` writes it).
  mutating func appendNumber(_ value: Int) {
    reserve(20)
    var end = count
    if value < 0 {
      base[end] = UInt8(ascii: "-")
      end &+= 1
    }
    // The magnitude as unsigned, so Int.min works too; digits counted first, then written
    // backwards in place, two at a time from a table of pairs, each pair one two-byte load and
    // store (eight numbers a segment: the divisions were most of their cost, and counting by
    // comparison with 10, 100, … most of the rest). Positions in wrapping arithmetic: they stay
    // within the 20 bytes reserved.
    var rest = value.magnitude
    end &+= Self.decimalDigits(rest)
    count = end
    let pairs = UnsafeRawPointer(Self.digitPairs.utf8Start)
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
  }

  /// The number of decimal digits of `value` (1 for 0): from its bit length, ⌊bits · log10 2⌋
  /// (1233 / 4096 is log10 2 closely enough for 64 bits) is the digit count or one less, which
  /// one comparison with a power of ten settles. Setting the lowest bit makes 0 count as 1 and
  /// changes no other count (10ⁿ − 1, where it would, is odd already).
  @inline(__always)
  static func decimalDigits(_ value: UInt) -> Int {
    let odd = value | 1
    let bits = UInt.bitWidth - odd.leadingZeroBitCount
    let guess = (bits &* 1233) &>> 12
    return guess &+ (odd >= powerOfTen(guess) ? 1 : 0)
  }

  /// 10 to the `exponent` (0...19, as ``decimalDigits(_:)`` makes it). A switch of constants,
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

  /// The bytes written so far.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// The bytes of `items`, each written by `write` (see ``collect(capacity:_:)``).
  static func records<Items: Sequence>(_ items: Items, reserving capacity: Int = 0, _ write: (Items.Element, inout OutputBytes) -> Void) -> [UInt8] {
    collect(capacity: capacity) { out in
      for item in items { write(item, &out) }
    }
  }

  /// The bytes `write` appends, as an array: written straight into the array's storage while
  /// they fit in `capacity` bytes (the writers' generous estimates), so a file's body is never
  /// copied (a record buffer copied into the body cost some 2 instructions a byte in `memcpy`).
  /// Past `capacity` they go on in an allocation of their own, copied into the array at the end.
  static func collect(capacity: Int, _ write: (inout OutputBytes) -> Void) -> [UInt8] {
    guard capacity >= 16 else {
      var out = OutputBytes(capacity: 4096)
      write(&out)
      return out.withBytes { Array($0) }
    }
    var spilled: [UInt8] = []
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { storage, initialized in
      var out = OutputBytes(writingInto: storage)
      write(&out)
      if out.ownsBase {
        spilled = out.withBytes { Array($0) }
        initialized = 0
      } else {
        initialized = out.count
      }
    }
    return bytes.isEmpty ? spilled : bytes
  }
}
