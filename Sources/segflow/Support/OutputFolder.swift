import Foundation

/// The output folder of `run`, `review` and `export`.
enum OutputFolder {
  /// Creates `path` if needed and checks it can be written, before any document is processed;
  /// otherwise prints one error naming it and exits with 1.
  static func prepare(_ path: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      guard FileManager.default.isWritableFile(atPath: path) else { throw CocoaError(.fileWriteNoPermission) }
    } catch {
      Console.error("\(path): error: cannot create or write the output folder: \(reason(error, path: path))")
      throw ExitStatus.documentFailed
    }
  }

  /// The system's words for why (`Not a directory`), asked of `mkdir(2)` itself: Foundation's
  /// description on Linux is often only "The operation could not be completed".
  static func reason(_ error: Error, path: String) -> String {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      return isFolder.boolValue ? String(cString: strerror(EACCES)) : "a file, not a folder, has that name"
    }
    if mkdir(path, 0o755) != 0 { return String(cString: strerror(errno)) }
    rmdir(path)
    return (error as NSError).localizedDescription
  }
}
