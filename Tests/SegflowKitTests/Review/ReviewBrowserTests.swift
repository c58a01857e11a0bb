import Foundation
import Testing
@testable import SegflowKit

/// Opens the review pages in headless Chromium: they load, their scripts run to the end without
/// a console error, and a screenshot comes out. Set `SEGFLOW_SCREENSHOT_DIR` to keep the
/// screenshots (`scripts/screenshot-review` does, for `docs/review-seed.png`).
@Suite(.enabled(if: Chromium.installed != nil, "needs Debian's chromium (scripts/bootstrap installs it)"), .serialized)
struct ReviewBrowserTests {
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("segflow-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ html: String, _ name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(html.utf8).write(to: url)
    return url
  }

  @Test("the seed's page loads without console errors, runs its script and gives a screenshot")
  func seedPage() throws {
    let chromium = try #require(Chromium.installed)
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try Self.write(ReviewPage(indexLink: "index.html").render(try ReviewPageTests.seedDocument()), "000_447990846ac5af44.html", in: folder)

    let dom = try chromium.run(page, ["--dump-dom"])
    #expect(dom.status == 0, "\(dom.stderr.suffix(2000))")
    #expect(dom.consoleMessages.isEmpty, "\(dom.consoleMessages)")
    // The script sets data-ready as its last step: it ran to the end.
    #expect(dom.stdout.contains("<body data-ready=\"true\">"))
    #expect(dom.stdout.contains("湖州联通"))

    let keep = ProcessInfo.processInfo.environment["SEGFLOW_SCREENSHOT_DIR"].map { URL(fileURLWithPath: $0) }
    let shot = (keep ?? folder).appendingPathComponent("review-seed.png")
    let capture = try chromium.run(page, ["--window-size=1400,1000", "--screenshot=\(shot.path)"])
    #expect(capture.status == 0)
    #expect(capture.consoleMessages.isEmpty, "\(capture.consoleMessages)")
    let png = try Data(contentsOf: shot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    // A blank 1400×1000 PNG is a few kilobytes; the rendered page is far more.
    #expect(png.count > 30_000, "screenshot of \(png.count) bytes: is the page empty?")
  }

  @Test("a hostile document's page runs no script of the document's")
  func hostilePage() throws {
    let chromium = try #require(Chromium.installed)
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let document = try Fixtures.process(ReviewEscapingTests.hostile + "<script>console.error('injected')</script>\n", pipeline: Fixtures.defaultPipeline())
    let page = try Self.write(ReviewPage().render(document), "hostile.html", in: folder)
    let dom = try chromium.run(page, ["--dump-dom"])
    #expect(dom.status == 0)
    #expect(dom.consoleMessages.isEmpty, "\(dom.consoleMessages)")
    #expect(dom.stdout.contains("<body data-ready=\"true\">"))
    #expect(dom.stdout.components(separatedBy: "<script").count - 1 == 1)
    #expect(!dom.stdout.contains("<img"))
    #expect(dom.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test("n and p move focus through the doubtful decisions in list order, wrapping around")
  func keyboardNavigation() throws {
    let chromium = try #require(Chromium.installed)
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var document = try ReviewPageTests.seedDocument()
    for (block, confidence) in [(12, 0.5), (2, 0.7), (6, 0.3)] {
      let line = try #require(document.blocks[block].lines?.lowerBound)
      document.blocks[block].decisions.append(Decision(.join, rule: "test-weak", confidence: confidence, line: line, detail: "made up for the test"))
    }
    let expected = ReviewReport(document: document).lowConfidenceItems.map(\.anchor)
    #expect(expected.count >= 3)
    // Press n once more than there are doubtful decisions, then p twice.
    let presses = Array(repeating: "n", count: expected.count + 1) + ["p", "p"]
    let walk = expected + [expected[0], expected[expected.count - 1], expected[expected.count - 2]]
    let driver = """
      <script>
      (function () {
        var seen = [];
        \(presses.map { "document.dispatchEvent(new KeyboardEvent('keydown', { key: '\($0)' })); seen.push(document.activeElement.id);" }.joined(separator: "\n    "))
        document.body.setAttribute("data-walk", seen.join(" "));
      })();
      </script>
      """
    let html = ReviewPage().render(document).replacingOccurrences(of: "</body>", with: driver + "</body>")
    let page = try Self.write(html, "keys.html", in: folder)
    let dom = try chromium.run(page, ["--dump-dom"])
    #expect(dom.consoleMessages.isEmpty, "\(dom.consoleMessages)")
    let found = dom.stdout.components(separatedBy: "data-walk=\"").dropFirst().first?.components(separatedBy: "\"").first
    #expect(found == walk.joined(separator: " "))
  }

  @Test("the index sorts by a column in the browser")
  func indexSorts() throws {
    let chromium = try #require(Chromium.installed)
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var entries: [ReviewIndexEntry] = []
    for (name, segments) in [("b", 5), ("a", 12), ("c", 1)] {
      var entry = ReviewIndexEntry(name: name, path: "\(name).txt")
      entry.page = "\(name).html"
      entry.segments = segments
      entries.append(entry)
    }
    entries.append(ReviewIndexEntry(name: "d", path: "d.txt", error: "d.txt: error: empty file"))
    let index = try Self.write(ReviewIndexPage().render(entries), "index.html", in: folder)
    let sorted = try chromium.run(try #require(URL(string: index.absoluteString + "#sort=segments-desc")), ["--dump-dom"])
    #expect(sorted.consoleMessages.isEmpty, "\(sorted.consoleMessages)")
    #expect(sorted.stdout.contains("data-sorted=\"segments-desc\""))
    let order = ["a.html", "b.html", "c.html", ">d<"].map { sorted.stdout.range(of: $0)?.lowerBound }
    #expect(order.allSatisfy { $0 != nil })
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
  }

  @Test("the console check catches a script error (so a clean run means something)")
  func consoleCheckWorks() throws {
    let chromium = try #require(Chromium.installed)
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try Self.write("<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>", "broken.html", in: folder)
    let result = try chromium.run(page, ["--dump-dom"])
    #expect(result.consoleMessages.contains { $0.contains("Uncaught ReferenceError") })
  }
}
