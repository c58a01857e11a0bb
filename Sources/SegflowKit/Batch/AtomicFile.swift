import Foundation

/// Writes files so that a crash or `kill -9` never leaves a half-written file under the final
/// name: the bytes go to a hidden temporary file in the same folder, which is then renamed.
public enum AtomicFile {
  public static func write(_ text: String, to path: String) throws(DocumentError) {
    try write(Array(text.utf8), to: path)
  }

  public static func write(_ bytes: [UInt8], to path: String) throws(DocumentError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw DocumentError(path: path, message: "cannot create the folder \(folder): \(reason(error))")
    }
    let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw DocumentError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
    }
    let failure = writeAll(bytes, to: descriptor)
    close(descriptor)
    if let failure {
      unlink(temporary)
      throw DocumentError(path: path, message: "cannot write: \(String(cString: strerror(failure)))")
    }
    if rename(temporary, path) != 0 {
      let code = errno
      unlink(temporary)
      throw DocumentError(path: path, message: "cannot move the finished file into place: \(String(cString: strerror(code)))")
    }
  }

  /// Writes all of `bytes` to `descriptor` (write(2) may write less than asked); returns the
  /// `errno` of a failure, nil when all was written.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    bytes.withUnsafeBytes { buffer -> Int32? in
      guard let base = buffer.baseAddress else { return nil }
      var written = 0
      while written < buffer.count {
        let result = Foundation.write(descriptor, base + written, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return errno
        }
        written += result
      }
      return nil
    }
  }

  /// Removes temporary files that a killed run left in `folder` (and below), skipping those of
  /// processes still alive (another run writing to the same folder).
  public static func removeStale(in folder: String) {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return }
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      guard name.hasPrefix("."), let marker = name.range(of: ".tmp-") else { continue }
      let pid = name[marker.upperBound...].split(separator: "-").first.flatMap { Int32($0) } ?? 0
      if pid > 0, kill(pid, 0) == 0 || errno == EPERM { continue }
      unlink((folder as NSString).appendingPathComponent(relative))
    }
  }

  static func reason(_ error: Error) -> String {
    (error as NSError).localizedDescription
  }
}
