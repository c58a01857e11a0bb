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
  /// Transcodes `text` (one pass over its UTF-8), through staging buffers of its own.
  mutating func load(_ text: String) {
    load(text, staging: UTF16Staging())
  }

  /// Transcodes `text` through `staging` (``SentenceScratch`` keeps one for every block): the
  /// UTF-16 is written there, sized for the longest block so far, then copied into the arrays.
  /// Sizing the arrays themselves for the worst case (a unit per byte) and cutting them back
  /// filled every entry twice per block. The buffers are kept outside this type so that its
  /// shape stays plain arrays: with them inside, ``SRXSegmenter/apply(to:scratch:)`` was no
  /// longer specialized for its fields, English text +16 M.
  mutating func load(_ text: String, staging: UTF16Staging) {
    var copy = text
    copy.withUTF8 { bytes in
      let count = bytes.count
      staging.units.reserve(count)
      staging.offsets.reserve(count + 1)
      var unitCount = 0
      if let input = bytes.baseAddress {
        unitCount = Self.transcode(input, count: count, units: staging.units.base, offsets: staging.offsets.base)
      } else {
        staging.offsets.base[0] = 0
      }
      units.removeAll(keepingCapacity: true)
      units.append(contentsOf: staging.units.prefix(unitCount))
      utf8Offsets.removeAll(keepingCapacity: true)
      utf8Offsets.append(contentsOf: staging.offsets.prefix(unitCount + 1))
      utf8Count = count
    }
  }

  /// Writes the UTF-16 of the `count` bytes of valid UTF-8 at `input` to `units`, and each unit's
  /// character start to `offsets` (then `count` after the last), and returns the number of units.
  ///
  /// A run of ASCII goes eight bytes at a time (with every character through the shared
  /// per-scalar decoder an ASCII one cost 13 instructions), and a run of three-byte characters
  /// (CJK) stays in a loop of its own, two characters a turn.
  static func transcode(_ input: UnsafePointer<UInt8>, count: Int, units: UnsafeMutablePointer<UInt16>, offsets: UnsafeMutablePointer<Int>) -> Int {
    var index = 0
    var unit = 0
    while index < count {
      let lead = input[index]
      if lead & 0xF0 == 0xE0 {
        // Valid UTF-8: a three-byte lead has its two continuation bytes. Two characters a turn:
        // one a turn cost 24 instructions a character (the loop's own copies of its counters).
        while true {
          offsets[unit] = index
          units[unit] = threeByteUnit(input + index)
          index &+= 3
          guard index < count, input[index] & 0xF0 == 0xE0 else {
            unit &+= 1
            break
          }
          offsets[unit &+ 1] = index
          units[unit &+ 1] = threeByteUnit(input + index)
          index &+= 3
          unit &+= 2
          guard index < count, input[index] & 0xF0 == 0xE0 else { break }
        }
      } else if lead < 0x80 {
        offsets[unit] = index
        units[unit] = UInt16(lead)
        index &+= 1
        unit &+= 1
        // Eight at a time only after two ASCII bytes: a lone one among CJK pays one test.
        guard index < count, input[index] < 0x80 else { continue }
        while index &+ 8 <= count, ByteWord.load(input + index) & ByteWord.highs == 0 {
          for k in 0..<8 {
            offsets[unit &+ k] = index &+ k
            units[unit &+ k] = UInt16(input[index &+ k])
          }
          index &+= 8
          unit &+= 8
        }
      } else {
        offsets[unit] = index
        let (value, width) = UTF8Decoder.decode(input + index)
        if value < 0x10000 {
          units[unit] = UInt16(truncatingIfNeeded: value)
        } else {
          // A surrogate pair: both units start at the character.
          unit &+= UTF8Decoder.writeUTF16(value, to: units + unit) - 1
          offsets[unit] = index
        }
        index &+= width
        unit &+= 1
      }
    }
    offsets[unit] = count
    return unit
  }

  /// The UTF-16 unit of the three-byte UTF-8 character at `bytes` (the lead's top bits drop out
  /// of the 16-bit shift).
  @inline(__always)
  static func threeByteUnit(_ bytes: UnsafePointer<UInt8>) -> UInt16 {
    UInt16(truncatingIfNeeded: UInt32(bytes[0]) << 12) | UInt16(bytes[1] & 0x3F) << 6 | UInt16(bytes[2] & 0x3F)
  }
}
