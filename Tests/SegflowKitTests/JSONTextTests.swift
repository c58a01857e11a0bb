import Foundation
import Testing

@testable import SegflowKit

@Suite struct JSONTextTests {
  @Test("real characters stay, JSON's specials and invisible separators are escaped")
  func escaping() {
    #expect(JSONText.quoted("党建“加速器”") == "\"党建“加速器”\"")
    #expect(JSONText.quoted("a\"b\\c\nd\te\r") == "\"a\\\"b\\\\c\\nd\\te\\r\"")
    #expect(JSONText.quoted("\u{01}\u{2028}\u{2029}\u{200B}\u{FEFF}") == "\"\\u0001\\u2028\\u2029\\u200b\\ufeff\"")
    #expect(JSONText.quoted("") == "\"\"")
  }

  /// JSON escaping scalar by scalar, as the rules say, without the byte shortcut.
  static func referenceQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}", "\u{2029}", "\u{200B}", "\u{FEFF}": result += String(format: "\\u%04x", scalar.value)
      default:
        if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
      }
    }
    return result + "\""
  }

  @Test("the byte shortcut escapes exactly what escaping scalar by scalar does", arguments: 0..<60)
  func shortcut(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    // Characters sharing a lead byte with the escaped ones (E2: U+2000-U+2FFF, EF: U+F000-U+FFFF) must stay.
    let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{00}", "\u{1F}", "党", "“", "…", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{200A}", "\u{200B}", "\u{200C}", "\u{FEFF}", "\u{FEFE}", "！", "\u{FFFD}", "😀", " ", "/"]
    var text = String.UnicodeScalarView()
    for _ in 0..<Int(generator.next() % 40) { text.append(pool[Int(generator.next() % UInt64(pool.count))]) }
    // A large (heap) string and a small one take the same path.
    for string in [String(text), String(String(text).prefix(3))] {
      #expect(JSONText.quoted(string) == Self.referenceQuoted(string), "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test("the sixteen-byte test marks exactly the bytes the loop looks at", arguments: 0..<20)
  func laneTest(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    // Bytes around every edge of the tests, and any byte.
    let pool: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xA0, 0xE1, 0xE2, 0xE3, 0xEE, 0xEF, 0xF0, 0xFF]
    for _ in 0..<5_000 {
      var bytes: [UInt8] = []
      for _ in 0..<16 {
        let pick = generator.next()
        bytes.append(pick % 3 == 0 ? UInt8(truncatingIfNeeded: pick >> 8) : pool[Int((pick >> 8) % UInt64(pool.count))])
      }
      let expected = bytes.map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 || $0 == 0xEF }
      let lanes = bytes.withUnsafeBufferPointer { ByteVector.load($0.baseAddress!) }
      let marks = JSONText.EscapeCandidates.marks(lanes)
      #expect((0..<16).map { marks[$0] & 0x80 != 0 } == expected, "\(bytes)")
    }
  }

  @Test("long texts, mostly CJK, escape as scalar by scalar", arguments: 0..<40)
  func longTexts(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    let rare: [Unicode.Scalar] = ["\"", "\\", "\n", "\u{01}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{FEFF}", "\u{2027}", "\u{FEFE}", "“", "…", "😀"]
    let common: [Unicode.Scalar] = ["党", "建", "，", "。", "a", "1", " ", "é"]
    var text = String.UnicodeScalarView()
    for _ in 0..<Int(generator.next() % 300) {
      let pick = generator.next()
      text.append(pick % 23 == 0 ? rare[Int((pick >> 8) % UInt64(rare.count))] : common[Int((pick >> 8) % UInt64(common.count))])
    }
    let string = String(text)
    #expect(JSONText.quoted(string) == Self.referenceQuoted(string))
  }

  @Test("every escaped string parses back to itself", arguments: 0..<100)
  func roundTrip(seed: Int) throws {
    var generator = SplitMix(seed: UInt64(seed))
    let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "党", "“", "\u{2028}", "\u{200B}", "\u{FEFF}", "😀", " ", "/"]
    var text = String.UnicodeScalarView()
    for _ in 0..<Int(generator.next() % 40) { text.append(pool[Int(generator.next() % UInt64(pool.count))]) }
    let string = String(text)
    let parsed = try JSONSerialization.jsonObject(with: Data(JSONText.quoted(string).utf8), options: [.fragmentsAllowed]) as? String
    #expect(parsed == string)
  }
}

