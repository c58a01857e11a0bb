import SegflowICU

/// The classes of characters that line-flow repair reasons about.
enum ScalarClass: UInt8, Sendable {
  /// Han, kana, bopomofo: joined without spaces. (Hangul is a `latinLetter`: Korean puts
  /// spaces between words, so a space beside hangul is real and a line of it wraps at one.)
  case ideograph
  /// Full-width CJK punctuation and symbols (`，。、“”《》…`).
  case cjkPunctuation
  case latinLetter
  case digit
  /// Other half-width characters: ASCII punctuation, symbols.
  case other
  case space

  /// True for characters of CJK text (no spaces between them in running text).
  var isCJK: Bool { self == .ideograph || self == .cjkPunctuation }
  /// True for characters of Latin-script words and numbers.
  var isWordLike: Bool { self == .latinLetter || self == .digit }

  /// Set as a CJK glyph on a page: two units wide and upright in vertical text (UAX #50).
  /// Hangul is one, though it is word-like for spacing: the only East Asian *wide* letters not
  /// classed `ideograph` are hangul (`é`, Greek, Cyrillic are *ambiguous*, set narrow here).
  static func isCJKGlyph(_ scalar: Unicode.Scalar) -> Bool {
    let kind = ScalarClass(scalar)
    return kind.isCJK || (kind == .latinLetter && scalar.value >= 0x1100 && scalar.eastAsianWidth == .wide)
  }

  /// Looked up in a table for the Basic Multilingual Plane (``ScalarTable/bmp``): reflow
  /// classifies every character, and asking ICU each time costs more than the rest.
  init(_ scalar: Unicode.Scalar) {
    if scalar.value < 0x10000 {
      self = ScalarClass(rawValue: ScalarTable.bmp[Int(scalar.value)] & ScalarTable.classMask) ?? .other
    } else {
      self = ScalarClass(computing: scalar)
    }
  }

  /// The class of a ``ScalarTable/bmp`` entry, read without checking its raw value: the table
  /// holds only raw values of cases (it is built from them), and the cases' raw values are
  /// their declaration order, which is how an enum is laid out (`ScalarTableTests` checks
  /// both). For `DecodedLine.load`, which reads it for every character.
  @inline(__always)
  static func fromTable(_ entry: UInt8) -> ScalarClass {
    unsafeBitCast(entry & ScalarTable.classMask, to: ScalarClass.self)
  }

  init(computing scalar: Unicode.Scalar) {
    self.init(computing: scalar, width: scalar.value < 0x80 ? .narrow : scalar.eastAsianWidth)
  }

  /// The class of `scalar`, whose East Asian width is `width`: the table has asked ICU for it
  /// already, and asking again was a twentieth of building the table. ASCII does not read it.
  init(computing scalar: Unicode.Scalar, width: EastAsianWidth) {
    let value = scalar.value
    if value < 0x80 {
      switch value {
      case 0x30...0x39: self = .digit
      case 0x41...0x5A, 0x61...0x7A: self = .latinLetter
      case 0x09, 0x20: self = .space
      default: self = .other
      }
      return
    }
    if scalar == "\u{3000}" || scalar == "\u{00A0}" || scalar == "\u{2009}" || scalar == "\u{202F}" {
      self = .space
      return
    }
    // (Each property is a search of ICU's tables, the same Unicode version as its breaking, and
    // the table's entries were computed for every BMP scalar: white space is asked only of
    // separators and controls, the only categories White_Space has (PropList.txt), and the
    // script by number, not by name.)
    switch scalar.icuCategory {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
      // (A separator or control that is not white space is classed as punctuation and symbols
      // are, below.)
      self = scalar.isICUWhiteSpace ? .space : width.columns == 2 ? .cjkPunctuation : .other
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark:
      switch scalar.script {
      case .han, .hiragana, .katakana, .bopomofo: self = .ideograph
      case .hangul: self = .latinLetter
      default:
        // Letters of other scripts are CJK only when typeset wide (full-width `Ａ`); East Asian
        // *ambiguous* letters (`ù`, `é`, Greek, Cyrillic) are Latin-like words.
        self = width == .wide || width == .fullwidth ? .ideograph : .latinLetter
      }
    case .decimalNumber:
      self = width == .fullwidth ? .ideograph : .digit
    case .otherNumber, .letterNumber:
      self = width.columns == 2 ? .ideograph : .digit
    default:
      // Punctuation and symbols: CJK when typeset full width (wide, fullwidth, or the ambiguous
      // quotes, dashes and ellipsis that Chinese fonts set full width).
      self = width.columns == 2 ? .cjkPunctuation : .other
    }
  }

  /// Display width in half-width units (a CJK character is 2). The middle dot of foreign names
  /// (`威廉·普拉格`, U+00B7, East Asian *ambiguous*) is narrow: Noto CJK / Source Han set it
  /// proportional, and xeCJK takes it from the Latin font.
  static func width(_ scalar: Unicode.Scalar) -> Int {
    if scalar.value < 0x10000 { return ScalarTable.bmp[Int(scalar.value)] & 0x10 != 0 ? 2 : 1 }
    return scalar.eastAsianWidth.columns
  }
}

