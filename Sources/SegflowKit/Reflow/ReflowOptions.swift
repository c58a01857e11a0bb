/// The choices a pipeline file can make about line-flow repair.
public struct ReflowOptions: Sendable, Hashable {
  /// How lines become blocks.
  public enum Layout: String, Sendable, CaseIterable {
    /// Column-extracted text (newspapers, PDFs): the full repair.
    case columns
    /// Every non-blank line is one paragraph, kept as it is (corpora with one sentence a line).
    case lines
    /// Blank lines separate paragraphs; the lines between are joined.
    case paragraphs
  }

  /// What a space between CJK and Latin or digits means.
  public enum CJKLatinSpacing: String, Sendable, CaseIterable {
    /// Layout glue added by the typesetter (`打造 17个` → `打造17个`): removed.
    case remove
    /// Kept as typed.
    case keep
  }

  /// What a blank line means in `columns` layout.
  public enum BlankLines: String, Sendable, CaseIterable {
    /// Evidence weighed with the others: a column or page break falls mid-sentence.
    case auto
    /// Always a paragraph break (text typed by hand, not extracted).
    case paragraph
  }

  /// Whether the learned edge model (``EdgeModel``) weighs in where the rules are least sure.
  public enum Model: String, Sendable, CaseIterable {
    /// The model decides sentence ends, blank lines and short lines; the rules the rest.
    case on
    /// The hand rules alone.
    case off
  }

  public var layout: Layout = .columns
  public var cjkLatinSpacing: CJKLatinSpacing = .remove
  public var blankLines: BlankLines = .auto
  /// Keep page headers and footers as blocks (they are marked, not translated differently).
  public var keepHeaders: Bool = true
  /// Cut bylines (`文/宁杰`) into blocks of their own.
  public var detectBylines: Bool = true
  /// Recognise headings and headers; off, everything is a paragraph.
  public var detectHeadings: Bool = true
  public var model: Model = .on

  public init() {}
}
