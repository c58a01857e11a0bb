import Foundation

/// What a finished document's outputs were made from, so a rerun can skip it.
public struct ManifestEntry: Codable, Sendable, Equatable {
  public var name: String
  /// Content hash of the input bytes.
  public var input: String
  /// Hash of everything else that shapes the outputs: pipeline file, language, writers.
  public var settings: String
  public var outputs: [String]
  public var blocks: Int
  public var segments: Int
  public var characters: Int
  public var bytes: Int
}

/// The resume log of an output folder (`manifest.jsonl`): one line per finished document,
/// appended only after all of its outputs were renamed into place. A run killed at any moment
/// leaves at worst a torn last line, which is ignored, so the rerun redoes that document.
public final class Manifest: @unchecked Sendable {
  public static let fileName = "manifest.jsonl"
  public let path: String
  private var entries: [String: ManifestEntry] = [:]
  private let lock = NSLock()

  /// Opens the manifest of `folder`; `fresh` forgets what it recorded (`--force`).
  public init(folder: String, fresh: Bool) {
    path = (folder as NSString).appendingPathComponent(Self.fileName)
    if fresh {
      try? FileManager.default.removeItem(atPath: path)
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else { return }
    let decoder = JSONDecoder()
    for line in data.split(separator: UInt8(ascii: "\n")) {
      if let entry = try? decoder.decode(ManifestEntry.self, from: Data(line)) { entries[entry.name] = entry }
    }
  }

  /// The recorded entry when it matches and all its outputs still exist.
  public func current(name: String, input: String, settings: String) -> ManifestEntry? {
    lock.lock()
    defer { lock.unlock() }
    guard let entry = entries[name], entry.input == input, entry.settings == settings else { return nil }
    return entry.outputs.allSatisfy { FileManager.default.fileExists(atPath: $0) } ? entry : nil
  }

  /// Appends `entry` (one `write` of one line, with `O_APPEND`).
  public func record(_ entry: ManifestEntry) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard var line = try? encoder.encode(entry) else { return }
    line.append(UInt8(ascii: "\n"))
    lock.lock()
    defer { lock.unlock() }
    entries[entry.name] = entry
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return }
    _ = line.withUnsafeBytes { buffer in buffer.baseAddress.map { Foundation.write(descriptor, $0, buffer.count) } }
    close(descriptor)
  }
}
