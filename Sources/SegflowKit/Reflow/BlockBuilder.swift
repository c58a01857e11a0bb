/// Assembles a block from rows: their kept ranges become pieces, joined with a space between
/// Latin words and nothing between CJK characters.
struct BlockBuilder {
  /// The text so far as UTF-8 (the first ``byteCount`` bytes; room past them), copied from the
  /// lines' own bytes (profiles keep the UTF-8 offsets of their pieces): only whole characters
  /// and ASCII spaces, which ``text(_:)`` relies on.
  ///
  /// (Written into room made beforehand, see ``appendBytes(_:)``: `Array.append(contentsOf:)`
  /// cost some 90 instructions a piece besides the copy, 73,000 pieces in the 2 MB slice.)
  private var bytes: [UInt8] = []
  private var byteCount = 0
  private(set) var pieces: [Piece] = []
  var decisions: [Decision] = []
  private(set) var rowCount = 0
  private var lastScalar: Unicode.Scalar?
  /// `ScalarClass(lastScalar)`: the row's ``LineProfile/lastClass`` (a lookup less per row).
  private var lastClass = ScalarClass.other
  private var lastRowIsLatin = false

  var isEmpty: Bool { rowCount == 0 }

  /// Appends the kept text of row `index` of `rows`.
  /// - Parameters:
  ///   - verbatim: no space repair is reported (layout `lines`).
  ///   - keepSoftSpace: keep a lone space between ideographs (titles, quoted slogans); false
  ///     for running text, where it is justification.
  mutating func append(_ rows: Reflower.Rows, at index: Int, verbatim: Bool, keepSoftSpace: Bool = true) {
    let row = rows[index]
    let profile = row.profile
    let isolating = profile.softSpaceIsolatesCharacter
    // (A quoted space next to a lone character at the quotation mark is no slogan's space.)
    let atQuote = profile.softSpaceQuoted && profile.softSpaceIsolatedAtQuote
    let dropSoft = (!keepSoftSpace || isolating) && !verbatim && profile.softSpace != nil && (!profile.softSpaceQuoted || atQuote)
    let first = profile.first
    if let previous = lastScalar {
      // Ambiguous-width marks (`“ ’`) are CJK punctuation only in a line with CJK characters.
      var left = lastClass
      if left == .cjkPunctuation, lastRowIsLatin { left = .other }
      var right = profile.firstClass
      if right == .cjkPunctuation, profile.isLatin { right = .other }
      if previous == "-", pieces.last.map({ $0.length > 1 }) == true, right == .latinLetter,
        first.properties.isLowercase, precedingLetter()
      {
        // `infor-` + `mation`: a hyphen the line break added.
        byteCount -= 1
        pieces[pieces.count - 1].length -= 1
        decisions.append(Decision(.dehyphenate, rule: "line-end-hyphen", confidence: 0.8, line: row.lineNumber, detail: "a hyphen between letters at a line end, lower-case after it"))
      } else if Self.needsSpace(after: previous, left, before: first, right) {
        appendSpace()
      }
    }
    if dropSoft && atQuote {
      decisions.append(Decision(.removeSpace, rule: "quoted-character-space", confidence: 0.75, line: row.lineNumber, detail: "a lone space inside quotation marks that leaves one ideograph against the mark: glue of a stretched line, not a slogan's space"))
    } else if dropSoft && keepSoftSpace {
      decisions.append(Decision(.removeSpace, rule: "lone-character-space", confidence: 0.75, line: row.lineNumber, detail: "a lone space that leaves one ideograph on its side: glue of a stretched line, not the gap of a two-part title"))
    } else if dropSoft {
      decisions.append(Decision(.removeSpace, rule: "lone-justification-space", confidence: 0.8, line: row.lineNumber, detail: "a lone space between ideographs in running text, outside quotes: justification"))
    }
    if profile.removedSpaces > 0 && !verbatim {
      let rule = profile.isLetterSpaced ? "justification-spaces" : "typesetting-glue"
      let detail = profile.isLetterSpaced
        ? Self.justificationDetails[profile.removedSpaces] : Self.glueDetails[profile.removedSpaces]
      decisions.append(Decision(.removeSpace, rule: rule, confidence: profile.isLetterSpaced ? 0.95 : 0.85, line: row.lineNumber, detail: detail))
    }
    if rowCount == 0 {
      pieces.reserveCapacity(8)
      decisions.reserveCapacity(8)
    }
    // The profile's pieces carry their UTF-8 offsets in the line.
    let number = row.lineNumber
    let offset = rows.lines[profile.index].offset
    // (The text and the pieces read in place: a ``ProfiledLine`` of them cost a third of this.
    // The text is the caller's copy, so `withUTF8` needs no other.)
    var text = rows.source(index)
    text.withUTF8 { utf8 in
      func add(_ kept: LineProfile.Piece) {
        guard !kept.scalars.isEmpty else { return }
        pieces.append(Piece(
          textOffset: byteCount, length: kept.bytes.count, line: number,
          column: kept.scalars.lowerBound + 1, sourceOffset: offset + kept.bytes.lowerBound))
        appendBytes(UnsafeBufferPointer(rebasing: utf8[kept.bytes]))
      }
      if dropSoft { profile.forEachPieceWithoutSoftSpace(in: rows.pieces, add) } else { profile.forEachPiece(in: rows.pieces, add) }
    }
    // (Every piece ends where the kept text does, or before a dropped space: the line's last
    // character ends the last one.)
    lastScalar = profile.last
    lastClass = profile.lastClass
    rowCount += 1
    lastRowIsLatin = profile.isLatin
  }

