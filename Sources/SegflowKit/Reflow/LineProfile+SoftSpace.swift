extension LineProfile {
  /// The soft space `gap` leaves a single ideograph on one side within the line (`1989年 到`,
  /// `查尔斯·克 拉克在`): see ``softSpaceIsolatesCharacter``.
  static func isolatesCharacter(_ line: DecodedLine, gap: Range<Int>) -> Bool {
    ideographRun(line, from: gap.lowerBound - 1, step: -1) == 1 || ideographRun(line, from: gap.upperBound, step: 1) == 1
  }

  /// The soft space `gap` leaves a single ideograph between itself and the quotation mark
  /// next to it, on the line (`神 龙》`, with `《夜行` on the line above; `《夜 行`). A quoted
  /// slogan's space parts words (`“联党心 通民生”`, `“奋斗百年路 启` at a line end); one
  /// character alone against the mark is glue of a stretched line.
  static func isolatesCharacterAtQuote(_ line: DecodedLine, gap: Range<Int>) -> Bool {
    if ideographRun(line, from: gap.lowerBound - 1, step: -1) == 1, gap.lowerBound - 2 >= 0,
      Punctuation.openingQuotes.contains(line.scalars[gap.lowerBound - 2])
    {
      return true
    }
    if ideographRun(line, from: gap.upperBound, step: 1) == 1, gap.upperBound + 1 < line.count,
      Punctuation.closingQuotes.contains(line.scalars[gap.upperBound + 1])
    {
      return true
    }
    return false
  }

  /// How many ideographs follow one another from `start` in the direction of `step` (±1).
  private static func ideographRun(_ line: DecodedLine, from start: Int, step: Int) -> Int {
    var position = start
    while position >= 0, position < line.count, line.classes[position] == .ideograph { position += step }
    return abs(position - start)
  }
}
