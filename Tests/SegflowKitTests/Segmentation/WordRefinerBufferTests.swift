import Testing

@testable import SegflowKit

/// The word layer's per-segment flags (``ScratchBuffer/filled(_:with:)``) keep the longest
/// segment's room and are never cut; each segment gets a buffer of its own length, all reset.
@Suite struct WordRefinerBufferTests {
  @Test("a filled buffer has the segment's length, all set, and the storage only grows")
  func filledGrowsAndResets() {
    let storage = ScratchBuffer<Bool>()
    var buffer = storage.filled(5, with: false)
    #expect(Array(buffer) == [false, false, false, false, false])
    buffer[4] = true
    buffer[1] = true
    let base = storage.base
    buffer = storage.filled(2, with: false)
    // The storage kept (no new allocation for a shorter segment); the two entries reset.
    #expect(storage.base == base)
    #expect(storage.capacity >= 5)
    #expect(Array(buffer) == [false, false])
    buffer = storage.filled(3, with: true)
    #expect(Array(buffer) == [true, true, true])
    buffer = storage.filled(0, with: true)
    #expect(buffer.isEmpty)
  }
}
