/// The edge model weighed in where the rules are least sure: at sentence ends, blank lines and
/// short lines, the edges where nearly every wrong boundary falls. Everywhere else (inside a
/// sentence, at kinsoku marks, letter-spaced lines, hard-wrapped text) the rules decide alone,
/// so the model costs nothing on most edges.
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
  /// The rules ask the model about an edge they decided with one of these rules (a sentence end
  /// or a short line, see ``EdgeFeatures/rules``), and about `no-sentence-end` only across a
  /// blank line or after a block's first row when it looks like a title (a heading set directly
  /// above text that the rules did not see).
  func modelAsks(_ rule: Decision, builder: BlockBuilder, row: Row, blank: Bool) -> Bool {
    guard EdgeFeatures.rules.contains(rule.rule) else { return false }
    guard rule.rule == "no-sentence-end" else { return true }
    return blank || (builder.rowCount == 1 && options.detectHeadings && isTitleLike(row.profile))
  }

  /// The decision at the edge after row `index`: the rules' (``edge(builder:rows:at:fixedWrap:)``),
  /// then, where they are least sure and the model is on, the model's. The decision names the
  /// model when it overrides the rules, and carries its probability as the confidence either way.
  func decideEdge(builder: BlockBuilder, rows: [Row], at index: Int, fixedWrap: Int?, previousKind: BlockKind?, log: EdgeLog?) -> Decision {
    let rule = edge(builder: builder, rows: rows, at: index, fixedWrap: fixedWrap)
    let blank = rows[index + 1].blanksBefore > 0 || rows[index + 1].startsPage
    let model = options.model == .on ? EdgeModel.builtIn : nil
    let asked = modelAsks(rule, builder: builder, row: rows[index], blank: blank)
    // (A log takes every edge the rules decide, asked or not: to measure what the model could
    // reach.)
    guard log != nil || (model != nil && asked) else { return rule }
    let features = edgeFeatures(builder: builder, rows: rows, at: index, rule: rule, previousKind: previousKind, fixedWrap: fixedWrap)
    var decision = rule
    if let model, asked {
      let p = model.probability(features)
      let split = p >= model.threshold
      let confidence = split ? p : 1 - p
      if split == (rule.action == .split) {
        decision.confidence = confidence
        decision.detail += " (the edge model agrees: boundary probability \(Self.format(p)))"
      } else {
        decision = Decision(
          split ? .split : .join, rule: "edge-model", confidence: confidence, line: rule.line,
          detail: "the edge model overrode \(rule.rule) (\(rule.action.rawValue)): boundary probability \(Self.format(p)); the rule said: \(rule.detail)")
      }
    }
    log?.samples.append(EdgeLog.Sample(row: index, line: rule.line, asked: asked, features: features, rule: rule, decision: decision))
    return decision
  }

  /// A row the rules make a heading on its own (``EdgeFeatures/headingRules``), confirmed by the
  /// model: asked whether a block boundary follows the row, as at any edge. When it says no, the
  /// row is not a heading and the rules go on as for any first row of a block; `veto` then
  /// holds the model's decision, for the block's explanation.
  func weighStandalone(
    _ classification: Classification?, rows: [Row], at index: Int, previousKind: BlockKind?, fixedWrap: Int?, log: EdgeLog?, veto: inout Decision?
  ) -> Classification? {
    // (Not the first half of a split headline: the second half joins it, so no boundary follows.)
    guard let classification, classification.kind == .heading, EdgeFeatures.headingRules.contains(classification.rule), index + 1 < rows.count,
      !isSplitHeadline(rows, index + 1)
    else { return classification }
    let model = options.model == .on ? EdgeModel.builtIn : nil
    guard model != nil || log != nil else { return classification }
    // What the edge after the row looks like with the row as a block's first row.
    var builder = BlockBuilder()
    builder.append(rows[index], verbatim: false, keepSoftSpace: false)
    let rule = Decision(.split, rule: classification.rule, confidence: classification.confidence, line: rows[index].line.number, detail: classification.detail)
    let features = edgeFeatures(builder: builder, rows: rows, at: index, rule: rule, previousKind: previousKind, fixedWrap: fixedWrap)
    var result: Classification? = classification
    var decision = rule
    if let model {
      let p = model.probability(features)
      if p >= model.threshold {
        result?.confidence = p
        result?.detail += " (the edge model agrees: boundary probability \(Self.format(p)))"
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
    for row in rows {
      starts.append(count)
      for range in row.profile.kept {
        for scalar in row.profile.scalars[range] where ScalarClass(scalar) != .space && scalar != "\n" && scalar != "\r" { count += 1 }
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
