import Foundation
import Testing
@testable import SegflowKit

@Suite struct ReviewEscapingTests {
  static let hostile = "标题<script>alert(1)</script>\n\n他说：“A & B” 'single' \"double\"。\u{202E}反转\u{2066}隔离\u{2069}\n<img src=x onerror=alert(2)>第二句。\n"

  @Test("markup, ampersands, quotes and bidi controls from a document are shown as text, never run")
  func hostileDocument() throws {
    let document = try Fixtures.process(Self.hostile, pipeline: Fixtures.defaultPipeline(), name: "<b>\"x\"&\u{202E}")
    let html = ReviewPage().render(document)
    let page = XHTMLDocument(html)
    #expect(page.error == nil, "\(page.error ?? "")")
    // The only script is the page's own; no element came from the document.
    #expect(page.scripts.count == 1)
    #expect(page.scripts.first?.contains("alert") == false)
    #expect(page.elements(named: "img").isEmpty)
    #expect(page.elements(named: "b").allSatisfy { $0.attributes.isEmpty })
    #expect(!page.elements.contains { $0.attributes.keys.contains("onerror") })
    // The text is all there, as text.
    #expect(page.text.contains("<script>alert(1)</script>"))
    #expect(page.text.contains("<img src=x onerror=alert(2)>"))
    for fragment in ["“A & B”", "'single'", "\"double\""] { #expect(page.text.contains(fragment)) }
    // Bidi controls never reach the page; visible markers stand in their place.
    for scalar in ["\u{202E}", "\u{2066}", "\u{2069}"] { #expect(!html.contains(scalar)) }
    #expect(page.text.contains("<U+202E>"))
    #expect(page.text.contains("<U+2066>"))
    #expect(page.text.contains("<U+2069>"))
    #expect(page.elements(withClass: "cp").contains { $0.attributes["title"] == "U+202E RIGHT-TO-LEFT OVERRIDE" })
    // The hostile document name is escaped in the title too.
    #expect(page.text.contains("Review · <b>\"x\"&<U+202E>"))
  }

  @Test("HTMLText escapes markup and makes invisible characters visible")
  func htmlText() {
    #expect(HTMLText.content("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
    #expect(HTMLText.attribute("x\u{202E}y\u{0}") == "x&lt;U+202E&gt;y&lt;U+0000&gt;")
    #expect(HTMLText.content("\u{200B}").contains("&lt;U+200B&gt;"))
    #expect(HTMLText.content("党建 2024") == "党建 2024")
    #expect(HTMLText.isInvisible("\u{2028}"))
    #expect(!HTMLText.isInvisible("\u{3000}"))
  }

  @Test("links to pages are percent-encoded, so a name cannot become a script URL")
  func links() {
    #expect(HTMLText.href(path: "2024/page 1.html") == "2024/page%201.html")
    #expect(HTMLText.href(path: "javascript:alert(1).html") == "javascript%3Aalert%281%29.html")
    #expect(HTMLText.href(path: "湖州.html") == "%E6%B9%96%E5%B7%9E.html")
    #expect(HTMLText.href(path: "a#b?c.html") == "a%23b%3Fc.html")
  }
}
