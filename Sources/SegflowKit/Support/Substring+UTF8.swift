extension Substring {
  /// Calls `body` with the slice's UTF-8 bytes in place (a copy only for a bridged string).
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    // (`withUTF8` on a copy of the slice: the generic `utf8.withContiguousStorageIfAvailable`
    // of a slice costs several times more, and reflow calls this twice a line.)
    var slice = self
    return slice.withUTF8(body)
  }

  /// The characters between two UTF-8 offsets of the slice that fall on scalar boundaries: a
  /// slice of it, so copying it needs no decoding or validation.
  func utf8Slice(_ bytes: Range<Int>) -> Substring {
    let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
    let end = utf8.index(start, offsetBy: bytes.count)
    return self[start..<end]
  }
}
