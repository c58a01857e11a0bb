/// Which segmentation standard the word layer follows where standards disagree.
///
/// - `pku`: the Peking University standard (SIGHAN PKU, close to CTB): dates whole (`2021年`),
///   productive suffixes joined (`北京市`, `消费者`), `一个` whole.
/// - `ud`: the Universal Dependencies Chinese treebanks (GSD, GSDSimp): dates and suffixes
///   apart, and function morphemes that ICU's dictionary glues to a neighbour split off
///   (``WordRefiner/applyUDConventions(_:ranges:cut:)``).
public enum WordConventions: String, Sendable, Hashable, CaseIterable {
  case pku
  case ud
}
