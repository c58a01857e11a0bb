/// One line decoded for profiling: each scalar with its UTF-8 offset and class table entry (reflow
/// class, display width, punctuation flags), in buffers that are reused from line to line.
///
/// Reflow profiles every line; allocating the scalar, class and token arrays of each line (and
/// freeing them) was most of its time. One `DecodedLine` serves a whole document.
final class DecodedLine {
  private(set) var count = 0
  /// The line holds a character that is not white space.
  private(set) var hasNonSpace = false
  private(set) var scalars: UnsafeMutablePointer<Unicode.Scalar>
  /// UTF-8 offset of each scalar in the line; `offsets[count]` is the line's byte length.
  private(set) var offsets: UnsafeMutablePointer<Int>
  /// The ``ScalarTable`` entry of each scalar as the table holds it (beyond the BMP, its class
  /// and wide flag computed, no punctuation flag), but for the class of an ambiguous mark in a
  /// Latin line (see `load`). Stored whole: the class and the width in arrays of their own were a
  /// fifth of the decoding loop, and the profile reads each mark's flags here rather than look it
  /// up again. Room for eight entries past the last scalar, initialized (their values do not
  /// matter): the profile reads runs of ideographs eight entries at a time
  /// (``LineProfile/ScalarCounts/endOfWideIdeographs(_:from:upper:)``).
  private(set) var entries: UnsafeMutablePointer<UInt8>
  /// The class of each scalar (its entry's low four bits).
  var classes: Classes { Classes(entries: entries) }
  /// ``ScalarClass/width(_:)`` of each scalar (its entry's wide flag).
  var widths: Widths { Widths(entries: entries) }
  private var capacity: Int
  /// Scratch for the profile: scalar ranges of the spaces between words (fewer than the scalars).
  private(set) var gaps: UnsafeMutablePointer<Range<Int>>
  /// ``ScalarTable/bmp``, held for the decoding loop: the global, behind its lazy initialization
  /// check, was read once a line.
  let table = ScalarTable.bmp

  init(capacity: Int = 256) {
    self.capacity = capacity
    scalars = .allocate(capacity: capacity)
    offsets = .allocate(capacity: capacity + 1)
    entries = Self.allocateEntries(capacity)
    gaps = .allocate(capacity: capacity)
  }

