/// Decision details that name two widths (`sentence end on a line 24 wide in a column 28
/// wide`), formatted once per reflow for each rule and pair of widths: the edge rules give them
/// at one edge in ten, and formatting each anew (some 3,000 instructions) cost more than the
/// rules that chose it. Every decision with the same widths shares its string, as with
/// ``MarkDetails``.
///
/// One per run of ``Reflower/columns(_:log:)``, passed `inout` to the edge rules (a value: as a
/// class's property, the table was checked for exclusive access at every lookup).
struct WidthDetails {
  private struct Key: Hashable {
    let rule: String
    let first: Int
    let second: Int

    /// The widths and the length of the rule's name, not its characters: hashing the name was
    /// most of a lookup. (Two rules whose names have the same length are told apart by `==`.)
    func hash(into hasher: inout Hasher) {
      hasher.combine(first)
      hasher.combine(second &* 64 &+ rule.utf8.count)
    }
  }

  private var formatted: [Key: String] = [:]

  /// The detail of `rule` for the widths `first` and `second`, made by `make` the first time.
  mutating func detail(_ rule: String, _ first: Int, _ second: Int, _ make: (Int, Int) -> String) -> String {
    let key = Key(rule: rule, first: first, second: second)
    if let detail = formatted[key] { return detail }
    let detail = make(first, second)
    formatted[key] = detail
    return detail
  }
}
