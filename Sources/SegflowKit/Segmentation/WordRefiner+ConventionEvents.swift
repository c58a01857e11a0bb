extension WordRefiner {
  /// What the conventions' pass over ICU's words found that needs a call (a join appended to a
  /// list, a word compared with a set of strings), done after the pass in the order found
  /// (``conventionEvents(_:bits:ranges:cut:events:splitNumeralMeasure:pku:ud:joinTransliterations:joinSingleCharacters:attachSuffixes:)``).
  struct ConventionEvent {
    enum Kind: UInt8 {
      /// A two-character word with 的: split unless it is one of ``wordsWithDe``.
      case particle
      /// A run of transliteration words to join.
      case transliteration
      /// Two or three single characters to join.
      case singles
      /// A word of two ideographs or more before a word of one or two characters that starts
      /// like a suffix: joined if that word is one of ``suffixes``.
      case suffixOfOne, suffixOfTwo
    }
    var kind: Kind
    /// The word's (or run's) scalar range.
    var start: Int
    var end: Int
  }

  /// The pass of ``applyPKUConventions(_:bits:ranges:cut:joins:events:)`` over ICU's words
  /// `ranges`: writes the splits to `cut` and the rest as events to `events` (room for
  /// `3 * ranges.count + 2`), and returns how many.
  ///
  /// A function of its own, without calls, so that its values are not kept across the calls of
  /// the rest (they were reloaded from the stack at every word); with the default options as
  /// constants, whose tests, and the paths they turn off, are compiled away.
  @inline(never)
  static func conventionEvents(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, bits: UnsafeBufferPointer<UInt32>, ranges: UnsafeBufferPointer<Range<Int>>, cut: UnsafeMutableBufferPointer<Bool>,
    events: UnsafeMutablePointer<ConventionEvent>, splitNumeralMeasure: Bool, pku: Bool, ud: Bool, joinTransliterations: Bool, joinSingleCharacters: Bool,
    attachSuffixes: Bool
  ) -> Int {
    if splitNumeralMeasure, pku, joinTransliterations, joinSingleCharacters, attachSuffixes {
      return conventionEvents(
        scalars, bits: bits, ranges: ranges, cut: cut, events: events, splitNumeralMeasure: true, pku: true, ud: false, joinTransliterations: true,
        joinSingleCharacters: true, attachSuffixes: true, inlined: ())
    }
    return conventionEvents(
      scalars, bits: bits, ranges: ranges, cut: cut, events: events, splitNumeralMeasure: splitNumeralMeasure, pku: pku, ud: ud,
      joinTransliterations: joinTransliterations, joinSingleCharacters: joinSingleCharacters, attachSuffixes: attachSuffixes, inlined: ())
  }

  /// Whether every character of `range` is ideographic.
  @inline(__always)
  private static func isIdeographic(_ bits: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
    range.allSatisfy { CharacterBits.status(bits[$0]) == .ideographic }
  }

  /// ``conventionEvents(_:bits:ranges:cut:events:splitNumeralMeasure:pku:ud:joinTransliterations:joinSingleCharacters:attachSuffixes:)``,
  /// written once and inlined into it twice.
  @inline(__always)
  private static func conventionEvents(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, bits: UnsafeBufferPointer<UInt32>, ranges: UnsafeBufferPointer<Range<Int>>, cut: UnsafeMutableBufferPointer<Bool>,
    events: UnsafeMutablePointer<ConventionEvent>, splitNumeralMeasure: Bool, pku: Bool, ud: Bool, joinTransliterations: Bool, joinSingleCharacters: Bool,
    attachSuffixes: Bool, inlined: Void
  ) -> Int {
    let wordCount = ranges.count
    let joinableMask = joinableSingleMask
    var eventCount = 0
    @inline(__always)
    func note(_ kind: ConventionEvent.Kind, _ start: Int, _ end: Int) {
      events[eventCount] = ConventionEvent(kind: kind, start: start, end: end)
      eventCount &+= 1
    }

    // Transliterations: the current run of short ICU words made only of transliteration
    // characters (克林|顿, 普|京): where it starts, and twice the number of its words plus one if
    // one of them is a single character (one value: this loop has few registers to spare). It
    // is joined when it has two words or more, one of them a single character.
    var transStart = 0
    var trans = 0
    /// The run after a word that `joins` it (transliteration characters only) or not: an
    /// adjacent such word goes on with it; otherwise a run that ends is noted when it has two
    /// words or more, one of them a single character, and a joining word starts another.
    @inline(__always)
    func transliterationWord(_ joins: Bool, at lower: Int, adjacent: Bool, runEnd: Int) {
      if joins {
        if trans >= 2, adjacent {
          trans &+= 2
        } else {
          if trans >= 4, trans & 1 != 0 { note(.transliteration, transStart, runEnd) }
          transStart = lower
          trans = 2
        }
      } else if trans != 0 {
        if trans >= 4, trans & 1 != 0 { note(.transliteration, transStart, runEnd) }
        trans = 0
      }
    }
    // Single characters: ICU leaves a word its dictionary lacks as single characters (本|报,
    // 迈|向): two in a row that are not function characters are one word; three starting with a
    // common surname are a name, cut surname | given name as PKU does. The current run of
    // adjacent joinable words: how many (it starts that many characters before its end).
    var singleCount = 0
    // Where the word before ended: a run goes on only with the word right after it, so a run
    // still open ends there.
    var previousEnd = -1
    for k in 0..<wordCount {
      let lower = ranges[k].lowerBound
      let upper = ranges[k].upperBound
      let firstBits = bits[lower]
      let adjacent = lower == previousEnd
      let runEnd = previousEnd
      previousEnd = upper
      if upper &- lower == 1 {
        if joinTransliterations {
          let joins = WordClassTable.Class.transliteration.isIn(firstBits)
          // A single character is counted before a run that does not go on is closed: it
          // counts for that run, not for the one it starts (as it always has).
          if joins { trans |= 1 }
          transliterationWord(joins, at: lower, adjacent: adjacent, runEnd: runEnd)
        }
        if joinSingleCharacters {
          let canJoin = firstBits & joinableMask == CharacterBits.ideographicStatus
          if canJoin, singleCount > 0, adjacent {
            singleCount &+= 1
          } else {
            if singleCount == 2 || singleCount == 3 { note(.singles, runEnd &- singleCount, runEnd) }
            singleCount = canJoin ? 1 : 0
          }
        }
        continue
      }
      // Two characters or more.
      let count = upper &- lower
      let secondBits = bits[lower &+ 1]
      if splitNumeralMeasure, count <= 3 {
        let firstScalar = scalars[lower]
        let last = scalars[upper &- 1]
        if count == 2 {
          if WordClassTable.Class.numeral.isIn(firstBits), WordClassTable.Class.measure.isIn(secondBits),
            // Lexicalized in PKU (UD splits it). Both characters are unified ideographs (members
            // of the two sets), each canonically equal only to itself: compared as characters.
            !(pku && firstScalar == "一" && last == "个"),
            !(ud && firstScalar == "每")  // 每个, 每年: one word in UD
          {
            cut[lower &+ 1] = true
          }
          // The particle 的 is a word of its own: 新的 → 新 的, 的是 → 的 是 (ICU's dictionary
          // glues a few); lexicalized words such as 目的 and 的确 stay (compared after the pass).
          if firstScalar == "的" || last == "的" { note(.particle, lower, upper) }
        } else if last == "的" || last == "是", isIdeographic(bits, lower..<upper) {
          // ICU's dictionary also has a few phrases of a word and 的 or 是 (家庭的, 主要是): the
          // particle and the copula are words of their own.
          cut[upper &- 1] = true
        }
      }
      if joinTransliterations {
        // Two characters, each a transliteration character.
        transliterationWord(count == 2 && WordClassTable.Class.transliteration.isIn(firstBits & secondBits), at: lower, adjacent: adjacent, runEnd: runEnd)
      }
      if joinSingleCharacters, singleCount != 0 {
        if singleCount == 2 || singleCount == 3 { note(.singles, runEnd &- singleCount, runEnd) }
        singleCount = 0
      }
      // A suffix after this word: most words cannot be one, so the word before is tested and
      // their texts are compared (after the pass) only when the next word starts like a suffix
      // right after it (see `suffixInitials`). A next word starts at `upper` or after it, so
      // `upper` is a character of the text.
      if attachSuffixes, k &+ 1 < wordCount, WordClassTable.Class.suffixInitial.isIn(bits[upper]) || Self.isCompatibilityIdeograph(scalars[upper]),
        ranges[k &+ 1].lowerBound == upper, ranges[k &+ 1].count <= 2, isIdeographic(bits, lower..<upper)
      {
        note(ranges[k &+ 1].count == 1 ? .suffixOfOne : .suffixOfTwo, lower, upper)
      }
    }
    if trans >= 4, trans & 1 != 0 { note(.transliteration, transStart, previousEnd) }
    if singleCount == 2 || singleCount == 3 { note(.singles, previousEnd &- singleCount, previousEnd) }
    return eventCount
  }
}
