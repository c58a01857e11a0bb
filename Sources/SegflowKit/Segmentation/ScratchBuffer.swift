/// Storage that only grows, for the word layer's per-segment values (``WordScratch``): a segment
/// writes its first entries through ``base`` and reads them back as a buffer of its own length.
///
/// Arrays sized for each segment were grown and cut back at nearly every segment (some 14 M
/// instructions on 2 MB in the generic resizing code), and appending to them checked capacity
/// and uniqueness at every word. A class, so that the pointer stays valid from one call to the
/// next; copies of the owner share it (a scratch is not shared between tasks). Entries are left
/// uninitialized until written and never deinitialized, hence only trivial elements (checked in
/// debug builds; `Range<Int>` is trivial but not `BitwiseCopyable`).
final class ScratchBuffer<Element> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var capacity = 0

  init() {
    assert(_isPOD(Element.self), "ScratchBuffer leaves its entries uninitialized: trivial elements only")
    base = .allocate(capacity: 0)
  }

  deinit {
    base.deallocate()
  }

  /// Makes room for `count` entries. Entries written before are kept only when there was room
  /// already: callers reserve before writing a segment.
  @inline(__always)
  func reserve(_ count: Int) {
    if count > capacity { replace(withCapacity: max(count, 2 * capacity)) }
  }

  @inline(never)
  private func replace(withCapacity newCapacity: Int) {
    base.deallocate()
    base = .allocate(capacity: newCapacity)
    capacity = newCapacity
  }

  /// Room for `count` entries, all set to `value`, as a buffer of that length.
  @inline(__always)
  func filled(_ count: Int, with value: Element) -> UnsafeMutableBufferPointer<Element> {
    reserve(count)
    let buffer = UnsafeMutableBufferPointer(start: base, count: count)
    buffer.initialize(repeating: value)
    return buffer
  }

  /// The first `count` entries (`count` ≤ ``capacity``, all written).
  @inline(__always)
  func prefix(_ count: Int) -> UnsafeBufferPointer<Element> {
    UnsafeBufferPointer(start: base, count: count)
  }
}
