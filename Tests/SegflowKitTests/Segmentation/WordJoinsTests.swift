import Testing

@testable import SegflowKit

@Suite struct WordJoinsTests {
  func applied(_ joins: WordJoins, to cuts: [Bool]) -> [Bool] {
    var cuts = cuts
    cuts.withUnsafeMutableBufferPointer { joins.apply(to: $0) }
    return cuts
  }

  @Test("joins apply in order: transliterations, single characters (a surname's cut set again), suffixes")
  func order() {
    var joins = WordJoins()
    joins.transliterations = [0..<3]
    joins.singles = [(range: 0..<3, surname: true)]
    #expect(applied(joins, to: [true, true, true, true, true]) == [true, true, false, true, true], "the surname's cut wins over the transliteration")
    joins.suffixes = [1]
    #expect(applied(joins, to: [true, true, true, true, true]) == [true, false, false, true, true], "a suffix wins over the surname")
  }

  @Test("emptied joins keep nothing from the last segment")
  func removeAll() {
    var joins = WordJoins()
    joins.transliterations = [0..<2]
    joins.singles = [(range: 2..<4, surname: false)]
    joins.suffixes = [4]
    joins.removeAll()
    #expect(applied(joins, to: [true, true, true, true, true]) == [true, true, true, true, true])
  }
}
