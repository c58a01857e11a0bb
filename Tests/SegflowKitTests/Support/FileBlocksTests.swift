import Foundation
import Testing

@testable import SegflowKit

/// `FileBlocks` reads with `read(2)` into the caller's buffer: whatever the block size, the
/// blocks appended are the file's bytes, and a failed read leaves what was read before.
@Suite struct FileBlocksTests {
  @Test("blocks of any size appended are the file's bytes", arguments: [1, 7, 4096, 1 << 20])
  func appendedBlocks(blockSize: Int) throws {
    var generator = SplitMix(seed: UInt64(blockSize))
    let bytes = (0..<10_007).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-blocks-\(getpid())-\(blockSize).bin").path
    defer { unlink(path) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    var file = try FileBlocks(path: path)
    var read: [UInt8] = [42]
    while try file.read(upTo: blockSize, appendingTo: &read) > 0 {}
    #expect(read == [42] + bytes)
    #expect(file.offset == bytes.count)
    #expect(try file.read(upTo: blockSize, appendingTo: &read) == 0)
  }

  @Test("a file that cannot be opened or read is an error naming it; the bytes read stay")
  func failures() throws {
    #expect(throws: DocumentError.self) { _ = try FileBlocks(path: "/nonexistent/segflow-blocks.txt") }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-blocks-folder-\(getpid())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { rmdir(folder) }
    var file = try FileBlocks(path: folder)
    var bytes: [UInt8] = [1, 2, 3]
    let error = #expect(throws: DocumentError.self) { _ = try file.read(upTo: 100, appendingTo: &bytes) }
    #expect(error?.path == folder)
    #expect(error?.byte == 0)
    #expect(bytes == [1, 2, 3])
  }
}
