extension LineProfile {
  /// The soft space leaves a single ideograph on one side within the line (`1989年 到`,
  /// `查尔斯·克 拉克在`). The halves of a two-part headline are words or phrases, never one
  /// character, so such a space is glue from a stretched line, even in a title.
  var softSpaceIsolatesCharacter: Bool {
    guard let gap = softSpace else { return false }
    return ideographRun(from: gap.lowerBound - 1, step: -1) == 1 || ideographRun(from: gap.upperBound, step: 1) == 1
  }

  /// How many ideographs follow one another from `start` in the direction of `step` (±1).
  private func ideographRun(from start: Int, step: Int) -> Int {
    var position = start
    while scalars.indices.contains(position), ScalarClass(scalars[position]) == .ideograph { position += step }
    return abs(position - start)
  }
}