  static let justificationDetails = CountDetails { "\($0) spaces of a letter-spaced (justified) line removed" }
  static let glueDetails = CountDetails { "\($0) spaces next to CJK punctuation or between CJK and Latin removed" }

  /// Adds a space that no source line holds: between the two halves of a headline that
  /// pdftotext printed as two blocks because of the wide gap between them.
  mutating func appendJoiningSpace() {
    appendSpace()
    lastScalar = " "
    lastClass = .space
  }

  /// Latin words on two lines are joined with a space (`5G` + `SA`, `word,` + `next`, in Latin
  /// lines `him,` + `“This`); CJK and
  /// symbols such as `+` in `1+9+` + `3` are joined directly.
  static func needsSpace(after previous: Unicode.Scalar, _ left: ScalarClass, before next: Unicode.Scalar, _ right: ScalarClass) -> Bool {
    // In Latin text (class `other`) curly quotes, the ellipsis, bullets and dashes get a space too.
    // (Switches rather than `contains` on string literals: this runs for every row.)
    let leftOK: Bool
    switch previous {
    case ",", ".", ";", ":", "!", "?", ")", "]", "}", "\"", "'", "%": leftOK = true
    case "”", "’", "…": leftOK = left.isWordLike || left == .other
    default: leftOK = left.isWordLike
    }
    guard leftOK else { return false }
    switch next {
    case "(", "[", "{", "\"", "'": return true
    case "“", "‘", "•", "–", "—": return right.isWordLike || right == .other
    default: return right.isWordLike
    }
  }

  /// Copies `source` after the text so far.
  @inline(__always)
  private mutating func appendBytes(_ source: UnsafeBufferPointer<UInt8>) {
    let end = byteCount + source.count
    if end > bytes.count { makeRoom(for: end) }
    bytes.withUnsafeMutableBytes { buffer in
      UnsafeMutableRawBufferPointer(rebasing: buffer[byteCount..<end]).copyMemory(from: UnsafeRawBufferPointer(source))
    }
    byteCount = end
  }

  /// Adds a space after the text so far.
  private mutating func appendSpace() {
    if byteCount == bytes.count { makeRoom(for: byteCount + 1) }
    bytes[byteCount] = 0x20
    byteCount += 1
  }

  /// Grows `bytes` to hold at least `count` bytes (doubling, 512 at first), zeros past the text.
  private mutating func makeRoom(for count: Int) {
    bytes.append(contentsOf: repeatElement(0, count: max(count, 2 * bytes.count, 512) - bytes.count))
  }

  /// The character before the last one (a hyphen) is a Latin letter.
  private func precedingLetter() -> Bool {
    // Back over the continuation bytes of the character before the last byte.
    guard byteCount >= 2 else { return false }
    var start = byteCount - 2
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    var iterator = bytes[start..<(byteCount - 1)].makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let before) = decoder.decode(&iterator) else { return false }
    return ScalarClass(before) == .latinLetter
  }

  func finish(kind: BlockKind) -> Block {
    Block(kind: kind, text: Self.text(bytes[..<byteCount]), pieces: pieces, decisions: decisions)
  }

  /// The block's text from its bytes: whole characters copied from the lines' text (valid UTF-8)
  /// and ASCII spaces, so not validated again (``String/init(validUTF8:)``; validating was an
  /// eighth of `columns`).
  static func text(_ bytes: ArraySlice<UInt8>) -> String { String(validUTF8: bytes) }

  /// The block so far, leaving the builder empty for the next block of a run of them. Its byte
  /// and piece buffers are kept, and the block gets a copy of the pieces at their size: a fresh
  /// builder per block allocated both, and grew them as rows came in (a tenth of building the
  /// blocks).
  mutating func finishKeepingBuffers(kind: BlockKind) -> Block {
    let exactPieces = pieces.withUnsafeBufferPointer { Array($0) }
    let block = Block(kind: kind, text: Self.text(bytes[..<byteCount]), pieces: exactPieces, decisions: decisions)
    var next = BlockBuilder()
    swap(&next.bytes, &bytes)
    swap(&next.pieces, &pieces)
    next.pieces.removeAll(keepingCapacity: true)
    // (The decisions go with the block; room for the next block's now, as `append` reserves
    // for its first row: the split that ends a block is the next one's first decision, and
    // appending it to an empty array allocated a buffer of one, grown again at the first row.)
    next.decisions.reserveCapacity(8)
    self = next
    return block
  }
}
