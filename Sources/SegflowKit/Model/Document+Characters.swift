extension Document {
  /// Characters without white space in `texts`: the "characters" figure of run.json and of the
  /// review index.
  public static func nonSpaceCharacters(in texts: some Sequence<String>) -> Int {
    texts.reduce(0) { $0 + $1.unicodeScalars.count { !ScalarTraits.isWhitespace($0) } }
  }

  /// Characters of the segments, without white space.
  public var segmentCharacters: Int { Self.nonSpaceCharacters(in: segments.lazy.map(\.text)) }
}
