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
    joins.removeAll(reserving: 2)
    joins.appendTransliteration(0..<3)
    joins.appendSingles(0..<3, surname: true)
    #expect(applied(joins, to: [true, true, true, true, true]) == [true, true, false, true, true], "the surname's cut wins over the transliteration")
    joins.appendSuffix(at: 1)
    #expect(applied(joins, to: [true, true, true, true, true]) == [true, false, false, true, true], "a suffix wins over the surname")
  }

  @Test("emptied joins keep nothing from the last segment, and a longer segment's room keeps none of it either")
  func removeAll() {
    var joins = WordJoins()
    joins.removeAll(reserving: 1)
    joins.appendTransliteration(0..<2)
    joins.appendSingles(2..<4, surname: false)
    joins.appendSuffix(at: 4)
    joins.removeAll(reserving: 1)
    #expect(applied(joins, to: [true, true, true, true, true]) == [true, true, true, true, true])
    joins.appendSuffix(at: 2)
    joins.removeAll(reserving: 100)
    #expect(joins.transliterations.isEmpty && joins.singles.isEmpty && joins.suffixes.isEmpty)
    joins.appendSuffix(at: 3)
    #expect(Array(joins.suffixes) == [3])
  }
}
