extension LineProfile {
  /// The profile's yes-or-no facts, a bit each (see ``LineProfile``'s accessors of the same names).
  struct Traits: OptionSet {
    let rawValue: UInt16

    static let letterSpaced = Traits(rawValue: 1 << 0)
    static let justified = Traits(rawValue: 1 << 1)
    static let endsSentence = Traits(rawValue: 1 << 2)
    static let clausePunctuation = Traits(rawValue: 1 << 3)
    static let brackets = Traits(rawValue: 1 << 4)
    static let internalSpace = Traits(rawValue: 1 << 5)
    static let softSpaceQuoted = Traits(rawValue: 1 << 6)
    static let softSpaceIsolatesCharacter = Traits(rawValue: 1 << 7)
    static let softSpaceIsolatedAtQuote = Traits(rawValue: 1 << 8)
    static let pureCJK = Traits(rawValue: 1 << 9)
    static let exactWidth = Traits(rawValue: 1 << 10)
    static let latin = Traits(rawValue: 1 << 11)
    static let latinLetter = Traits(rawValue: 1 << 12)
  }
}
