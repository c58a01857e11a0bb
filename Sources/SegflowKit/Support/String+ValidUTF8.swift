extension String {
  /// `bytes`, whole characters of valid UTF-8 (copied from Swift strings, whose UTF-8 is valid),
  /// as a string: where the standard library allows it (`UTF8Span`, Swift 6.2; always on Linux,
  /// macOS 26) taken as they are, since validating them again was a large share of the callers'
  /// time (a block's text, a segment's text). Whether they are all ASCII is found as validating
  /// finds it (one vectorized OR), so the string, flags included, is `String(decoding:)`'s.
  init(validUTF8 bytes: ArraySlice<UInt8>) {
    if #available(macOS 26, *) {
      let highBits = bytes.withUnsafeBufferPointer { $0.reduce(0, |) }
      self = unsafe String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: highBits < 0x80))
      return
    }
    self = String(decoding: bytes, as: UTF8.self)
  }
}

extension String {
  /// `bytes` as a string when they are well-formed UTF-8, nil otherwise: what
  /// `String(validating: bytes, as: UTF8.self)` gives, with the check made by
  /// ``UTF8Scan/isWellFormed(_:)`` (faster on CJK text) and the copy by ``init(validUTF8:)``.
  init?(wellFormedUTF8 bytes: [UInt8]) {
    guard UTF8Scan.isWellFormed(bytes) else { return nil }
    self.init(validUTF8: bytes[...])
  }
}
