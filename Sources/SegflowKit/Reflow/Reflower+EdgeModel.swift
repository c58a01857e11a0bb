/// The edge model weighed in where the rules are least sure: at sentence ends and short lines,
/// and on the rows the rules make headings, where most wrong boundaries fall. Everywhere else
/// (inside a sentence, at kinsoku marks, letter-spaced lines, hard-wrapped text) the rules decide
/// alone, so the model costs nothing on most edges.
extension EdgeModel {
  /// The model built in (``EdgeModelData``), parsed once. A test parses the same text, so a broken
  /// model file fails the tests, not a user's run.
  static let builtIn: EdgeModel? = {
    // (No model text: the rules decide alone.)
    guard !EdgeModelData.text.isEmpty else { return nil }
    do {
      let model = try EdgeModel(text: EdgeModelData.text, file: "(built-in edge model)")
      guard model.names == EdgeFeatures.names else {
        assertionFailure("the built-in edge model was trained on other features: rerun scripts/train-reflow-model")
        return nil
      }
      return model
    } catch {
      assertionFailure("the built-in edge model does not parse: \(error)")
      return nil
    }
  }()
}

extension Reflower {
  /// The rules ask the model about an edge they decided with one of ``EdgeFeatures/rules`` (a
  /// sentence end or a short line), but not across a blank line: the typeset pages it learned
  /// from indent every paragraph, so a full-width sentence end before a blank line is mostly a
  /// column break there, while on pages that separate paragraphs by blank lines and do not
  /// indent (the seed, `ReflowTests.kinds`) it is a paragraph end. The cost: on the training pages
  /// (seeds 100001–100060, rules alone) 25 of the 250 such edges were wrong, of 583 wrong edges
  /// where the model could be asked.
  ///
  /// Not asked, though wrong boundaries fall there too: `no-sentence-end`, the commonest edge
  /// (inside sentences: asking there doubled the model's cost for two of its fifty-seven gains on
  /// the validation corpora), and with it a heading set directly above text that the rules do
  /// not see; and `continuing-punctuation` (a paragraph ending with `：`).
  func modelAsks(_ rule: Decision, blank: Bool) -> Bool {
    // (The commonest rule first, compared whole: a short string, before any hashing. Its length
    // first: comparing two strings that differ cost some 70 instructions.)
    if blank || rule.rule.utf8.count == 15 && rule.rule == "no-sentence-end" { return false }
    return EdgeFeatures.isRule(rule.rule)
  }

  /// The decision at the edge after row `index`: the rules' (``edge(builder:rows:at:fixedWrap:details:)``),
  /// then, where they are least sure and the model is on, the model's. The decision names the
  /// model when it overrides the rules, and carries its probability as the confidence either way.
  func decideEdge(
    builder: BlockBuilder, rows: Rows, at index: Int, fixedWrap: Int?, previousKind: BlockKind?, log: EdgeLog?, details: inout WidthDetails
  ) -> Decision {
    let rule = edge(builder: builder, rows: rows, at: index, fixedWrap: fixedWrap, details: &details)
    let blank = rows[index + 1].blanksBefore > 0 || rows[index + 1].startsPage
    let asked = modelAsks(rule, blank: blank)
    // (The model only for an edge it is asked about: a copy of it, six arrays, was retained and
    // released at every edge, a tenth of `columns`.)
    let model = asked && options.model == .on ? EdgeModel.builtIn : nil
    // (A log takes every edge the rules decide, asked or not: to measure what the model could
    // reach.)
    guard log != nil || model != nil else { return rule }
    let features = edgeFeatures(builder: builder, rows: rows, at: index, rule: rule, previousKind: previousKind, fixedWrap: fixedWrap)
    var decision = rule
    if let model {
      let p = model.probability(features)
      let split = model.splits(probability: p, rulesSplit: rule.action == .split)
      let confidence = split ? p : 1 - p
      if split == (rule.action == .split) {
        decision.confidence = confidence
        decision.detail += " (the edge model agrees; the confidence is its probability)"
      } else {
        decision = Decision(
          split ? .split : .join, rule: "edge-model", confidence: confidence, line: rule.line,
          detail: "the edge model overrode \(rule.rule) (\(rule.action.rawValue)): boundary probability \(Self.format(p)); the rule said: \(rule.detail)")
      }
    }
    log?.samples.append(EdgeLog.Sample(row: index, line: rule.line, asked: asked, features: features, rule: rule, decision: decision))
    return decision
  }