/// Class (low four bits), wide flag (0x10: ``ScalarClass/width(_:)`` is 2) and punctuation flags
/// (``terminalFlag``, ``clauseFlag``, ``continuingFlag``) of every BMP scalar.
///
/// The flags are the three sets the line profile asks about each mark: one lookup in this table
/// instead of three bitmaps, each behind its own lazy initialization. No set holds a scalar
/// beyond the BMP.
enum ScalarTable {
  /// The class's raw value.
  static let classMask: UInt8 = 0x0F
  /// ``ScalarClass/width(_:)`` is 2.
  static let wideFlag: UInt8 = 0x10
  /// The entry of a wide ideograph: class zero, wide, in no punctuation set (no ideograph is).
  static let wideIdeograph: UInt8 = wideFlag
  /// In ``Punctuation/terminal``.
  static let terminalFlag: UInt8 = 0x20
  /// In ``Punctuation/clauseInternal``.
  static let clauseFlag: UInt8 = 0x40
  /// In ``Punctuation/continuing``.
  static let continuingFlag: UInt8 = 0x80
  /// The three punctuation flags.
  static let punctuationFlagsMask: UInt8 = terminalFlag | clauseFlag | continuingFlag

  /// Class and wide flag (the low five bits of an entry) as ICU's properties give them: what
  /// ``ScalarTableData/runs`` freezes, and what `ScalarTableTests` checks it against for every
  /// BMP scalar.
  static func entry(computing scalar: Unicode.Scalar) -> UInt8 {
    let value = scalar.value
    // (ASCII and the middle dot are narrow, whatever their East Asian width: see `width`. The
    // flag says so, so that reading a line's widths is one test.)
    let width: EastAsianWidth = value < 0x80 ? .narrow : scalar.eastAsianWidth
    let wide: UInt8 = value != 0xB7 && width.columns == 2 ? wideFlag : 0
    return ScalarClass(computing: scalar, width: width).rawValue | wide
  }

  /// Built from the generated runs rather than from the properties: asking ICU the general
  /// category, the script and the East Asian width of all 65,536 scalars cost some 230
  /// instructions each, 15 M once per process (600 and 39 M with the standard library's
  /// category), where filling the table from the runs costs 0.2 M.
  static let bmp: [UInt8] = {
    var table = [UInt8](repeating: ScalarClass.other.rawValue, count: 0x10000)
    table.withUnsafeMutableBufferPointer { BMPRuns.fill($0, from: ScalarTableData.runs) }
    for (marks, flag) in [
      (Punctuation.terminalMarks, terminalFlag), (Punctuation.clauseInternalMarks, clauseFlag),
      (Punctuation.continuingMarks, continuingFlag),
    ] {
      for scalar in marks.unicodeScalars { table[Int(scalar.value)] |= flag }
    }
    return table
  }()

  /// The punctuation flags of `scalar` (none beyond the BMP). (Reflow reads them from the
  /// entries its decoded line keeps: `DecodedLine.entries`.)
  static func punctuationFlags(_ scalar: Unicode.Scalar) -> UInt8 {
    scalar.value < 0x10000 ? bmp[Int(scalar.value)] & punctuationFlagsMask : 0
  }
}

/// Punctuation sets from W3C clreq ("prohibition rules for line start/end") and sentence ends.
enum Punctuation {
  /// Never at the start of a line in real typesetting.
  static let noLineStart: ScalarSet = ScalarSet(noLineStartMarks)
  static let noLineStartMarks = "、，。．：；！？”’」』）〕］｝】〗》〉～·・‧/／!?),.:;%…—"
  /// Never at the end of a line in real typesetting.
  static let noLineEnd: ScalarSet = ScalarSet(noLineEndMarks)
  static let noLineEndMarks = "“‘「『（〔［｛【〖《〈("
  /// Ends a sentence.
  static let terminal: ScalarSet = ScalarSet(terminalMarks)
  static let terminalMarks = "。！？!?．…"
  /// Latin sentence end (only when followed by nothing on the line).
  static let latinTerminal: ScalarSet = ScalarSet(".!?")
  /// Closing marks that may follow a sentence end (`。”`).
  static let closing: ScalarSet = ScalarSet("”’」』）〕］｝】〗》〉)\"'")
  /// Punctuation inside a sentence: a line containing one is body text, not a heading.
  static let clauseInternal: ScalarSet = ScalarSet(clauseInternalMarks)
  static let clauseInternalMarks = "，。；：！？、,;"
  /// Quotation marks that open and close a quote (for spaces inside slogans).
  static let openingQuotes: ScalarSet = ScalarSet("“‘「『《")
  static let closingQuotes: ScalarSet = ScalarSet("”’」』》")
  /// A line ending with one of these continues on the next line.
  static let continuing: ScalarSet = ScalarSet(continuingMarks)
  static let continuingMarks = "，、；：,;:—"
}

/// A set of characters with constant-time, hash-free membership for the BMP (a bitmap):
/// reflow asks about every character of every line.
struct ScalarSet: Sendable {
  private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
  private var astral: Set<UInt32> = []

  init(_ characters: String) {
    for scalar in characters.unicodeScalars {
      if scalar.value < 0x10000 {
        bits[Int(scalar.value) >> 6] |= 1 << (UInt64(scalar.value) & 63)
      } else {
        astral.insert(scalar.value)
      }
    }
  }

  @inline(__always)
  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x10000 { return bits[Int(value) >> 6] & (1 << (UInt64(value) & 63)) != 0 }
    return astral.contains(value)
  }

  /// Calls `body` with each member in the BMP, in ascending order (the set's bitmap read a word
  /// at a time, for tables built from sets).
  func forEachBMPMember(_ body: (UInt32) -> Void) {
    for (index, word) in bits.enumerated() where word != 0 {
      var rest = word
      while rest != 0 {
        body(UInt32(index << 6 | rest.trailingZeroBitCount))
        rest &= rest - 1
      }
    }
  }
}
