import Foundation
import Testing

@testable import SegflowKit

/// The `clean` option of the normalize stage (`TextCleaner`).
@Suite struct TextCleanerTests {
  /// The texts of `lines` after cleaning in `mode`, blank lines left out.
  func cleaned(_ text: String, _ mode: TextCleaner.Mode = .text) -> [String] {
    var lines = LineSplitter.split(text)
    TextCleaner.clean(&lines, mode: mode)
    return lines.map(\.text).filter { !$0.allSatisfy(\.isWhitespace) }
  }

  @Test("markup: HTML/XML tags, escaped tags and inline codes in braces are removed")
  func markup() {
    #expect(cleaned("<p class=\"x\">One.</p> <em>Two</em>!") == ["One. Two!"])
    #expect(cleaned("<bpt i=\"0\">&lt;b&gt;</bpt>J1.txt<ept i=\"1\">&lt;/b&gt;</ept>") == ["J1.txt"])
    #expect(cleaned("Hi{b^&gt;1&lt;b^} there{x>2<x}.") == ["Hi there."])
    // Not markup: a comparison, braces without angle brackets.
    #expect(cleaned("if a < b and c > d {x}") == ["if a < b and c > d {x}"])
  }

  @Test("dot leaders: a table-of-contents entry loses leader and page; a dot run between words is a space; an ellipsis stays")
  func dots() {
    #expect(cleaned("  About Me..........5\nChapter 2 ....... 16-17") == ["  About Me", "Chapter 2"])
    #expect(cleaned("long strings of dots........please.") == ["long strings of dots please."])
    #expect(cleaned("I never meant that.... She left. The end....") == ["I never meant that.... She left. The end...."])
  }

  @Test("line breaks written as text, rules of slashes, runs of three or more spaces")
  func noise() {
    #expect(cleaned("Hello World. \\r\\n Hello.") == ["Hello World. Hello."])
    #expect(cleaned("Hello World. \\ r \\ nHello.") == ["Hello World. Hello."])
    #expect(cleaned("C:\\new folder") == ["C:\\new folder"])
    #expect(cleaned("////////Header here////////") == [" Header here "])
    #expect(cleaned("Get rid of   extra space.  Two stay.") == ["Get rid of extra space.  Two stay."])
    #expect(cleaned("        Indented\ttext\t\t\tand   more 42   ") == [" Indented\ttext and more 42 "])
    #expect(cleaned("`So what?' he asked. ``Fine.''") == ["'So what?' he asked. \"Fine.''"])
  }

  @Test("spaces between symbols are layout and stay: a dinkus keeps its spacing")
  func ornamentSpacing() {
    #expect(cleaned("               *       *       *       *       *") == ["               *       *       *       *       *"])
    #expect(cleaned("end.   *   *   *   Next") == ["end.   *   *   * Next"])
  }

  @Test("a word printed one or two capitals a line is joined; short runs and lower case are not")
  func letterRuns() {
    #expect(cleaned("W\nA\nRN\nI\nNG\n \n/") == ["WARNING", "/"])
    #expect(cleaned("I\nAM\nOK") == ["I", "AM", "OK"])
    #expect(cleaned("a\nb\nc\nd") == ["a", "b", "c", "d"])
  }

  @Test("joins: a line ending in a space before lower case; pdf: any line before lower case; a leading full stop; a Japanese particle")
  func joins() {
    #expect(cleaned("It was a cold \nnight in the city.\nfeatures\n still here") == ["It was a cold night in the city.", "features", " still here"])
    #expect(cleaned("This is a sentence\ncut off because pdf.", .pdf) == ["This is a sentence cut off because pdf."])
    #expect(cleaned("This is a sentence\ncut off because pdf.", .text) == ["This is a sentence", "cut off because pdf."])
    #expect(cleaned("contact us for pricing\n.\nNext") == ["contact us for pricing.", "Next"])
    #expect(cleaned("これは父の\n家です。") == ["これは父の家です。"])
    #expect(cleaned("これは山です\nこれは山です") == ["これは山です", "これは山です"])
    #expect(cleaned("one \ntwo", .none) == ["one ", "two"])
  }

  @Test("the normalize stage reads `clean` and rejects unknown values")
  func option() throws {
    let yaml = """
      version: 1
      language: en
      targetLanguage: de
      stages:
        - decode
        - normalize:
            clean: pdf
        - reflow:
            layout: lines
        - segment
      writers: []
      """
    let pipeline = try PipelineLoader.parse(yaml, file: "test.yaml")
    let segments = try Fixtures.process("<b>This is a sentence</b>\ncut off. Next one.\n", pipeline: pipeline).segments.map(\.text)
    #expect(segments == ["This is a sentence cut off.", "Next one."])
    #expect(throws: (any Error).self) { try PipelineLoader.parse(yaml.replacingOccurrences(of: "clean: pdf", with: "clean: maybe"), file: "test.yaml") }
  }
}
