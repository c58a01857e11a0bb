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
    var copy = text
    copy.withUTF8 { bytes in
      // Sized for the worst case (a unit per byte), written through pointers, then cut to what
      // was written: appending checked capacity and uniqueness twice per character.
      let count = bytes.count
      units.resize(to: count, with: 0)
      utf8Offsets.resize(to: count + 1, with: 0)
      var unitCount = 0
      units.withUnsafeMutableBufferPointer { unitsOut in
        utf8Offsets.withUnsafeMutableBufferPointer { offsetsOut in
          guard let first = unitsOut.baseAddress else { return }
          var start = 0
          UTF8Decoder.forEachScalar(in: bytes) { value, end in
            let width = UTF8Decoder.writeUTF16(value, to: first + unitCount)
            offsetsOut[unitCount] = start
            if width == 2 { offsetsOut[unitCount + 1] = start }
            unitCount += width
            start = end
          }
          offsetsOut[unitCount] = count
        }
      }
      units.resize(to: unitCount, with: 0)
      utf8Offsets.resize(to: unitCount + 1, with: 0)
      utf8Count = count
    }
  }
}
