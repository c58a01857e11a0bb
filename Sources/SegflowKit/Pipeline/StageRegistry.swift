import SegflowICU

/// One option of a stage or writer, documented for `segflow list-stages` and
/// docs/pipeline-file.md.
public struct OptionDoc: Sendable, Hashable {
  public var key: String
  public var type: String
  public var defaultValue: String
  public var summary: String
}

/// What the pipeline file can name as a stage.
public struct StageDescriptor: Sendable {
  public var name: String
  public var summary: String
  /// Layers the stage reads; an earlier stage must produce each.
  public var requires: [String]
  public var produces: [String]
  public var options: [OptionDoc]
  let make: @Sendable (OptionReader) -> any Stage
}

/// Every stage a pipeline file can use, in their natural order.
public enum StageRegistry {
  public static let all: [StageDescriptor] = [
    StageDescriptor(
      name: "decode", summary: "bytes to text: BOM, UTF-8, or an ICU-detected charset (GB18030, Big5, …); splits lines. PDFs (`%PDF-`): visual lines and blocks from poppler's word boxes (docs/pdf.md)",
      requires: [], produces: ["text", "lines"],
      options: [OptionDoc(key: "encoding", type: "string", defaultValue: "auto", summary: "`auto`, or a charset ICU knows (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, …)")],
      make: { reader in
        let encoding = reader.string("encoding", default: "auto")
        if encoding.lowercased() != "auto" && !Charset.isKnown(encoding) {
          reader.diagnostics.error("'encoding' of stage 'decode' is not a charset ICU knows: '\(encoding)' (use auto, UTF-8, GB18030, Big5, Shift_JIS, UTF-16LE, …)", at: reader.mapping?["encoding"]?.mark)
        }
        return DecodeStage(encoding: encoding)
      }),
    StageDescriptor(
      name: "normalize", summary: "Unicode normalization; vertical presentation forms back to ordinary punctuation",
      requires: ["lines"], produces: ["lines"],
      options: [
        OptionDoc(key: "form", type: "NFC | NFKC | NFD | NFKD | none", defaultValue: "NFC", summary: "Unicode normalization form"),
        OptionDoc(key: "verticalForms", type: "bool", defaultValue: "true", summary: "map U+FE10–FE19 and U+FE30–FE4F to full-width punctuation (`︐` → `，`)"),
        OptionDoc(key: "removeZeroWidth", type: "bool", defaultValue: "true", summary: "drop zero-width spaces and joiners left by extraction"),
        OptionDoc(key: "clean", type: "none | text | pdf", defaultValue: "none", summary: "remove markup and layout noise (HTML tags, TOC dot leaders, literal `\\r\\n`, words printed a letter a line) and join lines broken mid-sentence; `pdf` also joins every line break before a lower-case word"),
      ],
      make: { reader in
        let form = reader.string("form", default: "NFC")
        let parsed = NormalizationForm(rawValue: form.uppercased())
        if parsed == nil && form.lowercased() != "none" {
          reader.diagnostics.error("'form' of stage 'normalize' must be one of NFC, NFKC, NFD, NFKD, none; got '\(form)'", at: reader.mapping?["form"]?.mark)
        }
        return NormalizeStage(form: parsed, verticalForms: reader.bool("verticalForms", default: true), removeZeroWidth: reader.bool("removeZeroWidth", default: true),
          clean: reader.choice("clean", default: TextCleaner.Mode.none))
      }),
    StageDescriptor(
      name: "reflow", summary: "repairs line flow: paragraphs, headings, headers and bylines from column-extracted lines",
      requires: ["lines"], produces: ["blocks"],
      options: [
        OptionDoc(key: "layout", type: "columns | lines | paragraphs", defaultValue: "columns", summary: "`columns`: full repair of extracted text; `lines`: each line a paragraph, verbatim; `paragraphs`: blank lines separate paragraphs"),
        OptionDoc(key: "cjkLatinSpacing", type: "remove | keep", defaultValue: "remove", summary: "spaces between CJK and Latin or digits (`打造 17个`) are typesetting glue: remove or keep"),
        OptionDoc(key: "blankLines", type: "auto | paragraph", defaultValue: "auto", summary: "`auto`: a blank line is one signal among others (column breaks fall mid-sentence); `paragraph`: always a break"),
        OptionDoc(key: "keepHeaders", type: "bool", defaultValue: "true", summary: "keep page headers and footers as blocks"),
        OptionDoc(key: "detectBylines", type: "bool", defaultValue: "true", summary: "cut author lines (`文/宁杰`) into blocks of their own"),
        OptionDoc(key: "detectHeadings", type: "bool", defaultValue: "true", summary: "recognise headings and page headers"),
        OptionDoc(key: "model", type: "on | off", defaultValue: "on", summary: "`on`: a learned edge model (gradient-boosted trees trained on typeset pages, docs/reflow.md) decides the edges at sentence ends, blank lines and short lines and confirms headings, where the rules are least sure; `off`: the hand rules alone"),
      ],
      make: { reader in
        var options = ReflowOptions()
        options.layout = reader.choice("layout", default: options.layout)
        options.cjkLatinSpacing = reader.choice("cjkLatinSpacing", default: options.cjkLatinSpacing)
        options.blankLines = reader.choice("blankLines", default: options.blankLines)
        options.keepHeaders = reader.bool("keepHeaders", default: options.keepHeaders)
        options.detectBylines = reader.bool("detectBylines", default: options.detectBylines)
        options.detectHeadings = reader.bool("detectHeadings", default: options.detectHeadings)
        options.model = reader.choice("model", default: options.model)
        return ReflowStage(options: options)
      }),
    StageDescriptor(
      name: "segment", summary: "ICU sentence breaking of each block, adjusted by SRX 2.0 rules, into segments with stable ids",
      requires: ["blocks"], produces: ["segments"],
      options: [
        OptionDoc(key: "rules", type: "default | none | path", defaultValue: "default", summary: "SRX 2.0 rule file applied on top of ICU (`default`: the built-in pipelines/srx/segflow.srx; `none`: ICU alone); a relative path is looked up from the working folder, then from the pipeline file's folder"),
        OptionDoc(key: "timeLimit", type: "int", defaultValue: "200", summary: "ICU regex time limit per rule, in ICU steps per 1,000 characters of the paragraph; a rule that runs out keeps ICU's boundaries for that paragraph, with a warning"),
      ],
      make: { reader in
        let timeLimit = Int32(reader.int("timeLimit", default: 200, in: 0...1_000_000))
        let name = reader.string("rules", default: "default")
        switch name.lowercased() {
        case "default": return SegmentStage(rules: SRXRules.builtIn, timeLimit: timeLimit)
        case "none": return SegmentStage(rules: nil, timeLimit: timeLimit)
        default:
          do {
            return SegmentStage(rules: try SRXRules.load(path: reader.resolvePath(name)), timeLimit: timeLimit)
          } catch {
            reader.diagnostics.error("'rules' of stage 'segment': \(error)", at: reader.mapping?["rules"]?.mark)
            return SegmentStage(rules: nil, timeLimit: timeLimit)
          }
        }
      }),
    StageDescriptor(
      name: "tokenize", summary: "ICU word breaking of each segment, then the word layer: numbers, dates, URLs, e-mail and glossary terms whole; a lexicon's fewest-words reading",
      requires: ["segments"], produces: ["tokens"],
      options: [
        OptionDoc(key: "wordLayer", type: "bool", defaultValue: "true", summary: "`false`: ICU's words as they are"),
        OptionDoc(key: "lexicon", type: "path | [path]", defaultValue: "[]", summary: "word lists (one word per line; BOM, CRLF, blank lines and duplicates are fine), frequency lists (`word<TAB>count`, or jieba's `word count tag`: the lattice then scores readings by unigram cost −log p), CSV glossaries (first column) or TBX files; glossary terms are never split"),
        OptionDoc(key: "conventions", type: "pku | ud", defaultValue: "pku", summary: "segmentation standard where standards disagree: `pku` (SIGHAN PKU, CTB); `ud` (Universal Dependencies GSD): also makes `attachDateUnits` and `attachSuffixes` default to `false`, and splits function morphemes off ICU's words (`成为` → `成 为`, `这个` → `这 个`, `天津市` → `天津 市`)"),
        OptionDoc(key: "attachDateUnits", type: "bool", defaultValue: "true", summary: "keep 年/月/日 with the number before them (`2021年`, `十二月`), as PKU and CTB do; `false` splits them, as UD Chinese does"),
        OptionDoc(key: "splitNumeralMeasure", type: "bool", defaultValue: "true", summary: "split a numeral from its measure word (`一个` → `一` `个`) and keep ordinals whole (`第一`), as PKU and UD Chinese do"),
        OptionDoc(key: "attachSuffixes", type: "bool", defaultValue: "true", summary: "join productive suffixes to the word before them (`现代化`, `消费者`, `北京市`, `委员会`), as PKU does"),
        OptionDoc(key: "joinTransliterations", type: "bool", defaultValue: "true", summary: "join runs of transliteration characters that ICU left apart (`克林|顿` → `克林顿`)"),
        OptionDoc(key: "joinSingleCharacters", type: "bool", defaultValue: "true", summary: "without a word list, join two or three single characters ICU left apart that are not function characters (`本|报` → `本报`); three starting with a surname become surname + given name"),
      ],
      make: { reader in
        let conventions = reader.choice("conventions", default: WordConventions.pku)
        let attach = reader.bool("attachDateUnits", default: conventions == .pku)
        let splitMeasure = reader.bool("splitNumeralMeasure", default: true)
        let suffixes = reader.bool("attachSuffixes", default: conventions == .pku)
        let transliterations = reader.bool("joinTransliterations", default: true)
        let singles = reader.bool("joinSingleCharacters", default: true)
        let enabled = reader.bool("wordLayer", default: true)
        var lexicon = Lexicon()
        for path in reader.stringList("lexicon") {
          do {
            lexicon.formUnion(try Lexicon.load(path: reader.resolvePath(path)))
          } catch {
            reader.diagnostics.error("'lexicon' of stage 'tokenize': \(error)", at: reader.mapping?["lexicon"]?.mark)
          }
        }
        return TokenizeStage(refiner: enabled ? WordRefiner(lexicon: lexicon, options: .init(attachDateUnits: attach, splitNumeralMeasure: splitMeasure, attachSuffixes: suffixes, joinTransliterations: transliterations, joinSingleCharacters: singles, conventions: conventions)) : nil)
      }),
  ]

  public static func descriptor(named name: String) -> StageDescriptor? {
    all.first { $0.name == name }
  }
}
