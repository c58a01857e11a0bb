/// Assembles a block from rows: their kept ranges become pieces, joined with a space between
/// Latin words and nothing between CJK characters.
struct BlockBuilder {
  /// The text so far, as scalars: appending to `String.unicodeScalars` of a stored `String`
  /// copies the whole string each time (quadratic on one huge line).
  private var scalars: [Unicode.Scalar] = []
  private var utf8Count = 0
  private(set) var pieces: [Piece] = []
  var decisions: [Decision] = []
  private(set) var rowCount = 0
  private var lastScalar: Unicode.Scalar?
  private var lastRowIsLatin = false

  var isEmpty: Bool { rowCount == 0 }

  /// Appends a row's kept text.
  /// - Parameters:
  ///   - verbatim: no space repair is reported (layout `lines`).
  ///   - keepSoftSpace: keep a lone space between ideographs (titles, quoted slogans); false
  ///     for running text, where it is justification.
  mutating func append(_ row: Reflower.Row, verbatim: Bool, keepSoftSpace: Bool = true) {
    let profile = row.profile
    let isolating = profile.softSpaceIsolatesCharacter
    let dropSoft = (!keepSoftSpace || isolating) && !verbatim && profile.softSpace != nil && !profile.softSpaceQuoted
    let ranges = dropSoft ? profile.keptWithoutSoftSpace : profile.kept
    guard let firstRange = ranges.first, !firstRange.isEmpty else { return }
    let first = profile.scalars[firstRange.lowerBound]
    if let previous = lastScalar {
      // Ambiguous-width marks (`“ ’`) are CJK punctuation only in a line with CJK characters.
      var left = ScalarClass(previous)
      if left == .cjkPunctuation, lastRowIsLatin { left = .other }
      var right = ScalarClass(first)
      if right == .cjkPunctuation, profile.isLatin { right = .other }
      if previous == "-", pieces.last.map({ $0.length > 1 }) == true, right == .latinLetter,
        first.properties.isLowercase, precedingLetter()
      {
        // `infor-` + `mation`: a hyphen the line break added.
        scalars.removeLast()
        utf8Count -= 1
        pieces[pieces.count - 1].length -= 1
        decisions.append(Decision(.dehyphenate, rule: "line-end-hyphen", confidence: 0.8, line: row.line.number, detail: "a hyphen between letters at a line end, lower-case after it"))
      } else if Self.needsSpace(after: previous, left, before: first, right) {
        scalars.append(" ")
        utf8Count += 1
      }
    }
    if dropSoft && keepSoftSpace {
      decisions.append(Decision(.removeSpace, rule: "lone-character-space", confidence: 0.75, line: row.line.number, detail: "a lone space that leaves one ideograph on its side: glue of a stretched line, not the gap of a two-part title"))
    } else if dropSoft {
      decisions.append(Decision(.removeSpace, rule: "lone-justification-space", confidence: 0.8, line: row.line.number, detail: "a lone space between ideographs in running text, outside quotes: justification"))
    }
    if profile.removedSpaces > 0 && !verbatim {
      let rule = profile.isLetterSpaced ? "justification-spaces" : "typesetting-glue"
      let detail = profile.isLetterSpaced
        ? "\(profile.removedSpaces) spaces of a letter-spaced (justified) line removed"
        : "\(profile.removedSpaces) spaces next to CJK punctuation or between CJK and Latin removed"
      decisions.append(Decision(.removeSpace, rule: rule, confidence: profile.isLetterSpaced ? 0.95 : 0.85, line: row.line.number, detail: detail))
    }
    // UTF-8 offsets counted along the line (profiles keep no offset table: it was the largest
    // array of every row, and reflow keeps every row until the document is done).
    var position = 0
    var byteOffset = 0
    for range in ranges where !range.isEmpty {
      while position < range.lowerBound { byteOffset += UTF8.width(profile.scalars[position]); position += 1 }
      let start = byteOffset
      while position < range.upperBound { byteOffset += UTF8.width(profile.scalars[position]); position += 1 }
      let end = byteOffset
      let piece = Piece(
        textOffset: utf8Count, length: end - start, line: row.line.number,
        column: range.lowerBound + 1, sourceOffset: row.line.offset + start)
      scalars.append(contentsOf: profile.scalars[range])
      utf8Count += end - start
      pieces.append(piece)
      lastScalar = profile.scalars[range.upperBound - 1]
    }
    rowCount += 1
    lastRowIsLatin = profile.isLatin
  }

  /// Adds a space that no source line holds: between the two halves of a headline that
  /// pdftotext printed as two blocks because of the wide gap between them.
  mutating func appendJoiningSpace() {
    scalars.append(" ")
    utf8Count += 1
    lastScalar = " "
  }

  /// Latin words on two lines are joined with a space (`5G` + `SA`, `word,` + `next`, in Latin
  /// lines `him,` + `“This`); CJK and
  /// symbols such as `+` in `1+9+` + `3` are joined directly.
  static func needsSpace(after previous: Unicode.Scalar, _ left: ScalarClass, before next: Unicode.Scalar, _ right: ScalarClass) -> Bool {
    // In Latin text (class `other`) curly quotes, the ellipsis, bullets and dashes get a space too.
    let leftOK = left.isWordLike || ",.;:!?)]}\"'%".unicodeScalars.contains(previous)
      || (left == .other && "”’…".unicodeScalars.contains(previous))
    let rightOK = right.isWordLike || "([{\"'".unicodeScalars.contains(next)
      || (right == .other && "“‘•–—".unicodeScalars.contains(next))
    return leftOK && rightOK
  }

  private func precedingLetter() -> Bool {
    guard scalars.count >= 2 else { return false }
    let before = scalars[scalars.count - 2]
    return ScalarClass(before) == .latinLetter
  }

  func finish(kind: BlockKind) -> Block {
    // Encode to UTF-8 in one buffer: appending scalars to a string one by one is slow.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count * 3)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    return Block(kind: kind, text: String(decoding: bytes, as: UTF8.self), pieces: pieces, decisions: decisions)
  }
}
