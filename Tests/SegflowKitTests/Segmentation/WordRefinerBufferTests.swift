import Testing

@testable import SegflowKit

/// The word layer's per-segment buffers (``WordRefiner/refilled(_:count:with:)``) grow to the
/// longest segment and are never cut; each segment reads only its own first entries.
@Suite struct WordRefinerBufferTests {
  @Test("a refilled buffer is taken from its owner, grown when shorter, never cut, and its first entries set")
  func refilledGrowsAndKeepsItsLength() {
    var owner = [true, true, true]
    var buffer = WordRefiner.refilled(&owner, count: 5, with: false)
    #expect(owner.isEmpty)
    #expect(buffer == [false, false, false, false, false])
    buffer[4] = true
    buffer[1] = true
    owner = buffer
    buffer = WordRefiner.refilled(&owner, count: 2, with: false)
    // Length kept; the first two entries reset, the rest as they were.
    #expect(buffer == [false, false, false, false, true])
    owner = buffer
    buffer = WordRefiner.refilled(&owner, count: 0, with: true)
    #expect(buffer == [false, false, false, false, true])
  }
}