  /// A row the rules make a heading on its own (``EdgeFeatures/headingRules``) directly above
  /// text, confirmed by the model: asked whether a block boundary follows the row, as at any edge. When it says no, the
  /// row is not a heading and the rules go on as for any first row of a block; `veto` then
  /// holds the model's decision, for the block's explanation.
  func weighStandalone(
    _ classification: Classification?, rows: Rows, at index: Int, previousKind: BlockKind?, fixedWrap: Int?, log: EdgeLog?, veto: inout Decision?
  ) -> Classification? {
    // (Not a heading between blank lines, as at edges: the pages the model learned from indent
    // every paragraph, pages that do not (the seed's `未来展望`) look different there. Nor the
    // first half of a split headline: the second half joins it, so no boundary follows.)
    guard let classification, classification.kind == .heading, EdgeFeatures.headingRules.contains(classification.rule), index + 1 < rows.count,
      rows[index + 1].blanksBefore == 0, !rows[index + 1].startsPage, !isSplitHeadline(rows, index + 1)
    else { return classification }
    let model = options.model == .on ? EdgeModel.builtIn : nil
    guard model != nil || log != nil else { return classification }
    // What the edge after the row looks like with the row as a block's first row.
    var builder = BlockBuilder()
    builder.append(rows, at: index, verbatim: false, keepSoftSpace: false)
    let rule = Decision(.split, rule: classification.rule, confidence: classification.confidence, line: rows[index].lineNumber, detail: classification.detail)
    let features = edgeFeatures(builder: builder, rows: rows, at: index, rule: rule, previousKind: previousKind, fixedWrap: fixedWrap)
    var result: Classification? = classification
    var decision = rule
    if let model {
      let p = model.probability(features)
      if model.splits(probability: p, rulesSplit: true) {
        result?.confidence = p
        result?.detail += " (the edge model agrees; the confidence is its probability)"
        decision.confidence = p
      } else {
        result = nil
        decision = Decision(
          .classify, rule: "edge-model", confidence: 1 - p, line: rule.line,
          detail: "the edge model overrode \(rule.rule) (heading): boundary probability after the row \(Self.format(p)), so no heading on its own")
        veto = decision
      }
    }
    log?.samples.append(EdgeLog.Sample(row: index, line: rule.line, asked: true, features: features, rule: rule, decision: decision))
    return result
  }

  /// A probability with two decimals, for messages.
  static func format(_ p: Double) -> String {
    let hundredths = Int((p * 100).rounded())
    return hundredths >= 100 ? "1.00" : "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
  }

  /// Reflows `lines` and returns, with the blocks, every edge the rules decided (rows that stand
  /// alone as headings or bylines are not), placed by non-space character offset, with whether
  /// the model is asked about it.
  func reflowLoggingEdges(_ lines: [SourceLine]) -> (blocks: [Block], edges: [EdgeLog.Sample]) {
    guard options.layout == .columns else { return (reflow(lines), []) }
    let rows = makeRows(lines)
    let log = EdgeLog()
    let blocks = columns(rows, log: log)
    // Non-space characters before each row, counted as ``ReflowScore`` lays blocks out.
    var starts: [Int] = []
    starts.reserveCapacity(rows.count + 1)
    var count = 0
    for index in rows.indices {
      starts.append(count)
      let line = rows.line(index)
      for range in line.kept {
        for scalar in line.scalars[range] where ScalarClass(scalar) != .space && scalar != "\n" && scalar != "\r" { count += 1 }
      }
    }
    starts.append(count)
    let edges = log.samples.map { sample in
      var placed = sample
      placed.offset = starts[sample.row + 1]
      return placed
    }
    return (blocks, edges)
  }
}
