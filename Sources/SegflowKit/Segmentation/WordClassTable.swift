/// The character sets the word layer tests at every character and every word
/// (``WordRefiner``'s numerals, measure words, date initials, …), as bits of one table entry per
/// BMP code point: a test is one load and a mask, inlined, where a `ScalarSet` lookup was a call.
///
/// Built once from the sets themselves, so membership is exactly theirs; characters beyond the
/// BMP are asked from the sets.
struct WordClassTable: @unchecked Sendable {
  /// One bit per set; bits 24 to 31 hold the character's ``ScalarTraits`` entry
  /// (``bits(of:)``, ``WordRefiner/CharacterBits``).
  struct Class: Sendable {
    fileprivate let bit: UInt32
    fileprivate let index: Int

    fileprivate init(_ index: Int) {
      self.index = index
      bit = 1 << UInt32(index)
    }

    /// Whether `bits` (from ``WordClassTable/bits(of:)``) has this class.
    @inline(__always)
    func isIn(_ bits: UInt32) -> Bool { bits & bit != 0 }

    /// The bits of `classes` together, to test several with one mask.
    static func bits(_ classes: Class...) -> UInt32 { classes.reduce(0) { $0 | $1.bit } }

    static let urlInitial = Class(0)
    static let dateInitial = Class(1)
    static let numeralDigit = Class(2)
    static let numeralAll = Class(3)
    static let yearDigit = Class(4)
    static let monthDigit = Class(5)
    static let ordinalDigit = Class(6)
    static let numeral = Class(7)
    static let measure = Class(8)
    static let transliteration = Class(9)
    static let functionCharacter = Class(10)
    static let surname = Class(11)
    static let suffixInitial = Class(12)
    static let singleSuffix = Class(13)
    static let largeNumberUnit = Class(14)
    static let percentSign = Class(15)
    static let digit = Class(16)
    static let atSign = Class(17)
    static let ordinalMark = Class(18)
  }

  /// The sets, in the order of the classes' bits.
  private static let sets: [ScalarSet] = [
    WordRefiner.urlInitials, WordRefiner.dateInitials, WordRefiner.numeralDigits, WordRefiner.numeralAll,
    WordRefiner.yearDigits, WordRefiner.monthDigits, WordRefiner.ordinalDigits, WordRefiner.numerals,
    WordRefiner.measures, WordRefiner.transliteration, WordRefiner.functionCharacters, WordRefiner.surnames,
    WordRefiner.suffixInitials, WordRefiner.singleSuffixes, WordRefiner.largeNumberUnits, WordRefiner.percentSigns,
    WordRefiner.digits, WordRefiner.atSigns, WordRefiner.ordinalMarks,
  ]

  static let shared = WordClassTable()

  /// 65,536 entries, allocated once for the process and never freed (immutable after `init`).
  private let bits: UnsafeMutablePointer<UInt32>

  private init() {
    // The sets' bits and the traits entry share one word: at most 24 sets.
    precondition(Self.sets.count <= 24, "WordClassTable: more than 24 sets would overwrite the traits byte")
    bits = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
    let traits = ScalarTraits.shared
    for value in 0..<0x10000 { (bits + value).initialize(to: WordRefiner.CharacterBits.combine(0, traits.entry(value))) }
    for (index, set) in Self.sets.enumerated() {
      set.forEachBMPMember { value in bits[Int(value)] |= 1 << UInt32(index) }
    }
  }

  /// The bits of every class `scalar` belongs to (test them with ``Class/isIn(_:)``), with its
  /// ``ScalarTraits`` entry in the top byte (``WordRefiner/CharacterBits``): the word layer's pass
  /// over a segment's characters wants both, and one table is one load a character.
  @inline(__always)
  func bits(of scalar: Unicode.Scalar) -> UInt32 {
    let value = scalar.value
    if value < 0x10000 { return bits[Int(value)] }
    return Self.bitsBeyondBMP(of: scalar)
  }

  /// ``bits(of:)`` asked of the sets and ``ScalarTraits`` (rare: out of line, so that the loops
  /// that call ``bits(of:)`` keep their values in registers).
  @inline(never)
  private static func bitsBeyondBMP(of scalar: Unicode.Scalar) -> UInt32 {
    var result = WordRefiner.CharacterBits.combine(0, ScalarTraits.shared.entry(of: scalar))
    for (index, set) in sets.enumerated() where set.contains(scalar) { result |= 1 << UInt32(index) }
    return result
  }

  @inline(__always)
  func contains(_ scalar: Unicode.Scalar, _ set: Class) -> Bool {
    let value = scalar.value
    if value < 0x10000 { return bits[Int(value)] & set.bit != 0 }
    return Self.sets[set.index].contains(scalar)
  }
}
