/// Every writer a pipeline file or `--writers` can name.
public enum WriterRegistry {
  public static let all: [any SegmentWriter] = [
    JSONLWriter(),
    XLIFF2Writer(),
    XLIFF12Writer(),
    TMXWriter(),
    POWriter(),
    TSVWriter(),
    ReviewWriter(),
  ]

  public static var names: [String] { all.map(\.name) }

  public static func writer(named name: String) -> (any SegmentWriter)? {
    all.first { $0.name == name }
  }
}
