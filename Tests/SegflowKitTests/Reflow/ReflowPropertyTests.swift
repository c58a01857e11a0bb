import Foundation
import Testing

@testable import SegflowKit

/// Reflow never changes, drops or reorders a non-space character, on any input.
@Suite struct ReflowPropertyTests {
  static let alphabet: [String] = {
    var parts: [String] = []
    parts += "党的基层组织是工作和战斗力基础湖州联通创新发展未来展望文宁杰記者".map(String.init)
    parts += "，。、；：？！“”‘’（）《》「」…—·".map(String.init)
    parts += "abcXYZ019".map(String.init) + ["infor", "mation", "Anglo", "Saxon", "5G", "SA", "17", "2021"]
    parts += [".", ",", "-", "/", "+", "%", "(", ")", "\"", "'"]
    parts += ["文/", "记者：", "本报记者 ", "通讯员 "]
    parts += [" ", " ", "  ", "\u{3000}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\t", "\u{2009}"]
    parts += ["\n", "\n", "\n", "\r\n", "\r", "\n\n", "\n \n", "\u{0C}", "-\n", " \n"]
    return parts
  }()

  static func randomText(seed: Int) -> String {
    var generator = SplitMix(seed: UInt64(seed) &* 7919)
    let count = 1 + Int(generator.next() % 300)
    var text = ""
    for _ in 0..<count {
      text += alphabet[Int(generator.next() % UInt64(alphabet.count))]
    }
    return text
  }

  static func nonSpace(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { ScalarClass($0) != .space && $0 != "\n" && $0 != "\r" }
  }

  @Test("every non-space character survives, in order, in every layout", arguments: 0..<300)
  func keepsCharacters(seed: Int) {
    let text = Self.randomText(seed: seed)
    let lines = LineSplitter.split(text)
    let source = Self.nonSpace(lines.map(\.text).joined(separator: "\n"))
    for layout in ReflowOptions.Layout.allCases {
      var options = ReflowOptions()
      options.layout = layout
      options.cjkLatinSpacing = seed % 2 == 0 ? .remove : .keep
      let blocks = Reflower(options: options).reflow(lines)
      var repaired = Self.nonSpace(blocks.map(\.text).joined(separator: "\n"))
      // The one character reflow may remove is a line-end hyphen it records (`infor-` `mation`).
      let dehyphenated = blocks.flatMap(\.decisions).filter { $0.action == .dehyphenate }.count
      if dehyphenated > 0 {
        var result: [Unicode.Scalar] = []
        var a = repaired.startIndex, b = source.startIndex, removed = 0
        while b < source.endIndex {
          if a < repaired.endIndex && repaired[a] == source[b] {
            result.append(repaired[a]); a += 1; b += 1
          } else if source[b] == "-" && removed < dehyphenated {
            result.append("-"); removed += 1; b += 1
          } else { break }
        }
        if a == repaired.endIndex && removed == dehyphenated { repaired = result }
      }
      #expect(repaired == source, "layout \(layout), seed \(seed): \(text.debugDescription)")
    }
  }

  @Test("every piece of a block is the source text it claims to come from", arguments: 0..<100)
  func piecesMapToSource(seed: Int) {
    let text = Self.randomText(seed: seed + 1000)
    let lines = LineSplitter.split(text)
    let source = Array(text.utf8)
    for block in Reflower().reflow(lines) {
      let utf8 = Array(block.text.utf8)
      var covered = 0
      for piece in block.pieces {
        let fromBlock = utf8[piece.textOffset..<(piece.textOffset + piece.length)]
        let fromSource = source[piece.sourceOffset..<(piece.sourceOffset + piece.length)]
        #expect(Array(fromBlock) == Array(fromSource), "seed \(seed)")
        covered += piece.length
      }
      // Only joining spaces are outside pieces.
      #expect(utf8.count - covered == utf8.filter { $0 == 0x20 }.count - block.pieces.reduce(0) { total, piece in
        total + utf8[piece.textOffset..<(piece.textOffset + piece.length)].filter { $0 == 0x20 }.count
      })
    }
  }

  @Test("one 5 MB line with no line structure is repaired in one linear pass")
  func hugeLine() {
    let pattern = Array("党的基层组织是党的全部工作和战斗力的基础，湖州联通。 5G SA ".unicodeScalars)
    var view = String.UnicodeScalarView()
    var bytes = 0
    var index = 0
    while bytes < 5_000_000 {
      let scalar = pattern[index % pattern.count]
      view.append(scalar)
      bytes += UTF8.width(scalar)
      index += 1
    }
    let text = String(view)
    let blocks = Reflower().reflow(LineSplitter.split(text))
    #expect(blocks.count == 1)
    #expect(Self.nonSpace(blocks.map(\.text).joined()).count == Self.nonSpace(text).count)
  }

  @Test("lines of only punctuation, tabs, ideographic spaces and mixed line ends")
  func oddLines() {
    let text = "。。。\r\n，，\r\t\u{3000}\n\u{00A0}\u{200B}\n！？\n\u{3000}党的\u{3000}基层\n"
    let blocks = Reflower().reflow(LineSplitter.split(text))
    #expect(Self.nonSpace(blocks.map(\.text).joined()) == Self.nonSpace(text))
  }
}