  /// An entry buffer for `capacity` scalars and eight more entries, all initialized.
  private static func allocateEntries(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
    let entries = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 8)
    entries.initialize(repeating: 0, count: capacity + 8)
    return entries
  }

  deinit {
    scalars.deallocate()
    offsets.deallocate()
    entries.deallocate()
    gaps.deallocate()
  }

  /// Decodes `text` and classifies its scalars. In a line without any CJK character (no
  /// ideograph or kana, no wide or full-width punctuation), East Asian *ambiguous*
  /// punctuation (`“ ” ‘ ’ – • …`) is Latin punctuation, not CJK: the spaces around it are real
  /// (`said, “This`).
  func load(_ text: Substring) {
    var slice = text
    load(&slice)
  }

  /// Decodes `text` in place (`withUTF8` on the caller's slice: on a copy, as for a borrowed
  /// one, it cost a retain and a release per line). A native string is not changed.
  func load(_ text: inout Substring) {
    text.withUTF8 { load(utf8: $0) }
  }

  private func load(utf8: UnsafeBufferPointer<UInt8>) {
    if utf8.count > capacity { grow(to: utf8.count) }
    // (Locals: every access to a class's stored property is checked for exclusivity.)
    let scalars = self.scalars
    let offsets = self.offsets
    let entries = self.entries
    var n = 0
    var index = 0
    let end = utf8.count
    // (Not nil whenever the loop below runs: there are bytes.)
    let bytes = utf8.baseAddress
    // (Wrapping arithmetic, `&+`, for the indexes, which stay below the line's byte count: their
    // overflow checks were a tenth of the loop.)
    table.withUnsafeBufferPointer { table in
      while index < end {
        let lead = bytes.unsafelyUnwrapped[index]
        if lead & 0xF0 == 0xE0 {
          // Three bytes (CJK: nearly every character of a Chinese line), in a path of its own:
          // the marker bits of the three bytes taken off by one subtraction, not masked byte by
          // byte. Always in the BMP. (Some six instructions a character less than the shared
          // path below.)
          let value = (UInt32(lead) &<< 12 &+ UInt32(bytes.unsafelyUnwrapped[index &+ 1]) &<< 6
            &+ UInt32(bytes.unsafelyUnwrapped[index &+ 2])) &- 0xE2080
          scalars[n] = unsafeBitCast(value, to: Unicode.Scalar.self)
          offsets[n] = index
          entries[n] = table[Int(value)]
          n &+= 1
          index &+= 3
          continue
        }
        if lead < 0x80 {
          // ASCII (Latin text), not through the shared path, which would test for three bytes again.
          scalars[n] = Unicode.Scalar(lead)
          offsets[n] = index
          entries[n] = table[Int(lead)]
          n &+= 1
          index &+= 1
          continue
        }
        // Swift strings hold well-formed UTF-8.
        let (value, length) = UTF8Decoder.decode(bytes.unsafelyUnwrapped + index)
        // (Unchecked: a Swift string holds only scalar values, and the table only raw values of
        // classes (`ScalarClass.fromTable`); checking both was a fifth of the loop.)
        let scalar = unsafeBitCast(value, to: Unicode.Scalar.self)
        let entry: UInt8
        if value < 0x10000 {
          entry = table[Int(value)]
        } else {
          entry = ScalarTable.entry(computing: scalar)
        }
        scalars[n] = scalar
        offsets[n] = index
        entries[n] = entry
        n &+= 1
        index &+= length
      }
    }
    offsets[n] = end
    count = n
    let classes = self.classes
    // Is the line blank, is it Latin? Asked after the loop, which they would slow for every
    // character: up to the first character that is not a space, and to the first CJK character
    // that is not East Asian ambiguous (in a CJK line, nearly always the first or second).
    var nonSpace = false
    for i in 0..<n where classes[i] != .space {
      nonSpace = true
      break
    }
    hasNonSpace = nonSpace
    var settled = false  // a CJK character that is not East Asian ambiguous was seen
    var ambiguous = false
    for i in 0..<n {
      let kind = classes[i]
      if kind == .ideograph {
        settled = true
        break
      } else if kind == .cjkPunctuation {
        if scalars[i].eastAsianWidth != .ambiguous {
          settled = true
          break
        }
        ambiguous = true
      }
    }
    if !settled && ambiguous {
      for i in 0..<n where classes[i] == .cjkPunctuation { entries[i] = entries[i] & ~ScalarTable.classMask | ScalarClass.other.rawValue }
    }
  }

  private func grow(to bytes: Int) {
    // A line has at most one scalar per byte.
    let size = max(bytes, capacity * 2)
    scalars.deallocate()
    offsets.deallocate()
    entries.deallocate()
    gaps.deallocate()
    scalars = .allocate(capacity: size)
    offsets = .allocate(capacity: size + 1)
    entries = Self.allocateEntries(size)
    gaps = .allocate(capacity: size)
    capacity = size
  }

  /// The classes of the decoded scalars, read from their entries.
  struct Classes {
    let entries: UnsafeMutablePointer<UInt8>
    subscript(index: Int) -> ScalarClass {
      @inline(__always) get { ScalarClass.fromTable(entries[index]) }
    }
  }

  /// The widths of the decoded scalars, read from their entries.
  struct Widths {
    let entries: UnsafeMutablePointer<UInt8>
    subscript(index: Int) -> UInt8 {
      @inline(__always) get { 1 &+ (entries[index] >> 4) & 1 }
    }
  }

  /// The decoded scalars, for the helpers that read characters (bylines, quotes).
  func scalarBuffer() -> UnsafeBufferPointer<Unicode.Scalar> {
    UnsafeBufferPointer(start: scalars, count: count)
  }
}
