/// Maps the vertical presentation forms that vertical-writing PDFs yield (U+FE10–FE19,
/// U+FE30–FE4F) back to the full-width characters they stand for. NFKC would map `︐` to an
/// ASCII comma; Chinese text wants `，`.
public enum VerticalForms {
  static let table: [UInt32: Unicode.Scalar] = {
    let pairs: [(UInt32, String)] = [
      (0xFE10, "，"), (0xFE11, "、"), (0xFE12, "。"), (0xFE13, "："), (0xFE14, "；"), (0xFE15, "！"),
      (0xFE16, "？"), (0xFE17, "〖"), (0xFE18, "〗"), (0xFE19, "…"),
      (0xFE30, "‥"), (0xFE31, "—"), (0xFE32, "–"), (0xFE33, "_"), (0xFE34, "_"), (0xFE35, "（"),
      (0xFE36, "）"), (0xFE37, "｛"), (0xFE38, "｝"), (0xFE39, "〔"), (0xFE3A, "〕"), (0xFE3B, "【"),
      (0xFE3C, "】"), (0xFE3D, "《"), (0xFE3E, "》"), (0xFE3F, "〈"), (0xFE40, "〉"), (0xFE41, "「"),
      (0xFE42, "」"), (0xFE43, "『"), (0xFE44, "』"), (0xFE45, "﹅"), (0xFE46, "﹆"), (0xFE47, "［"),
      (0xFE48, "］"), (0xFE49, "‾"), (0xFE4A, "‾"), (0xFE4B, "‾"), (0xFE4C, "‾"), (0xFE4D, "_"),
      (0xFE4E, "_"), (0xFE4F, "_"),
    ]
    var table: [UInt32: Unicode.Scalar] = [:]
    for (code, text) in pairs { table[code] = text.unicodeScalars.first }
    return table
  }()

  /// `text` with vertical forms replaced; the same string when it has none.
  public static func map(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { (0xFE10...0xFE4F).contains($0.value) }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(table[scalar.value] ?? scalar) }
    return String(result)
  }
}
