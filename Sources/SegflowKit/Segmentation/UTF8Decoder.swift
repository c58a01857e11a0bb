/// Decoding of a Swift string's UTF-8 in place, for the loops that turn every segment and block
/// into scalars or UTF-16 (the standard library's generic views were a large share of them).
enum UTF8Decoder {
  /// The value of the scalar whose UTF-8 starts at `bytes`, and its width in bytes.
  ///
  /// The bytes must be valid UTF-8, as a Swift string's are: the lead byte tells the width. The
  /// three-byte case (CJK) is tested first: most characters of the text this tool reads.
  @inline(__always)
  static func decode(_ bytes: UnsafePointer<UInt8>) -> (value: UInt32, width: Int) {
    let lead = UInt32(bytes[0])
    if lead >= 0xE0, lead < 0xF0 { return ((lead & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F), 3) }
    if lead < 0x80 { return (lead, 1) }
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[1] & 0x3F), 2) }
    return ((lead & 0x07) << 18 | UInt32(bytes[1] & 0x3F) << 12 | UInt32(bytes[2] & 0x3F) << 6 | UInt32(bytes[3] & 0x3F), 4)
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
