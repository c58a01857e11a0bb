/// What a repaired block is on the page.
public enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
  case paragraph
  case heading
  /// A running head or section name at the top of a page (e.g. `湖州联通`).
  case header
  case footer
  /// An author line such as `文/宁杰`.
  case byline
  case caption
}
