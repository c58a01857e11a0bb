import SegflowICU

/// A block's text in UTF-16, as ICU's sentence iterator and regular expressions read it, with the
/// UTF-8 offset of every unit; buffers kept from one block to the next (``SentenceSplitter``).
struct UTF16Text {
  var units: [UInt16] = []
  /// `utf8Offsets[u]`: the UTF-8 offset of the character unit `u` belongs to (both units of a
  /// surrogate pair give the character's start); `units.count + 1` entries, the byte count last.
  var utf8Offsets: [Int] = []
  var utf8Count = 0
  var boundaries = ICUBoundaries()

  /// Transcodes `text` (one pass over its UTF-8).
  mutating func load(_ text: String) {
    units.removeAll(keepingCapacity: true)
    utf8Offsets.removeAll(keepingCapacity: true)
    var copy = text
    copy.withUTF8 { bytes in
      units.reserveCapacity(bytes.count)
      utf8Offsets.reserveCapacity(bytes.count + 1)
      var start = 0
      UTF8Decoder.forEachScalar(in: bytes) { value, end in
        UTF8Decoder.appendUTF16(value, to: &units)
        utf8Offsets.append(start)
        if value >= 0x10000 { utf8Offsets.append(start) }
        start = end
      }
      utf8Count = bytes.count
    }
    utf8Offsets.append(utf8Count)
  }
}
