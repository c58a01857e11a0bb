import Testing

@testable import SegflowKit

/// `short-end-before-opening-mark` up to three characters: squeezed `。《` tie with a 2 em first line.
@Suite struct ReflowShortEndBeforeOpeningMarkTests {
  @Test("short-end-before-opening-mark: a sentence end three characters into its line, `幕牆。` ⏎ `《紐約時報》認為本`, goes on")
  func threeCharacterEnd() {
    let text = """
      這場秀大量使用了各種
      影片技術，舞台佈景中還
      包括了一面巨形 LED 螢
      幕牆。
      《紐約時報》認為本
      劇「深刻地揭示了現實生
      活中，野心與自省之間的
      無休止爭鬥」
      """
    // (The rule alone: the widths tie, and the edge model, asked here, splits.)
    let blocks = reflow(text, rulesOnly)
    #expect(blocks.count == 1)
    #expect(blocks[0].decisions.contains { $0.rule == "short-end-before-opening-mark" })
  }
}
