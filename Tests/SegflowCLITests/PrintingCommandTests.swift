import Foundation
import Testing

@Suite struct PrintingCommandTests {
  let seed = "seeds/000_447990846ac5af44.txt"

  @Test("reflow prints one block per line")
  func reflow() throws {
    let result = try SegflowProcess.run(["reflow", seed])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "湖州联通")
    #expect(lines.contains("文/宁杰"))
  }

  @Test("reflow --format jsonl prints kind, text and source per block")
  func reflowJSONL() throws {
    let result = try SegflowProcess.run(["reflow", "--format", "jsonl", seed])
    let first = try JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n")[0].utf8)) as? [String: Any]
    #expect(first?["kind"] as? String == "header")
    #expect(first?["text"] as? String == "湖州联通")
    #expect((first?["source"] as? [String: Any])?["path"] as? String == seed)
  }

  @Test("reflow --explain shows the rule behind each decision")
  func explain() throws {
    let result = try SegflowProcess.run(["reflow", "--explain", seed])
    #expect(result.stdout.contains("# split terminal-short-line"))
    #expect(result.stdout.contains("# join no-sentence-end"))
  }

  @Test("eval reflow on a folder with no (input, gold) pairs is an error, never an empty pass")
  func evalReflowWithoutPairs() throws {
    let folder = try SegflowProcess.temporaryFolder()
    let result = try SegflowProcess.run(["eval", "reflow", folder.path, "--min-f1", "0.98"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(folder.path): error: no pairs to score"))
    let seeds = try SegflowProcess.run(["eval", "reflow", "seeds", "--min-f1", "0.98"])
    #expect(seeds.status == 0)
    #expect(seeds.stdout.contains("exact block match:      1.0000 (22/22)"))
  }

  @Test("segment reads standard input with -")
  func segmentStdin() throws {
    let result = try SegflowProcess.run(["segment", "-"], stdin: "事业兴衰，关键在党。这是湖州联通上下的共识。\n")
    #expect(result.stdout == "事业兴衰，关键在党。\n这是湖州联通上下的共识。\n")
  }

  @Test("tokenize --layout lines keeps one output line per input line, empty lines too")
  func tokenizeLines() throws {
    let result = try SegflowProcess.run(["tokenize", "--layout", "lines", "-"], stdin: "湖州联通党委\n\n数字乡村。服务云平台\n")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(lines[1] == "")
    #expect(lines[0].contains(" "))
    #expect(lines[0].replacingOccurrences(of: " ", with: "") == "湖州联通党委")
  }

  @Test("--lang overrides the pipeline's language")
  func langOverride() throws {
    let result = try SegflowProcess.run(["segment", "--lang", "en", "--layout", "lines", "-"], stdin: "Mr. Smith went to Washington. He arrived at 3 p.m. today.\n")
    #expect(result.stdout == "Mr. Smith went to Washington.\nHe arrived at 3 p.m. today.\n")
  }

  @Test("the built-in default pipeline equals pipelines/newspaper-zh.yaml")
  func builtInDefault() throws {
    // Run from a folder without pipelines/: the built-in copy must give the same output.
    let elsewhere = try SegflowProcess.temporaryFolder()
    let seedPath = SegflowProcess.packageRoot.appendingPathComponent(seed).path
    let here = try SegflowProcess.run(["segment", "--format", "jsonl", seedPath])
    let there = try SegflowProcess.run(["segment", "--format", "jsonl", seedPath], in: elsewhere)
    #expect(there.status == 0, "\(there.stderr)")
    #expect(here.stdout == there.stdout)
    let shipped = try String(contentsOf: SegflowProcess.packageRoot.appendingPathComponent("pipelines/newspaper-zh.yaml"), encoding: .utf8)
    let validate = try SegflowProcess.run(["validate", "pipelines/newspaper-zh.yaml"])
    #expect(validate.status == 0)
    #expect(shipped.contains("layout: columns"))
  }

  @Test("list-stages lists every stage and writer")
  func listStages() throws {
    let result = try SegflowProcess.run(["list-stages"])
    for name in ["decode:", "normalize:", "reflow:", "segment:", "tokenize:", "jsonl", "xliff2"] {
      #expect(result.stdout.contains(name))
    }
  }
}

@Suite struct GeneratedDocsTests {
  @Test("docs/pipeline-file.md is what `segflow list-stages --format markdown` prints")
  func pipelineFileDocIsCurrent() throws {
    let result = try SegflowProcess.run(["list-stages", "--format", "markdown"])
    let committed = try String(contentsOf: SegflowProcess.packageRoot.appendingPathComponent("docs/pipeline-file.md"), encoding: .utf8)
    #expect(result.stdout == committed, "regenerate with: swift run segflow list-stages --format markdown > docs/pipeline-file.md")
  }
}
