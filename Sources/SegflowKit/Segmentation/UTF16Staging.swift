/// Where ``UTF16Text/load(_:staging:)`` writes a block's UTF-16 and offsets before copying them
/// into the text's arrays: buffers that only grow, kept from one block to the next.
struct UTF16Staging {
  let units = ScratchBuffer<UInt16>()
  let offsets = ScratchBuffer<Int>()
}