@Suite struct WriterBytesTests {
  @Test("every writer's bytes are its text's UTF-8, whole and as streamed bodies")
  func bytesEqualText() throws {
    for document in try ExportFixtures.documents() {
      let context = WriterContext(sourceLanguage: document.language, targetLanguage: "en")
      for writer in WriterRegistry.all {
        #expect(try writer.renderBytes(document, context: context) == Array(try writer.render(document, context: context).utf8), "\(writer.name)")
        if let streaming = writer as? any StreamingSegmentWriter {
          #expect(streaming.bodyBytes(document, context: context) == Array(streaming.body(document, context: context).utf8), "\(writer.name)")
        }
      }
    }
  }

  @Test("collected bytes are what was appended, within the capacity, past it, or with none", arguments: [0, 15, 16, 17, 100, 4096])
  func collect(capacity: Int) {
    // Written straight into the array while they fit, into a buffer of their own past it.
    var random = SplitMix(seed: UInt64(capacity))
    for length in [0, 1, 15, 16, 17, 99, 100, 101, 5000] {
      let pieces = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let bytes = OutputBytes.collect(capacity: capacity) { out in
        for (index, byte) in pieces.enumerated() {
          if index % 3 == 0 { out.appendNumber(Int(byte)) } else { out.append(byte) }
        }
      }
      var expected: [UInt8] = []
      for (index, byte) in pieces.enumerated() {
        if index % 3 == 0 { expected += Array(String(byte).utf8) } else { expected.append(byte) }
      }
      #expect(bytes == expected, "capacity \(capacity), \(length) pieces")
    }
  }

  @Test("numbers are written as String(value) writes them")
  func numbers() {
    // Around every power of ten (where the digit count changes), both signs, and the extremes.
    var powers: [Int] = []
    var power = 1
    for _ in 0...18 {
      powers += [power - 1, power, power + 1, -power, -(power - 1), -(power + 1)]
      if power <= Int.max / 10 { power *= 10 }
    }
    for value in [0, 7, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min, Int.max - 1, Int.min + 1] + powers + (0..<200).map({ $0 * 7919 - 500_000 }) {
      var buffer: [UInt8] = []
      JSONText.appendNumber(value, to: &buffer)
      #expect(String(decoding: buffer, as: UTF8.self) == String(value))
    }
  }

  /// XML escaping scalar by scalar, as it was before the byte shortcut.
  static func referenceEscaped(_ text: String, attribute: Bool) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where attribute: result += "&quot;"
      case "'" where attribute: result += "&apos;"
      case "\r": result += "&#13;"
      case "\n" where attribute: result += "&#10;"
      case "\t" where attribute: result += "&#9;"
      default: if XMLText.isForbidden(scalar) { result += "\u{FFFD}" } else { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }

  @Test("XML escaping with the no-change shortcut equals escaping scalar by scalar", arguments: 0..<60)
  func xmlShortcut(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    let pool: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", "\r", "\n", "\t", "\u{01}", "党", "！", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFFF}", "😀", " "]
    var text = String.UnicodeScalarView()
    // Half the texts hold only characters that need no escaping, to take the shortcut.
    let plain = seed % 2 == 0
    for _ in 0..<Int(generator.next() % 30) {
      let scalar = pool[Int(generator.next() % UInt64(pool.count))]
      if plain && !["a", "党", "！", "\u{FFFD}", "\u{EFFF}", "😀", " "].contains(scalar) { continue }
      text.append(scalar)
    }
    let string = String(text)
    for attribute in [false, true] {
      #expect(XMLText.escaped(string, attribute: attribute) == Self.referenceEscaped(string, attribute: attribute))
    }
  }
}

@Suite struct JSONLWordsTests {
  @Test("the JSONL and XLIFF 2 bodies fit the size reserved for them, and use most of it")
  func reservedSizes() throws {
    for document in try ExportFixtures.documents() {
      let context = ExportFixtures.context(document)
      let withWords = document.segments.first?.tokens != nil
      let sizes = [
        ("jsonl", JSONLWriter().bodyBytes(document, context: context).count, document.estimatedOutputBytes(perSegment: 256, perTextByte: withWords ? 3 : 1)),
        ("xliff2", XLIFF2Writer().bodyBytes(document, context: context).count, document.estimatedOutputBytes(perSegment: 400, perTextByte: 1)),
      ]
      for (writer, written, reserved) in sizes {
        // Written within the reservation: the body never grows (and copies itself) midway.
        #expect(written <= reserved, "\(writer), \(document.name): \(written) > \(reserved)")
        // Not wildly over: at most twice what is written, beyond a small document's slack.
        #expect(reserved <= 2 * written + 4096, "\(writer), \(document.name): \(reserved) for \(written)")
      }
    }
  }

