import Foundation

/// Reads a UTF-8 file in blocks and hands out its lines a batch at a time, numbered and with
/// offsets as if the whole file had been split at once (``LineSplitter``), so memory stays flat
/// however large the file is.
final class LineStream {
  enum Failure: Error {
    /// The file is not plain UTF-8 (another charset, or UTF-16/32): read it whole instead.
    case notUTF8
    case document(DocumentError)
  }

  private var file: FileBlocks
  private let path: String
  private let blockSize: Int
  private var pending: [UInt8] = []
  private var atEnd = false
  private var first = true
  /// File offset of `pending[0]`.
  private var fileOffset = 0
  private var nextLine = 1
  /// Bytes of a UTF-8 byte-order mark at the start (offsets in lines do not count it).
  private(set) var bomLength = 0

  /// The longest line handed out (``ReflowStage/checkLineLengths(_:textBytes:path:limit:)``).
  private let longestLine: Int

  init(path: String, blockSize: Int = 1 << 20, longestLine: Int = LineProfile.longestLine) throws(DocumentError) {
    file = try FileBlocks(path: path)
    self.path = path
    self.blockSize = blockSize
    self.longestLine = longestLine
  }

  /// The next lines (at least one), or nil at the end of the file.
  func next() throws(Failure) -> [SourceLine]? {
    while true {
      if let cut = cutPoint() { return try emit(upTo: cut) }
      if atEnd { return pending.isEmpty ? nil : try emit(upTo: pending.count) }
      do {
        if try file.read(upTo: blockSize, appendingTo: &pending) == 0 { atEnd = true }
      } catch {
        throw .document(error)
      }
      if first && (pending.count >= 4 || atEnd) {
        first = false
        if let bom = ByteOrderMark.detect(pending) {
          guard bom.charset == "UTF-8" else { throw .notUTF8 }
          pending.removeFirst(bom.length)
          bomLength = bom.length
          fileOffset = bom.length
        }
      }
    }
  }

  /// Just after the last line feed of `pending` (a carriage return at the very end may be the
  /// first half of CRLF, so the cut never falls between the two).
  private func cutPoint() -> Int? {
    guard !pending.isEmpty, !first else { return nil }
    var index = pending.count - 1
    while index >= 0 {
      if pending[index] == 0x0A { return index + 1 }
      if pending[index] == 0x0D && index < pending.count - 1 { return index + 1 }
      index -= 1
    }
    return nil
  }

  private func emit(upTo cut: Int) throws(Failure) -> [SourceLine] {
    let bytes = Array(pending[0..<cut])
    pending.removeFirst(cut)
    defer { fileOffset += bytes.count }
    if let nul = TextDecoder.firstNUL(bytes) {
      throw .document(DocumentError(path: path, message: "not a text file: NUL byte", byte: fileOffset + nul))
    }
    guard let text = String(wellFormedUTF8: bytes) else {
      // Another charset altogether is for the whole-document decoder to detect; broken bytes
      // later in a UTF-8 file are an error here, as there.
      if fileOffset == bomLength { throw .notUTF8 }
      throw .document(DocumentError(path: path, message: "invalid UTF-8", byte: fileOffset + (UTF8Scan(bytes).firstInvalid ?? 0)))
    }
    let decodedBase = fileOffset - bomLength
    var lines = LineSplitter.split(text)
    for index in lines.indices {
      lines[index].number += nextLine - 1
      lines[index].offset += decodedBase
    }
    nextLine += lines.count
    // A line longer than reflow takes is refused here, where the chunk's size bounds its lines:
    // the reflow stage's own check reads the document's text, which a chunk's document has not.
    do {
      try ReflowStage.checkLineLengths(lines, textBytes: bytes.count, path: path, limit: longestLine)
    } catch {
      throw .document(error)
    }
    return lines
  }
}
