import Foundation

/// The (input, gold) pairs of a folder: `NAME.txt` with `NAME.gold.jsonl` (expected blocks), or
/// `NAME.txt` with `NAME.unwrapped.txt` (the same text, one paragraph per line, as UD ships it).
public struct ReflowCorpus: Sendable {
  public enum Gold: Sendable, Hashable {
    case blocks(String)
    case unwrapped(String)
  }

  public struct Pair: Sendable, Hashable {
    public var name: String
    public var input: String
    public var gold: Gold
  }

  public var pairs: [Pair]

  /// Finds the pairs in `directory`, sorted by name.
  /// - Throws: `DocumentError` when the folder cannot be read.
  public init(directory: String) throws(DocumentError) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    } catch {
      throw DocumentError(path: directory, message: "cannot read the folder")
    }
    let present = Set(names)
    var pairs: [Pair] = []
    for name in names where name.hasSuffix(".txt") && !name.hasSuffix(".unwrapped.txt") {
      let stem = String(name.dropLast(4))
      let input = (directory as NSString).appendingPathComponent(name)
      if present.contains(stem + ".gold.jsonl") {
        pairs.append(Pair(name: stem, input: input, gold: .blocks((directory as NSString).appendingPathComponent(stem + ".gold.jsonl"))))
      } else if present.contains(stem + ".unwrapped.txt") {
        pairs.append(Pair(name: stem, input: input, gold: .unwrapped((directory as NSString).appendingPathComponent(stem + ".unwrapped.txt"))))
      }
    }
    self.pairs = pairs
  }

  /// The expected blocks of a pair: the gold file, or one paragraph per non-blank line.
  public static func goldBlocks(_ gold: Gold) throws(DocumentError) -> [GoldBlock] {
    switch gold {
    case .blocks(let path):
      return try GoldBlock.parse(jsonl: try read(path), path: path)
    case .unwrapped(let path):
      return try read(path).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        .map { String($0) }
        .filter { !$0.allSatisfy(\.isWhitespace) }
        .map { GoldBlock(kind: .paragraph, text: $0) }
    }
  }

  static func read(_ path: String) throws(DocumentError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DocumentError(path: path, message: "cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw DocumentError(path: path, message: "not UTF-8")
    }
    return text
  }
}
