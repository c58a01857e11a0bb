import Foundation

extension OptionReader {
  /// A path option as a file path: absolute paths as given; a relative one from the working
  /// folder when it exists there, otherwise from the pipeline file's folder.
  public func resolvePath(_ path: String) -> String {
    guard !path.hasPrefix("/"), !FileManager.default.fileExists(atPath: path) else { return path }
    let folder = URL(fileURLWithPath: diagnostics.file).deletingLastPathComponent()
    let candidate = folder.appendingPathComponent(path).path
    return FileManager.default.fileExists(atPath: candidate) ? candidate : path
  }
}
