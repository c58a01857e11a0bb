import SegflowICU

/// Unicode normalization of each line, and vertical presentation forms mapped back to
/// ordinary punctuation (`︐` → `，`).
///
/// Expects: lines. Produces: lines. Lines whose byte length changes are marked not verbatim,
/// so positions inside them map to their source line only approximately.
public struct NormalizeStage: Stage {
  public let name = "normalize"
  /// nil: no Unicode normalization.
  public var form: NormalizationForm?
  public var verticalForms: Bool
  /// Drop zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) that extraction leaves.
  public var removeZeroWidth: Bool
  /// Removal of markup and layout noise (``TextCleaner``); `.none` by default.
  public var clean: TextCleaner.Mode

  public init(form: NormalizationForm? = .nfc, verticalForms: Bool = true, removeZeroWidth: Bool = true, clean: TextCleaner.Mode = .none) {
    self.form = form
    self.verticalForms = verticalForms
    self.removeZeroWidth = removeZeroWidth
    self.clean = clean
  }

  public func run(_ document: inout Document, context: StageContext) throws(DocumentError) {
    // Most lines are unchanged: one pass over their bytes says so (see LineScreen).
    let screen = LineScreen(form: form, verticalForms: verticalForms, removeZeroWidth: removeZeroWidth)
    // (Read in place through a pointer: copying each `SourceLine` out of the array cost more
    // than the screen.)
    let pending = document.lines.withUnsafeBufferPointer { lines in
      lines.indices.filter { index in lines.baseAddress.map { !screen.passes(($0 + index).pointee.textSlice) } ?? false }
    }
    for index in pending {
      let original = document.lines[index].text
      let text: String
      do {
        text = try normalized(original)
      } catch {
        throw DocumentError(path: document.path, message: error.description, line: document.lines[index].number)
      }
      if text != original {
        document.lines[index].text = text
        if text.utf8.count != original.utf8.count { document.lines[index].isVerbatim = false }
      }
    }
    TextCleaner.clean(&document.lines, mode: clean)
  }

  /// The line with vertical forms mapped, zero-width characters dropped and normalized: the
  /// full path, for lines that ``LineScreen`` does not pass.
  func normalized(_ original: String) throws(ICUError) -> String {
    var text = original
    if verticalForms { text = VerticalForms.map(text) }
    if removeZeroWidth, text.unicodeScalars.contains(where: Self.isZeroWidth) {
      text = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Self.isZeroWidth($0) }))
    }
    if let form, !text.isEmpty, !text.utf8.allSatisfy({ $0 < 0x80 }) {
      text = try Normalizer.normalize(text, to: form)
    }
    return text
  }

  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
    default: false
    }
  }
}