  @Test("JSONL words read back as the tokens' texts, in segments that need escaping and in those that do not")
  func wordsRoundTrip() throws {
    let pipeline = try PipelineLoader.parse(
      """
      version: 1
      language: zh
      stages: [decode, normalize, reflow, segment, tokenize]
      """, file: "test")
    // Plain CJK (words copied as they are), a quotation mark and a backslash inside words, and
    // a line separator (escaped as \u2028) in a segment whose other words need nothing.
    let text = "新华社北京电，今天天气很好。他说\"好的\"，路径是C:\\temp。第一\u{2028}第二句话。English \"quoted\" words."
    var document = Document(name: "t", path: "t.txt", bytes: Array(text.utf8), language: "zh")
    try pipeline.process(&document, context: StageContext())
    let body = JSONLWriter().bodyBytes(document, context: WriterContext(sourceLanguage: "zh", targetLanguage: "en"))
    let lines = String(decoding: body, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == document.segments.count)
    var escaped = 0
    for (line, segment) in zip(lines, document.segments) {
      let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(record["text"] as? String == segment.text)
      #expect(record["words"] as? [String] == segment.words, "\(segment.text)")
      if segment.text.contains("\"") || segment.text.contains("\\") || segment.text.contains("\u{2028}") { escaped += 1 }
    }
    #expect(escaped >= 2 && escaped < lines.count)
  }

  @Test("a token whose offsets lie outside its text or inside a character is written clamped and repaired")
  func foreignTokens() throws {
    let text = "新华社电"  // three bytes a character
    let tokens = [
      Token(type: .ideographic, start: 0, end: 6), Token(type: .ideographic, start: 4, end: 9),
      Token(type: .none, start: 9, end: 40), Token(type: .none, start: -3, end: 2), Token(type: .none, start: 12, end: 12),
    ]
    let segment = Segment(
      id: "t:1:1", block: 1, index: 1, kind: .paragraph, text: text, trailing: "", range: 0..<12,
      source: SourceSpan(start: SourcePosition(line: 1, column: 1, byte: 0), end: SourcePosition(line: 1, column: 5, byte: 12)),
      tokens: tokens)
    #expect(segment.words == ["新华", "\u{FFFD}\u{FFFD}社", "电", "\u{FFFD}", ""])
    var document = Document(name: "t", path: "t.txt", bytes: Array(text.utf8), language: "zh")
    document.segments = [segment]
    let body = JSONLWriter().bodyBytes(document, context: WriterContext(sourceLanguage: "zh", targetLanguage: "en"))
    #expect(String(validating: body, as: UTF8.self) != nil)
    let record = try #require(try JSONSerialization.jsonObject(with: Data(body.dropLast())) as? [String: Any])
    #expect(record["words"] as? [String] == segment.words)
  }

  @Test("words in order, touching, overlapping, backwards or cut, of every length and near the text's end, read back as the tokens' texts")
  func wordsOfEveryShape() throws {
    // The words of a text that needs no escaping are copied eight bytes at a time while they
    // come in order; the first token out of order, or cut inside a character, sends it and the
    // rest to the general path.
    var random = SplitMix(seed: 6)
    let pieces = ["新", "华社", "北京电", "a", "bc", "今天天气很好", "，", "。", "Segflow", "x1"]
    for round in 0..<400 {
      var text = ""
      for _ in 0..<Int.random(in: 0...12, using: &random) { text += pieces.randomElement(using: &random)! }
      let count = text.utf8.count
      var tokens: [Token] = []
      var position = 0
      for _ in 0..<Int.random(in: 0...10, using: &random) {
        var start = position
        switch Int.random(in: 0..<10, using: &random) {
        case 0: start = Int.random(in: -2...(count + 2), using: &random)  // anywhere
        case 1: start = max(0, position - Int.random(in: 1...4, using: &random))  // overlapping
        default: break  // touching the previous word
        }
        let end = start + Int.random(in: 0...20, using: &random)
        tokens.append(Token(type: .none, start: start, end: round % 7 == 0 ? min(end, count) : end))
        position = max(position, min(end, count))
      }
      let segment = Segment(
        id: "t:1:1", block: 1, index: 1, kind: .paragraph, text: text, trailing: "", range: 0..<count,
        source: SourceSpan(start: SourcePosition(line: 1, column: 1, byte: 0), end: SourcePosition(line: 1, column: 1, byte: count)),
        tokens: tokens)
      var document = Document(name: "t", path: "t.txt", bytes: Array(text.utf8), language: "zh")
      document.segments = [segment]
      let body = JSONLWriter().bodyBytes(document, context: WriterContext(sourceLanguage: "zh", targetLanguage: "en"))
      let record = try #require(try JSONSerialization.jsonObject(with: Data(body.dropLast())) as? [String: Any])
      #expect(record["words"] as? [String] == segment.words, "\(text) \(tokens.map { ($0.start, $0.end) })")
    }
  }
}
