import Foundation

/// An output file written in pieces to a hidden temporary file and renamed into place only when
/// complete, like ``AtomicFile``.
final class StreamingOutput {
  let path: String
  private let temporary: String
  private let handle: FileHandle

  init(path: String) throws(DocumentError) {
    self.path = path
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw DocumentError(path: path, message: "cannot create the folder \(folder)")
    }
    temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
      throw DocumentError(path: path, message: "cannot write")
    }
    self.handle = handle
  }

  func write(_ text: String) throws(DocumentError) {
    try write(Array(text.utf8))
  }

  /// Appends `bytes` with write(2), without copying them into a `Data` first.
  func write(_ bytes: [UInt8]) throws(DocumentError) {
    if let failure = AtomicFile.writeAll(bytes, to: handle.fileDescriptor) {
      throw DocumentError(path: path, message: "cannot write: \(String(cString: strerror(failure)))")
    }
  }

  /// Renames the finished file into place.
  func commit() throws(DocumentError) {
    try? handle.close()
    if rename(temporary, path) != 0 {
      let code = errno
      unlink(temporary)
      throw DocumentError(path: path, message: "cannot move the finished file into place: \(String(cString: strerror(code)))")
    }
  }

  /// Drops the unfinished file.
  func discard() {
    try? handle.close()
    unlink(temporary)
  }
}
