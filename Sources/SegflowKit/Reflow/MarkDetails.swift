/// Decision details that name a punctuation mark (`'，' never starts a line`), built once for
/// every mark of a set: the rules that give them run for a tenth of all edges, and formatting
/// each one anew cost more than the rule itself. Every block that cites a mark shares its string.
struct MarkDetails: Sendable {
  private let table: [UInt32: String]
  private let make: @Sendable (Unicode.Scalar) -> String

  init(_ marks: String, _ make: @escaping @Sendable (Unicode.Scalar) -> String) {
    var table: [UInt32: String] = [:]
    for mark in marks.unicodeScalars { table[mark.value] = make(mark) }
    self.table = table
    self.make = make
  }

  /// The detail for `mark` (formatted on the spot for a mark outside the set).
  subscript(_ mark: Unicode.Scalar) -> String { table[mark.value] ?? make(mark) }
}
