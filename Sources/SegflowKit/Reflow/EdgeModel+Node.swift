extension EdgeModel {
  /// One node of a tree, its four fields side by side: a walk from root to leaf reads one record
  /// a node. (Four arrays of some 5,000 entries each missed the L1 cache on 30 % of the reads.)
  struct Node: Sendable, Equatable {
    /// The feature the node tests, or -1 for a leaf.
    var feature: Int32
    /// The next node (absolute index) when the feature is at most ``cut``; -1 for a leaf.
    var left: Int32
    /// The next node otherwise; -1 for a leaf.
    var right: Int32
    /// The threshold, or for a leaf its value times the learning rate (scikit-learn scales each
    /// leaf value by the rate before adding it, so the product is the same double).
    var cut: Double
  }
}
