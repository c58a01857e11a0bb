import SegflowICU

/// Unicode properties the segmentation and word layers test on every character, looked up in a
/// table for the Basic Multilingual Plane (generated from ICU's properties, ``ScalarTraitsData``:
/// the same Unicode version as ICU's breaking) instead of asked each time. Characters beyond the
/// BMP are computed as the table's entries were.
///
/// Loops over many characters take the table once (`let traits = ScalarTraits.shared`) and ask
/// it: each use of a static checks that it is initialized, which was a call per character.
enum ScalarTraits {
  fileprivate static let whitespaceBit: UInt8 = 1 << 3
  fileprivate static let alphabeticBit: UInt8 = 1 << 4
  fileprivate static let punctuationBit: UInt8 = 1 << 5
  fileprivate static let statusMask: UInt8 = 0b111

  /// The bits of an entry that hold the status, and their value for `status`: to test a status
  /// together with other bits under one mask (``WordRefiner/CharacterBits``).
  @inline(__always) static var statusEntryMask: UInt8 { statusMask }
  @inline(__always) static func entryBits(of status: WordRuleStatus) -> UInt8 { code(status) }

  @inline(__always)
  private static func code(_ status: WordRuleStatus) -> UInt8 {
    switch status {
    case .none: 0
    case .number: 1
    case .letter: 2
    case .kana: 3
    case .ideographic: 4
    }
  }

  @inline(__always)
  fileprivate static func status(code: UInt8) -> WordRuleStatus {
    switch code {
    case 1: .number
    case 2: .letter
    case 3: .kana
    case 4: .ideographic
    default: .none
    }
  }

  /// Per BMP code point: word status (bits 0–2), white space, alphabetic, punctuation.
  struct Table: @unchecked Sendable {
    /// 65,536 entries, allocated once for the process and never freed (immutable once built).
    fileprivate let entries: UnsafePointer<UInt8>

    @inline(__always)
    private func bits(_ scalar: Unicode.Scalar) -> UInt8 {
      scalar.value < 0x10000 ? entries[Int(scalar.value)] : ScalarTraits.compute(scalar)
    }

    /// The entry of BMP code point `value` (the tests compare it with the generated runs).
    func entry(_ value: Int) -> UInt8 { entries[value] }

    /// The whole entry of `scalar`, to keep and test with ``ScalarTraits/isWhitespace(entry:)``
    /// and the like.
    @inline(__always) func entry(of scalar: Unicode.Scalar) -> UInt8 { bits(scalar) }

    @inline(__always) func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { bits(scalar) & ScalarTraits.whitespaceBit != 0 }
    @inline(__always) func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool { bits(scalar) & ScalarTraits.alphabeticBit != 0 }
    @inline(__always) func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { bits(scalar) & ScalarTraits.punctuationBit != 0 }
    @inline(__always) func status(of scalar: Unicode.Scalar) -> WordRuleStatus { ScalarTraits.status(code: bits(scalar) & ScalarTraits.statusMask) }
  }

  /// Filled from the generated runs (``ScalarTraitsData``) rather than from ICU's properties:
  /// computing all 65,536 entries cost some 5 M instructions at every process start, filling
  /// them from the runs a fraction of that. `ScalarTraitsTableTests` checks the runs against
  /// ``compute(_:)`` and `ScalarShortcutTests` every entry against ICU's properties.
  static let shared: Table = {
    let entries = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
    entries.initialize(repeating: 0, count: 0x10000)
    BMPRuns.fill(UnsafeMutableBufferPointer(start: entries, count: 0x10000), from: ScalarTraitsData.runs)
    return Table(entries: entries)
  }()

  /// A scalar's bits, asking ICU for the general category once and for the binary properties
  /// only where the category leaves them open: building the table at every process start took
  /// some 95 M instructions when the standard library was asked each property of every scalar,
  /// 36 M when asked the category alone, 5 M with ICU's. White space is only ever a separator or
  /// a control; every letter and letter number is alphabetic, and of the other categories only
  /// marks, other symbols, other numbers and format characters may be (circled letters,
  /// combining vowel signs). `ScalarShortcutTests` checks every scalar, in every plane, against
  /// ICU's properties themselves.
  /// (Also what `ScalarTraitsTableTests` computes ``ScalarTraitsData/runs`` from.)
  static func compute(_ scalar: Unicode.Scalar) -> UInt8 {
    let category = scalar.icuCategory
    var bits = code(WordRefiner.computedStatus(of: scalar, category: category))
    switch category {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
      if scalar.isICUWhiteSpace { bits |= whitespaceBit }
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
      bits |= alphabeticBit
    case .nonspacingMark, .spacingMark, .enclosingMark, .otherSymbol, .otherNumber, .format:
      if scalar.isICUAlphabetic { bits |= alphabeticBit }
    default:
      break
    }
    if category.isPunctuation { bits |= punctuationBit }
    return bits
  }

  @inline(__always) static func isWhitespace(entry: UInt8) -> Bool { entry & whitespaceBit != 0 }
  @inline(__always) static func isAlphabetic(entry: UInt8) -> Bool { entry & alphabeticBit != 0 }
  @inline(__always) static func isPunctuation(entry: UInt8) -> Bool { entry & punctuationBit != 0 }
  @inline(__always) static func status(entry: UInt8) -> WordRuleStatus { status(code: entry & statusMask) }

  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { shared.isWhitespace(scalar) }
  static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool { shared.isAlphabetic(scalar) }
  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { shared.isPunctuation(scalar) }
  static func status(of scalar: Unicode.Scalar) -> WordRuleStatus { shared.status(of: scalar) }
}
