extension LineProfile {
  /// A ``Piece`` in 32-bit offsets, as a profile keeps its span and its soft space: 16 bytes
  /// rather than 32 (see ``LineProfile``). The offsets are taken unchecked: the profile checked
  /// its line's length (``LineProfile/longestLine``).
  struct PackedPiece {
    let scalarLower: Int32
    let scalarUpper: Int32
    let byteLower: Int32
    let byteUpper: Int32

    @inline(__always)
    init(scalars: Range<Int>, bytes: Range<Int>) {
      scalarLower = Int32(truncatingIfNeeded: scalars.lowerBound)
      scalarUpper = Int32(truncatingIfNeeded: scalars.upperBound)
      byteLower = Int32(truncatingIfNeeded: bytes.lowerBound)
      byteUpper = Int32(truncatingIfNeeded: bytes.upperBound)
    }

    /// No piece: a lower bound of -1 (a soft space the line does not have).
    static var none: PackedPiece { PackedPiece(scalars: Range(uncheckedBounds: (-1, -1)), bytes: Range(uncheckedBounds: (-1, -1))) }

    /// (The bounds were ordered when packed: not checked again at each read.)
    @inline(__always)
    var piece: Piece {
      Piece(
        scalars: Range(uncheckedBounds: (Int(scalarLower), Int(scalarUpper))),
        bytes: Range(uncheckedBounds: (Int(byteLower), Int(byteUpper))))
    }
  }
}
