extension Document {
  /// A generous estimate of an output body's size, for reserving it once: the body grows record
  /// by record, and growing by doubling copied it some twice over and touched twice the pages
  /// (a fresh allocation for every chunk of a large document). `perSegment`: the markup and
  /// numbers a segment adds; `perTextByte`: how often a byte of its text is written (the JSONL
  /// records write the text again as words). Pages reserved but never written cost nothing.
  func estimatedOutputBytes(perSegment: Int, perTextByte: Int) -> Int {
    var textBytes = 0
    for index in segments.indices {
      textBytes += segments[index].text.utf8.count + segments[index].trailing.utf8.count
    }
    return segments.count * perSegment + textBytes * perTextByte
  }
}
