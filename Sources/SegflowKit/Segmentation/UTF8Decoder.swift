/// Decoding of a Swift string's UTF-8 in place, for the loops that turn every segment and block
/// into scalars or UTF-16 (the standard library's generic views were a large share of them).
enum UTF8Decoder {
  /// Calls `body` with the value of each scalar of `bytes` and the offset just after it.
  ///
  /// `bytes` must be valid UTF-8, as a Swift string's are: the lead byte tells the width.
  @inline(__always)
  static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ value: UInt32, _ end: Int) -> Void) {
    let count = bytes.count
    var index = 0
    while index < count {
      let lead = UInt32(bytes[index])
      let value: UInt32
      if lead < 0x80 {
        value = lead
        index += 1
      } else if lead < 0xE0 {
        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        index += 2
      } else if lead < 0xF0 {
        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        index += 3
      } else {
        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        index += 4
      }
      body(value, index)
    }
  }

  /// Writes the UTF-16 of the scalar `value` at `units` (room for two) and returns how many units
  /// it took.
  @inline(__always)
  static func writeUTF16(_ value: UInt32, to units: UnsafeMutablePointer<UInt16>) -> Int {
    if value < 0x10000 {
      units[0] = UInt16(truncatingIfNeeded: value)
      return 1
    }
    let offset = value - 0x10000
    units[0] = 0xD800 | UInt16(truncatingIfNeeded: offset >> 10)
    units[1] = 0xDC00 | UInt16(truncatingIfNeeded: offset & 0x3FF)
    return 2
  }
}
