extension LineProfile {
  /// The soft space `gap` leaves a single ideograph on one side within the line (`1989年 到`,
  /// `查尔斯·克 拉克在`): see ``softSpaceIsolatesCharacter``.
  static func isolatesCharacter(_ line: DecodedLine, gap: Range<Int>) -> Bool {
    ideographRun(line, from: gap.lowerBound - 1, step: -1) == 1 || ideographRun(line, from: gap.upperBound, step: 1) == 1
  }

  /// How many ideographs follow one another from `start` in the direction of `step` (±1).
  private static func ideographRun(_ line: DecodedLine, from start: Int, step: Int) -> Int {
    var position = start
    while position >= 0, position < line.count, line.classes[position] == .ideograph { position += step }
    return abs(position - start)
  }
}
