import Foundation
@testable import SegflowKit
import Testing

/// The manifest's content hash (``ContentHash``): the same for the same bytes however they are
/// read, different when a byte or the length differs.
@Suite struct ContentHashTests {
  /// Random bytes of every length around the word size and a block.
  static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var random = SplitMix(seed: seed)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
  }

  @Test("the hash does not depend on how the bytes are split into calls")
  func splitsAgree() {
    for count in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 100] {
      let bytes = Self.bytes(count, seed: UInt64(count))
      let whole = ContentHash.of(bytes)
      var random = SplitMix(seed: 99 &+ UInt64(count))
      for _ in 0..<20 {
        var hash = ContentHash()
        var start = 0
        while start < count {
          let end = min(count, start + Int(random.next() % 12))
          bytes[start..<end].withUnsafeBytes { hash.add($0) }
          start = end
        }
        #expect(hash.finish() == whole, "\(count) bytes")
      }
    }
  }

  @Test("a file read in blocks of any size hashes as its bytes do", arguments: [1, 3, 8, 13, 1 << 20])
  func fileMatchesBytes(blockSize: Int) throws {
    let bytes = Self.bytes(1_001, seed: 5)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-hash-\(getpid())-\(blockSize).bin").path
    defer { unlink(path) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try ContentHash.of(fileAt: path, blockSize: blockSize) == ContentHash.of(bytes))
  }

  @Test("a path that opens but cannot be read is an error naming it, not the hash of nothing")
  func unreadableFails() throws {
    // A folder opens for reading on Linux, and its first read fails (EISDIR).
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-hash-folder-\(getpid())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { rmdir(folder) }
    let error = #expect(throws: DocumentError.self) { try ContentHash.of(fileAt: folder) }
    #expect(error?.path == folder)
    #expect(error?.byte == 0)
    #expect(error?.message.hasPrefix("cannot read the file") == true)
  }

  @Test("every single-bit change, and every added zero byte, changes the hash")
  func changesShow() {
    let bytes = Self.bytes(40, seed: 11)
    var seen: Set<String> = [ContentHash.of(bytes)]
    for index in bytes.indices {
      for bit in 0..<8 {
        var changed = bytes
        changed[index] ^= 1 << bit
        seen.insert(ContentHash.of(changed))
      }
    }
    #expect(seen.count == 1 + 40 * 8)
    // A zero-padded last word is told apart by the length.
    var prefixes: Set<String> = []
    for count in 0...17 { prefixes.insert(ContentHash.of([UInt8](repeating: 0, count: count))) }
    #expect(prefixes.count == 18)
  }

  @Test("the hash is stable: manifests written by one run are read by the next")
  func stableValues() {
    // Pinned (worked out by hand with the formula in another language): a change of the
    // function makes every manifest stale, so it must be deliberate.
    #expect(ContentHash.of([]) == "692de42146076c1d")
    #expect(ContentHash.of(Array("segflow".utf8)) == "0ffe20d89d2aab61")
    #expect(ContentHash.of(Array("文/宁杰".utf8)) == "f6c56fad613765fd")
  }

  @Test("errors name the file")
  func missingFile() {
    #expect(throws: DocumentError.self) { try ContentHash.of(fileAt: "/nonexistent/segflow-hash-input.txt") }
  }
}
