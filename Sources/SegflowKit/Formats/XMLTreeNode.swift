/// An element of a parsed XML file, with the line it starts on: enough for the readers to walk
/// a translation file and name the line of anything wrong in it.
public final class XMLTreeNode: @unchecked Sendable {
  public enum Child {
    case element(XMLTreeNode)
    case text(String)
  }

  /// Local name (`unit`, `trans-unit`).
  public let name: String
  /// Namespace URI, or empty.
  public let namespace: String
  /// Attributes by qualified name (`id`, `xml:lang`).
  public let attributes: [String: String]
  /// 1-based line of the start tag.
  public let line: Int
  public internal(set) var children: [Child] = []

  init(name: String, namespace: String, attributes: [String: String], line: Int) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
    self.line = line
  }

  public var elements: [XMLTreeNode] {
    children.compactMap { if case .element(let node) = $0 { node } else { nil } }
  }

  public func elements(_ name: String) -> [XMLTreeNode] { elements.filter { $0.name == name } }

  public func first(_ name: String) -> XMLTreeNode? { elements.first { $0.name == name } }

  /// An attribute by local name, with or without a prefix (`lang` finds `xml:lang`).
  public func attribute(_ name: String) -> String? {
    if let value = attributes[name] { return value }
    return attributes.first { $0.key.hasSuffix(":" + name) }?.value
  }

  /// All text inside, markup dropped.
  public var text: String {
    children.map { child in
      switch child {
      case .text(let text): text
      case .element(let node): node.text
      }
    }.joined()
  }
}
