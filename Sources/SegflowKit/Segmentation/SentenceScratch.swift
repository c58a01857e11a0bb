/// The buffers ``SentenceSplitter`` uses for a block, kept from one block to the next (a segment
/// stage keeps one per document): the block's UTF-16 and ICU's boundaries, the SRX rules' lists
/// and the sentence ranges found.
struct SentenceScratch {
  var text = UTF16Text()
  /// Where ``text`` is transcoded to first (``UTF16Text/load(_:staging:)``).
  let staging = UTF16Staging()
  var rules = SRXScratch()
  /// The last block's sentences (UTF-8 ranges covering it exactly, in order).
  var ranges: [Range<Int>] = []
}
