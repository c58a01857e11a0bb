import SegflowICU

/// The one-character classes the candidate filters check (``SRXCandidateFilter``), and per BMP
/// unit the classes it belongs to, filled in as units turn up in blocks.
///
/// Membership is ICU's own: each class is compiled as a pattern and run over the units not seen
/// before, so `\p{L}` or `[\w+-]` mean exactly what they mean in the rule (a table derived from
/// Swift's Unicode data could disagree with the ICU version at hand). A block's text has some
/// hundred distinct units, so this costs far less than tabulating the whole BMP.
final class SRXUnitClasses {
  /// Per unit, this many 64-bit words of class bits, 63 classes in each (bit 63 of the first
  /// marks a unit already classified): the English rules use some 90 classes, most of them the
  /// letters of the titles rule.
  static let words = 2
  static let bitsPerWord = 63
  static let capacity = words * bitsPerWord
  private static let classified: UInt64 = 1 << 63

  /// Where a unit's word `word` is in ``table``.
  @inline(__always)
  static func slot(_ unit: UInt16, _ word: Int) -> Int { Int(unit) &* words &+ word }

  private(set) var patterns: [String] = []
  /// Per class, ``breadth(of:_:)``'s count for it alone, worked out once when it is added (the
  /// filters ask for every check of every path).
  private var breadths: [Int] = []
  /// Per class, its regex; nil for a class of literal characters, whose bits are set once (a
  /// Chinese block brings new characters all the time, and asking ICU about each costs more
  /// than the filters save).
  private var regexes: [ICURegex?] = []
  /// Per UTF-16 unit, its class bits in ``words`` words (surrogates: none).
  private(set) var table = [UInt64](repeating: 0, count: 0x10000 * words)
  /// ICU failed on a class: the table cannot be trusted and no filter may use it.
  private(set) var broken = false

  init() {}

  /// The bit of the class `pattern` (one character of the rule's pattern text), added if new;
  /// nil when it does not compile alone or no bit is left. Only before the first ``prepare(_:)``.
  func index(of pattern: String) -> Int? {
    if let index = patterns.firstIndex(of: pattern) { return index }
    guard patterns.count < Self.capacity, let regex = try? ICURegex(pattern) else { return nil }
    let index = patterns.count
    patterns.append(pattern)
    breadths.append(Self.breadth(of: pattern))
    var parser = SRXPrefilter.Parser(chars: Array(pattern.unicodeScalars))
    if let token = parser.element(), parser.index == parser.chars.count, !parser.unsafe, !token.isGroup, let units = token.units {
      regexes.append(nil)
      let (word, bit) = (index / Self.bitsPerWord, index % Self.bitsPerWord)
      for unit in units { table[Self.slot(unit, word)] |= 1 << UInt64(bit) }
    } else {
      regexes.append(regex)
    }
    return index
  }

  /// A rough count of the characters the classes of `mask` hold, to test narrow classes first:
  /// one for a literal character, the members of a bracket of literals, many for anything else.
  func breadth(of word: Int, _ mask: UInt64) -> Int {
    var total = 0
    for index in breadths.indices where index / Self.bitsPerWord == word && mask & (1 << UInt64(index % Self.bitsPerWord)) != 0 {
      total += breadths[index]
    }
    return total
  }

  /// ``breadth(of:_:)`` of one class.
  private static func breadth(of pattern: String) -> Int {
    let scalars = Array(pattern.unicodeScalars)
    if scalars.count == 1 || (scalars.count == 2 && scalars[0] == "\\" && !scalars[1].properties.isAlphabetic) {
      return 1
    } else if pattern == "\\s" {
      return 25  // White_Space: spaces and line ends, far fewer than the letters next to them
    } else if scalars.first == "[", scalars.last == "]", !pattern.contains("\\p"), !pattern.contains("\\P"), !pattern.contains("-"),
      !pattern.dropFirst().contains("["), !pattern.hasPrefix("[^"), !scalars.contains(where: { $0 == "\\" }) {
      return scalars.count - 2
    } else {
      return 1_000
    }
  }

  /// Classifies the units of `units` not seen before; returns the positions of surrogates, in
  /// order.
  func prepare(_ units: [UInt16]) -> [Int] {
    var fresh: [UInt16] = []
    var surrogates: [Int] = []
    // One test a unit in the common case: surrogates are never marked classified (they have no
    // classes), so they take the rare branch with the units not seen before.
    units.withUnsafeBufferPointer { units in
      table.withUnsafeMutableBufferPointer { table in
        for position in units.indices {
          let unit = units[position]
          let slot = Self.slot(unit, 0)
          guard table[slot] & Self.classified == 0 else { continue }
          if unit & 0xF800 == 0xD800 {
            surrogates.append(position)
          } else {
            table[slot] |= Self.classified
            fresh.append(unit)
          }
        }
      }
    }
    guard !fresh.isEmpty else { return surrogates }
    for (index, regex) in regexes.enumerated() {
      guard let regex else { continue }
      let (word, bit) = (index / Self.bitsPerWord, index % Self.bitsPerWord)
      // Each class matches one unit of `fresh` at a time (none is a surrogate).
      do {
        try regex.setText(fresh)
        for range in try regex.matches(from: 0) {
          for position in range { table[Self.slot(fresh[position], word)] |= 1 << UInt64(bit) }
        }
      } catch {
        broken = true
      }
    }
    return surrogates
  }
}
