/// The default pipeline, used when `--pipeline` is not given. When the working folder has no
/// `pipelines/newspaper-zh.yaml`, this built-in copy of it is used (a test keeps them equal).
enum DefaultPipeline {
  static let path = "pipelines/newspaper-zh.yaml"

  static let yaml = """
    # The default pipeline: Chinese newspaper text extracted from PDFs or scans, where narrow
    # columns wrap every few characters, justified lines come out letter-spaced and blank lines fall
    # inside sentences.
    version: 1
    description: Chinese newspaper text extracted from column layouts
    language: zh
    targetLanguage: en
    stages:
      - decode:
          encoding: auto          # BOM, UTF-8, or detected by ICU (GB18030, Big5, …)
      - normalize:
          form: NFC
          verticalForms: true     # ︐ → ，  (vertical writing)
      - reflow:
          layout: columns
          cjkLatinSpacing: remove # 打造 17个 → 打造17个
          blankLines: auto        # column and page breaks fall mid-sentence
          keepHeaders: true
      - segment
      - tokenize
    writers: [jsonl, xliff2]

    """
}
