extension Reflower {
  /// Row `index` is a byline's role and separator alone (`记者：`, `文/`), the next row its
  /// names (`韦鹏`, `夏俊帅 周兰`), and a blank line, a page break or the end follows: squeezed
  /// `：` let pdftotext cut the byline's line after it.
  func isSplitByline(_ rows: Rows, _ index: Int) -> Bool {
    guard index + 1 < rows.count else { return false }
    let row = rows[index]
    let next = rows[index + 1]
    guard next.blanksBefore == 0, !next.startsPage, !row.isByline, !next.isByline,
      Byline.isRoleInitial(row.profile.first), Byline.separators.contains(row.profile.last),
      index + 2 >= rows.count || rows[index + 2].blanksBefore > 0 || rows[index + 2].startsPage
    else { return false }
    let role = String(String.UnicodeScalarView(rows.source(index).unicodeScalars.filter { ScalarClass($0) != .space }.dropLast()))
    guard Byline.roles.contains(role) else { return false }
    // The names: one to four of them, each one to eight Han characters or middle dots.
    let names = rows.source(index + 1).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" })
    guard (1...4).contains(names.count) else { return false }
    return names.allSatisfy { name in
      (1...8).contains(name.unicodeScalars.count) && name.unicodeScalars.allSatisfy { ScalarClass($0) == .ideograph || $0 == "·" }
    }
  }
}
