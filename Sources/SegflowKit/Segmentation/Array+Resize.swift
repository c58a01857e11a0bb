extension Array {
  /// Makes the array `count` long, cut or lengthened with `value`, in the storage it has: the
  /// decoders size their buffers for the worst case, write through pointers and cut them back.
  @inline(__always)
  mutating func resize(to count: Int, with value: Element) {
    if self.count > count {
      removeLast(self.count - count)
    } else if self.count < count {
      append(contentsOf: repeatElement(value, count: count - self.count))
    }
  }
}
