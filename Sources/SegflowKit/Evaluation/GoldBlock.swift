import Foundation

/// One expected block of a reflow corpus: a line `{"kind": "paragraph", "text": "…"}` of a
/// `NAME.gold.jsonl` file.
public struct GoldBlock: Sendable, Hashable, Codable {
  public var kind: BlockKind
  public var text: String

  public init(kind: BlockKind, text: String) {
    self.kind = kind
    self.text = text
  }

  /// Parses JSON Lines; blank lines are skipped.
  /// - Throws: `DocumentError` naming the line that is not a gold block.
  public static func parse(jsonl: String, path: String) throws(DocumentError) -> [GoldBlock] {
    var blocks: [GoldBlock] = []
    let decoder = JSONDecoder()
    for (number, line) in jsonl.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      do {
        blocks.append(try decoder.decode(GoldBlock.self, from: Data(trimmed.utf8)))
      } catch {
        throw DocumentError(path: path, message: "not a gold block {\"kind\", \"text\"}", line: number + 1)
      }
    }
    return blocks
  }
}
