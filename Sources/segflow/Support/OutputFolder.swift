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
      Console.error("\(path): error: cannot create or write the output folder: \((error as NSError).localizedDescription)")
      throw ExitStatus.documentFailed
    }
  }
}
