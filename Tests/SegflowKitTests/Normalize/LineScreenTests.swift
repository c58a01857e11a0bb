import SegflowICU
import Testing

@testable import SegflowKit

/// The normalize stage's shortcut: a line that `LineScreen` passes is one the full path leaves
/// unchanged, for every form and option.
@Suite struct LineScreenTests {
  /// Characters that stress each step: ASCII, CJK, Latin letters that compose with a following
  /// mark, combining marks (in and out of canonical order), Hangul syllables and jamo, kana and
  /// their voicing marks, compatibility characters (NFKC changes them), a singleton (U+212B
  /// ANGSTROM SIGN), vertical forms, zero-width characters and a character beyond the BMP.
  static let pool: [Unicode.Scalar] = Array(
    "aZ 09.,“”。，、中国人民党湖州联通e\u{0301}\u{0323}\u{0334}A\u{030A}\u{212B}\u{00C5}한\u{1100}\u{1161}\u{11A8}か\u{3099}が\u{FF21}\u{FF11}\u{2460}\u{FB01}\u{3000}\u{00A0}\u{FE10}\u{FE35}\u{FE4F}\u{200B}\u{200D}\u{2060}\u{FEFF}\u{20000}\u{0F73}\u{0344}"
      .unicodeScalars)

  @Test("a passed line is unchanged by the full path, for every form and option, on random lines")
  func passedLinesAreUnchanged() throws {
    var generator = SplitMix(seed: 20251204)
    for form in [nil] + NormalizationForm.allCases.map(Optional.some) {
      for (vertical, zeroWidth) in [(true, true), (false, false), (true, false)] {
        let stage = NormalizeStage(form: form, verticalForms: vertical, removeZeroWidth: zeroWidth)
        let screen = LineScreen(form: form, verticalForms: vertical, removeZeroWidth: zeroWidth)
        var passed = 0
        for _ in 0..<3000 {
          var scalars = String.UnicodeScalarView()
          for _ in 0..<Int(generator.next() % 6) { scalars.append(Self.pool[Int(generator.next() % UInt64(Self.pool.count))]) }
          let line = String(scalars)
          if screen.passes(line) {
            passed += 1
            #expect(try stage.normalized(line) == line, "\(form?.rawValue ?? "none") passed \(line.unicodeScalars.map { String($0.value, radix: 16) })")
          }
        }
        // (Both outcomes occur, so the check above is not vacuous.)
        #expect(passed > 100 && passed < 2900)
      }
    }
  }

  @Test("every BMP character the table marks stable is in that form on its own and after a starter")
  func tableEntriesAreNormalized() throws {
    for form in NormalizationForm.allCases {
      let table = Normalizer.quickCheckYesTable(form)
      var stable = 0
      for value in 0..<0x10000 where table[value] {
        guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
        stable += 1
        let text = "a" + String(scalar) + "中"
        #expect(try Normalizer.normalize(text, to: form) == text, "\(form.rawValue) U+\(String(value, radix: 16))")
      }
      #expect(stable > 40_000)
    }
  }

  @Test("typical lines pass; lines with a vertical form, a zero-width character or a decomposed accent do not")
  func typicalLines() {
    let screen = LineScreen(form: .nfc, verticalForms: true, removeZeroWidth: true)
    #expect(screen.passes("党的基层组织是党在社会基层组织中的战斗堡垒，“生命线”。"))
    #expect(screen.passes("In 2011, 5G SA"))
    #expect(screen.passes(""))
    #expect(!screen.passes("党的\u{FE10}基层"))
    #expect(!screen.passes("党的\u{200B}基层"))
    #expect(!screen.passes("cafe\u{0301}"))
    #expect(LineScreen(form: nil, verticalForms: false, removeZeroWidth: false).passes("cafe\u{0301}\u{FE10}"))
  }
}
