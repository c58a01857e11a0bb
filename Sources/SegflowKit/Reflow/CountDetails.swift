/// Decision details that name a small count (`11 spaces of a letter-spaced (justified) line
/// removed`), built once for the counts that occur: a letter-spaced line is one in twenty-five,
/// and formatting its detail anew cost more than the rest of its row's join. Like
/// ``MarkDetails``, every block that gives a count shares its string.
struct CountDetails: Sendable {
  /// Counts below this are formatted once; larger ones on the spot.
  static let limit = 64
  private let table: [String]
  private let make: @Sendable (Int) -> String

  init(_ make: @escaping @Sendable (Int) -> String) {
    table = (0..<Self.limit).map(make)
    self.make = make
  }

  /// The detail for `count`.
  subscript(_ count: Int) -> String { count >= 0 && count < Self.limit ? table[count] : make(count) }
}
