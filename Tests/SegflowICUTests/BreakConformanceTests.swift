import Foundation
import SegflowICU
import Testing

/// Unicode's UAX #29 conformance files run through ``BreakIterator`` over UTF-8.
///
/// The files come from Debian's `unicode-data` (Unicode 15.0, the version ICU 72 implements).
/// They check the mapping of ICU's boundaries to UTF-8 offsets as much as ICU itself.
@Suite struct BreakConformanceTests {
  static let directory = "/usr/share/unicode/auxiliary"

  @Test("every case of SentenceBreakTest.txt", .enabled(if: FileManager.default.fileExists(atPath: "\(directory)/SentenceBreakTest.txt")))
  func sentenceBreakTest() throws {
    let failures = try runConformance(file: "SentenceBreakTest.txt", kind: .sentence)
    #expect(failures.count == 0, "\(failures.count) failing cases, first: \(failures.prefix(5).joined(separator: "\n"))")
  }

  /// CLDR's root word rules take `:` out of MidLetter (ICU lists those cases as known issues);
  /// the Swedish tailoring keeps the UAX #29 default, so it runs the file unchanged.
  @Test("every case of WordBreakTest.txt", .enabled(if: FileManager.default.fileExists(atPath: "\(directory)/WordBreakTest.txt")))
  func wordBreakTest() throws {
    let failures = try runConformance(file: "WordBreakTest.txt", kind: .word, locale: "sv")
    #expect(failures.count == 0, "\(failures.count) failing cases, first: \(failures.prefix(5).joined(separator: "\n"))")
  }

  @Test("the conformance files are installed (.ci/run installs unicode-data)")
  func filesPresent() {
    // CI must not skip the suites silently: fail loudly when the package is missing there.
    if ProcessInfo.processInfo.environment["CI"] != nil {
      #expect(FileManager.default.fileExists(atPath: "\(Self.directory)/WordBreakTest.txt"))
    }
  }

  /// Runs every case and returns a readable table for each failing one.
  func runConformance(file: String, kind: BreakIterator.Kind, locale: String = "en_US_POSIX") throws -> [String] {
    let contents = try String(contentsOfFile: "\(Self.directory)/\(file)", encoding: .utf8)
    let iterator = try BreakIterator(kind, locale: locale)
    var failures: [String] = []
    var cases = 0
    for line in contents.split(separator: "\n", omittingEmptySubsequences: true) {
      let rule = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
      let fields = rule.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard fields.first == "÷" else { continue }
      var scalars: [Unicode.Scalar] = []
      var expected: [Bool] = []  // expected[i]: a boundary before scalar i (and at the end)
      for field in fields {
        switch field {
        case "÷": expected.append(true)
        case "×": expected.append(false)
        default:
          guard let value = UInt32(field, radix: 16), let scalar = Unicode.Scalar(value) else {
            Issue.record("unreadable code point \(field) in \(file)")
            continue
          }
          scalars.append(scalar)
        }
      }
      cases += 1
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      var offsetToIndex: [Int: Int] = [:]
      var offset = 0
      for (index, scalar) in scalars.enumerated() {
        offsetToIndex[offset] = index
        offset += String(scalar).utf8.count
      }
      offsetToIndex[offset] = scalars.count
      var actual = [Bool](repeating: false, count: scalars.count + 1)
      actual[0] = true
      for boundary in try iterator.boundaries(in: text) {
        guard let index = offsetToIndex[boundary] else {
          failures.append("boundary inside a scalar at byte \(boundary): \(line)")
          continue
        }
        actual[index] = true
      }
      if actual != expected {
        let table = scalars.indices.map { i in
          String(format: "U+%04X expected %@ actual %@", scalars[i].value, expected[i] ? "÷" : "×", actual[i] ? "÷" : "×")
        }
        failures.append("\(line)\n  " + table.joined(separator: "\n  "))
      }
    }
    #expect(cases > 100, "\(file) had only \(cases) cases")
    return failures
  }
}
