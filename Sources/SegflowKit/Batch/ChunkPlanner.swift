/// Cuts the lines of a ``LineStream`` into the chunks of ``ChunkedProcessor``, ahead of their
/// repair, so several chunks can be repaired at once.
///
/// A chunk ends at a blank line after at least `chunkBytes` of text, and is repaired with
/// `contextRows` non-blank lines on each side. Whether a cut holds is known only once its chunk
/// is repaired (no block may cross it), so each plan assumes that the cuts before it hold;
/// when one does not, ``retry(_:)`` goes back to that plan and looks for the next blank line,
/// exactly as a one-chunk-at-a-time loop would. Lines are kept from the earliest plan not yet
/// confirmed, so memory stays bounded by the number of plans in flight.
///
/// Where a chunk ends does not change the outputs (only a cut that no block crosses is kept), so
/// a chunk that has to grow again and again (a long stretch where reflow joins across blank
/// lines) grows by a sixteenth of `chunkBytes`, then an eighth, … instead of one blank line at a
/// time: each attempt repairs the whole chunk again. And before a cut is handed out, the lines
/// around it alone are repaired (``mayHold``): when a block crosses the blank line there, the
/// next blank line is tried at once. Either way the repair of the whole chunk decides.
final class ChunkPlanner {
  /// One chunk to repair: its lines from the prefix context to the suffix context.
  struct Plan: Sendable {
    let lines: [SourceLine]
    /// Line numbers of the chunk itself (without its context).
    let core: Range<Int>
    /// The end of the file: no suffix context, and no later blank line to extend to.
    let isLast: Bool
    // The planner's state (absolute line indexes) when the plan was made, to go back to it.
    fileprivate let windowStart: Int
    fileprivate let coreStart: Int
    fileprivate let cutEnd: Int
    fileprivate let reach: Int
    fileprivate let attempt: Int
    /// Where the next chunk's prefix context starts, once this cut holds.
    fileprivate let nextWindowStart: Int
  }

  let chunkBytes: Int
  let contextRows: Int
  private let stream: LineStream
  /// Whether a cut before line number `cut` may hold, judged from `lines` around it.
  private let mayHold: (_ lines: [SourceLine], _ cut: Int) -> Bool
  /// Lines read and still needed; `buffer[0]` is line index `base` of the file.
  private var buffer: [SourceLine] = []
  private var base = 0
  private var windowStart = 0
  private var coreStart = 0
  private var searchFrom = 0
  /// Bytes from the start of the chunk to the earliest cut; `chunkBytes` but after failed cuts.
  private var reach: Int
  /// Failed cuts of the current chunk.
  private var attempt = 0
  private var ended = false
  /// The last plan was handed out.
  private var finished = false
  /// A read that failed: raised again whenever lines beyond it are needed, so the failure
  /// comes at the same point of the plan sequence however far ahead the planning went.
  private var failure: LineStream.Failure?

  init(stream: LineStream, chunkBytes: Int, contextRows: Int, mayHold: @escaping (_ lines: [SourceLine], _ cut: Int) -> Bool = { _, _ in true }) {
    self.stream = stream
    self.mayHold = mayHold
    self.chunkBytes = chunkBytes
    self.contextRows = contextRows
    reach = chunkBytes
  }

  /// The next chunk, assuming every cut handed out so far holds; nil after the last one.
  func next() throws(LineStream.Failure) -> Plan? {
    guard !finished else { return nil }
    while true {
      if let found = findCut(from: searchFrom - base, coreStart: coreStart - base) {
        var localStart = found.end
        var nonBlankBefore = 0
        while localStart > max(windowStart - base, 0) && nonBlankBefore < contextRows {
          localStart -= 1
          if !buffer[localStart].isBlank { nonBlankBefore += 1 }
        }
        guard mayHold(Array(buffer[localStart..<found.suffixEnd]), buffer[found.end].number) else {
          searchFrom = base + found.end + 1
          continue
        }
        let cutEnd = base + found.end
        var prefixStart = cutEnd
        var nonBlank = 0
        while prefixStart > windowStart && nonBlank < contextRows {
          prefixStart -= 1
          if !buffer[prefixStart - base].isBlank { nonBlank += 1 }
        }
        let plan = Plan(
          lines: Array(buffer[(windowStart - base)..<found.suffixEnd]),
          core: buffer[coreStart - base].number..<buffer[found.end].number, isLast: false,
          windowStart: windowStart, coreStart: coreStart, cutEnd: cutEnd, reach: reach, attempt: attempt, nextWindowStart: prefixStart)
        windowStart = prefixStart
        coreStart = cutEnd
        searchFrom = cutEnd
        reach = chunkBytes
        attempt = 0
        return plan
      }
      if ended {
        finished = true
        let core = coreStart - base
        guard core < buffer.count, buffer[core...].contains(where: { !$0.isBlank }), let last = buffer.last else { return nil }
        return Plan(
          lines: Array(buffer[(windowStart - base)...]), core: buffer[core].number..<(last.number + 1), isLast: true,
          windowStart: windowStart, coreStart: coreStart, cutEnd: base + buffer.count, reach: reach, attempt: attempt, nextWindowStart: windowStart)
      }
      if let failure { throw failure }
      do {
        if let lines = try stream.next() { buffer += lines } else { ended = true }
      } catch {
        failure = error
        throw error
      }
    }
  }

  /// `plan`'s cut did not hold (a block crosses it): plans after it are void, and the next
  /// ``next()`` gives the same chunk grown to a later blank line.
  func retry(_ plan: Plan) {
    windowStart = plan.windowStart
    coreStart = plan.coreStart
    searchFrom = plan.cutEnd + 1
    attempt = plan.attempt + 1
    let failedAt = buffer[plan.cutEnd - base].offset - buffer[plan.coreStart - base].offset
    reach = max(plan.reach, failedAt + (chunkBytes >> max(0, 5 - attempt)))
    finished = false
  }

  /// `plan`'s cut held: the lines before the next chunk's context are no longer needed.
  func confirm(_ plan: Plan) {
    let drop = plan.nextWindowStart - base
    guard drop > 0 else { return }
    buffer.removeFirst(drop)
    base += drop
  }

  /// A blank line after at least `reach` bytes of text from `coreStart`, followed by
  /// `contextRows` non-blank lines already read (buffer indexes): `end` is the first line after
  /// the blank run, `suffixEnd` the end of the context after it.
  private func findCut(from start: Int, coreStart: Int) -> (end: Int, suffixEnd: Int)? {
    guard coreStart < buffer.count else { return nil }
    let origin = buffer[coreStart].offset
    var index = max(start, coreStart + 1)
    while index < buffer.count {
      if buffer[index].offset - origin >= reach, buffer[index].isBlank {
        var end = index
        while end < buffer.count && buffer[end].isBlank { end += 1 }
        var suffixEnd = end
        var nonBlank = 0
        while suffixEnd < buffer.count && nonBlank < contextRows {
          if !buffer[suffixEnd].isBlank { nonBlank += 1 }
          suffixEnd += 1
        }
        // Not enough lines read after the blank line yet: wait for more.
        guard nonBlank == contextRows, end < buffer.count else { return nil }
        return (end, suffixEnd)
      }
      index += 1
    }
    return nil
  }
}
