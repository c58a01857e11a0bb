/// Decodes the file's bytes and splits the text into lines.
///
/// Expects: bytes. Produces: `text`, `lines`, `encoding`, the offset map.
public struct DecodeStage: Stage {
  public let name = "decode"
  public var decoder: TextDecoder

  public init(encoding: String = "auto") {
    decoder = TextDecoder(encoding: encoding)
  }

  public func run(_ document: inout Document, context: StageContext) throws(DocumentError) {
    // PDF input: lines rebuilt from page geometry (see PDF/PDFDecoder.swift).
    if PDFDecoder.isPDF(document.bytes) {
      try PDFDecoder().decode(&document)
      return
    }
    let decoded = try decoder.decode(document.bytes, path: document.path)
    document.text = decoded.text
    document.encoding = decoded.encoding
    document.offsetMap = decoded.map
    document.lines = LineSplitter.split(decoded.text)
    if document.lines.allSatisfy(\.isBlank) {
      throw DocumentError(path: document.path, message: "no text: the file has only white space")
    }
  }
}
