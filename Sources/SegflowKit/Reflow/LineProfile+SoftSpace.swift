extension LineProfile {
  /// The soft space leaves a single ideograph on one side within the line (`1989年 到`,
  /// `查尔斯·克 拉克在`). The halves of a two-part headline are words or phrases, never one
  /// character, so such a space is glue from a stretched line, even in a title.
  var softSpaceIsolatesCharacter: Bool {
    guard let gap = softSpace else { return false }
    return ideographRun(endingBefore: gap.lowerBound) == 1 || ideographRun(startingAt: gap.upperBound) == 1
  }

  private func ideographRun(endingBefore end: Int) -> Int {
    var count = 0
    var position = end - 1
    while position >= 0, ScalarClass(scalars[position]) == .ideograph {
      count += 1
      position -= 1
    }
    return count
  }

  private func ideographRun(startingAt start: Int) -> Int {
    var count = 0
    var position = start
    while position < scalars.count, ScalarClass(scalars[position]) == .ideograph {
      count += 1
      position += 1
    }
    return count
  }
}
