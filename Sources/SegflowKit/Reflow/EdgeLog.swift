/// The edges the rules decided during one reflow, with their features and decisions:
/// what `segflow eval reflow --features FILE` writes out, next to the gold label, to train the
/// model on.
final class EdgeLog {
  struct Sample {
    /// The row before the edge.
    var row: Int
    /// Non-space characters before the row after the edge (``ReflowScore`` counts boundaries
    /// at these positions, so a gold block starting here makes the edge a boundary).
    var offset = 0
    /// Source line of the row before the edge.
    var line: Int
    /// The model is asked about this edge (``Reflower/modelAsks(_:blank:)``).
    var asked: Bool
    var features: EdgeFeatures
    /// The rules' decision, and the decision taken (the model's, when it is on).
    var rule: Decision
    var decision: Decision
  }

  var samples: [Sample] = []
}
