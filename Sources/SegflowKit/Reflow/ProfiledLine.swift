/// A line's profile with its text: the line's characters and its kept pieces, which the
/// profile's scalar indices and UTF-8 offsets point into. What building a block's text reads;
/// the rules read the profile alone (see ``Reflower/Rows/line(_:)``).
struct ProfiledLine {
  let profile: LineProfile
  /// The line's text (its ``SourceLine/textSlice``).
  let source: Substring
  /// The piece store that the profile's ``LineProfile/pieceIndices`` point into.
  let pieceStore: [LineProfile.Piece]

  init(profile: LineProfile, source: Substring, pieceStore: [LineProfile.Piece]) {
    self.profile = profile
    self.source = source
    self.pieceStore = pieceStore
  }

  /// The kept pieces when there are several (empty when the profile's span is kept whole).
  var pieces: ArraySlice<LineProfile.Piece> { pieceStore[profile.pieceIndices] }

  /// Profiles `text`, or returns nil for a blank line.
  init?(index: Int, text: String, removeCJKLatinSpaces: Bool) {
    let line = DecodedLine()
    line.load(Substring(text))
    guard line.hasNonSpace else { return nil }
    var pieces: [LineProfile.Piece] = []
    let profile = LineProfile(index: index, decoded: line, range: 0..<line.count, removeCJKLatinSpaces: removeCJKLatinSpaces,
      pieceStore: &pieces)
    self.init(profile: profile, source: Substring(text), pieceStore: pieces)
  }

  /// The kept pieces, in order.
  func forEachPiece(_ body: (LineProfile.Piece) -> Void) { profile.forEachPiece(in: pieceStore, body) }

  /// The kept pieces without the soft space (see ``LineProfile/forEachPieceWithoutSoftSpace(in:_:)``).
  func forEachPieceWithoutSoftSpace(_ body: (LineProfile.Piece) -> Void) { profile.forEachPieceWithoutSoftSpace(in: pieceStore, body) }

  /// Scalar ranges kept in the repaired text, in order; spaces between them were dropped.
  var kept: [Range<Int>] { pieces.isEmpty ? [profile.span.scalars] : pieces.map(\.scalars) }

  /// The kept ranges without the soft space.
  var keptWithoutSoftSpace: [Range<Int>] {
    var result: [Range<Int>] = []
    forEachPieceWithoutSoftSpace { result.append($0.scalars) }
    return result
  }

  /// The line's scalars (``kept`` and the other scalar indices point into them).
  var scalars: [Unicode.Scalar] { Array(source.unicodeScalars) }

  /// The scalars of the kept pieces, in order.
  var keptScalars: [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    forEachPiece { result.append(contentsOf: source.utf8Slice($0.bytes).unicodeScalars) }
    return result
  }

  /// Text of the kept ranges, for messages.
  var text: String {
    if pieces.isEmpty { return String(source.utf8Slice(profile.span.bytes)) }
    var result = ""
    for piece in pieces { result += source.utf8Slice(piece.bytes) }
    return result
  }}
