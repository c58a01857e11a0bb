import Foundation

/// Scores blocks against a gold file of `{"kind","text"}` records in reading order.
///
/// - exact block match: blocks equal in kind and text, matched in order (longest common
///   subsequence), over the larger of the two block counts;
/// - boundary F1: block starts as offsets in the text with white space removed, so a wrong cut
///   counts once however long the blocks are;
/// - spurious (missing) spaces: spaces in the output that the gold lacks (or the reverse), in
///   blocks whose text matches the gold apart from spaces, plus spaces next to CJK in any other
///   output block.
public struct PDFLayoutScore: Sendable, Hashable {
  public struct Item: Sendable, Hashable, Decodable {
    public var kind: String
    public var text: String

    public init(kind: String, text: String) {
      self.kind = kind
      self.text = text
    }
  }

  public var goldBlocks = 0
  public var outputBlocks = 0
  public var exactMatches = 0
  public var boundaryHits = 0
  public var goldBoundaries = 0
  public var outputBoundaries = 0
  public var spuriousSpaces = 0
  public var missingSpaces = 0

  public init() {}

  public var exactMatch: Double { Double(exactMatches) / Double(max(1, max(goldBlocks, outputBlocks))) }
  public var boundaryPrecision: Double { outputBoundaries == 0 ? 1 : Double(boundaryHits) / Double(outputBoundaries) }
  public var boundaryRecall: Double { goldBoundaries == 0 ? 1 : Double(boundaryHits) / Double(goldBoundaries) }
  public var boundaryF1: Double {
    let p = boundaryPrecision
    let r = boundaryRecall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  /// Sums counts (for a corpus figure over several documents).
  public static func + (a: PDFLayoutScore, b: PDFLayoutScore) -> PDFLayoutScore {
    var sum = a
    sum.goldBlocks += b.goldBlocks
    sum.outputBlocks += b.outputBlocks
    sum.exactMatches += b.exactMatches
    sum.boundaryHits += b.boundaryHits
    sum.goldBoundaries += b.goldBoundaries
    sum.outputBoundaries += b.outputBoundaries
    sum.spuriousSpaces += b.spuriousSpaces
    sum.missingSpaces += b.missingSpaces
    return sum
  }

  /// One line: `exact 0.977 (43/44)  boundary F1 0.989  spurious spaces 0  missing 0`.
  public var summary: String {
    String(format: "exact %.3f (%d/%d)  boundary F1 %.3f (P %.3f R %.3f)  spurious spaces %d  missing spaces %d",
           exactMatch, exactMatches, max(goldBlocks, outputBlocks), boundaryF1, boundaryPrecision, boundaryRecall, spuriousSpaces, missingSpaces)
  }

  /// Reads a gold JSONL file's records.
  public static func readGold(_ data: Data) throws -> [Item] {
    let decoder = JSONDecoder()
    return try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { try decoder.decode(Item.self, from: Data($0)) }
  }

  public static func score(gold: [Item], output: [Item]) -> PDFLayoutScore {
    var score = PDFLayoutScore()
    score.goldBlocks = gold.count
    score.outputBlocks = output.count
    score.exactMatches = lcs(gold, output)
    let goldStarts = starts(gold)
    let outputStarts = starts(output)
    score.goldBoundaries = goldStarts.count
    score.outputBoundaries = outputStarts.count
    score.boundaryHits = goldStarts.intersection(outputStarts).count
    // Spaces: compare blocks whose text matches apart from spaces, in order.
    var goldIndex = 0
    for item in output {
      let stripped = spaceless(item.text)
      var match: Int?
      var probe = goldIndex
      while probe < gold.count, probe < goldIndex + 8 {
        if spaceless(gold[probe].text) == stripped { match = probe; break }
        probe += 1
      }
      if let match {
        let (spurious, missing) = spaceDifferences(output: item.text, gold: gold[match].text)
        score.spuriousSpaces += spurious
        score.missingSpaces += missing
        goldIndex = match + 1
      } else {
        score.spuriousSpaces += cjkAdjacentSpaces(item.text)
      }
    }
    return score
  }

  static func spaceless(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { !$0.properties.isWhitespace }
  }

  /// Block start offsets (after the first block) in the concatenated text without white space.
  static func starts(_ items: [Item]) -> Set<Int> {
    var result = Set<Int>()
    var offset = 0
    for (index, item) in items.enumerated() {
      if index > 0 { result.insert(offset) }
      offset += spaceless(item.text).count
    }
    return result
  }

  /// Length of the longest common subsequence of equal (kind, text) items.
  static func lcs(_ a: [Item], _ b: [Item]) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    var previous = [Int](repeating: 0, count: b.count + 1)
    var current = previous
    for i in 1...a.count {
      for j in 1...b.count {
        current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// For two texts equal apart from white space: spaces only in the output, spaces only in the gold.
  static func spaceDifferences(output: String, gold: String) -> (Int, Int) {
    func flags(_ text: String) -> [Bool] {
      var result: [Bool] = []
      var pendingSpace = false
      for scalar in text.unicodeScalars {
        if scalar.properties.isWhitespace { pendingSpace = true; continue }
        result.append(pendingSpace)
        pendingSpace = false
      }
      return result
    }
    let a = flags(output)
    let b = flags(gold)
    var spurious = 0
    var missing = 0
    for index in 0..<min(a.count, b.count) {
      if a[index] && !b[index] { spurious += 1 }
      if !a[index] && b[index] { missing += 1 }
    }
    return (spurious, missing)
  }

  static func cjkAdjacentSpaces(_ text: String) -> Int {
    let scalars = Array(text.unicodeScalars)
    var count = 0
    for index in scalars.indices where scalars[index] == " " {
      let left = index > 0 ? ScalarClass(scalars[index - 1]).isCJK : false
      let right = index + 1 < scalars.count ? ScalarClass(scalars[index + 1]).isCJK : false
      if left || right { count += 1 }
    }
    return count
  }
}
