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
    reserve(DecimalDigits.maximumWidth)
    count = DecimalDigits.write(value, into: base, at: count)
  }

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
