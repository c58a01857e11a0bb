import Foundation

/// A stable 64-bit content hash for the resume manifest and pipeline files (not for security):
/// the same bytes give the same 16 hex digits on every machine and in every run.
///
/// The bytes go in eight at a time, as little-endian words, each multiplied by a large odd
/// constant, xored into the state, which is rotated and multiplied again; the last 0–7 bytes
/// as one zero-padded word; then the length, and a final avalanche so that every input bit
/// reaches every output bit. (A multiplication on each side of the rotation: with one, a flip of
/// a word's top bit and of a bit of the next word cancelled out.) (FNV-1a, which this replaced, takes a multiplication per byte: hashing each
/// input before processing it was about 1 % of a run over a large document.)
public struct ContentHash {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325
  private var length = 0
  /// Bytes not yet making a whole word (the first `pendingCount` of `pending`, little-endian).
  private var pending: UInt64 = 0
  private var pendingCount = 0

  public init() {}

  /// Mixes in `bytes`, which continue those added before (how the bytes are split into calls
  /// does not change the hash).
  public mutating func add(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    let count = bytes.count
    length &+= count
    var index = 0
    // Complete a word begun by the previous call, byte by byte.
    while pendingCount > 0, index < count {
      pending |= UInt64(base[index]) << UInt64(8 * pendingCount)
      index += 1
      pendingCount += 1
      if pendingCount == 8 {
        mix(pending)
        (pending, pendingCount) = (0, 0)
      }
    }
    while index + 8 <= count {
      mix(ByteWord.load(base + index))
      index += 8
    }
    while index < count {
      pending |= UInt64(base[index]) << UInt64(8 * pendingCount)
      index += 1
      pendingCount += 1
    }
  }

  public mutating func add(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { add($0) }
  }

  /// The hash of everything added, as 16 lower-case hex digits.
  public func finish() -> String {
    var final = self
    if final.pendingCount > 0 { final.mix(final.pending) }
    final.mix(UInt64(truncatingIfNeeded: final.length))
    // The avalanche step of MurmurHash3's 64-bit finalizer.
    var hash = final.state
    hash ^= hash >> 33
    hash &*= 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    hash &*= 0xc4ce_b9fe_1a85_ec53
    hash ^= hash >> 33
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  @inline(__always)
  private mutating func mix(_ word: UInt64) {
    let mixed = state ^ (word &* 0xc2b2_ae3d_27d4_eb4f)
    state = (mixed << 31 | mixed >> 33) &* 0x9e37_79b9_7f4a_7c15
  }

  /// The hash of `bytes`.
  public static func of(_ bytes: [UInt8]) -> String {
    var hash = ContentHash()
    hash.add(bytes)
    return hash.finish()
  }

  /// The hash of a file's bytes, read in blocks of `blockSize` bytes.
  /// - Throws: `DocumentError` naming the file when it cannot be opened, or cannot be read to
  ///   its end (with the byte offset where reading stopped): the hash of a part would let a
  ///   rerun reuse outputs made from different bytes.
  public static func of(fileAt path: String, blockSize: Int = 1 << 20) throws(DocumentError) -> String {
    var file = try FileBlocks(path: path)
    var hash = ContentHash()
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, blockSize), alignment: 16)
    defer { block.deallocate() }
    while true {
      let count = try file.read(into: block)
      guard count > 0 else { break }
      hash.add(UnsafeRawBufferPointer(rebasing: block[..<count]))
    }
    return hash.finish()
  }
}
