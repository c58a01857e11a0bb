#!/usr/bin/env python3
"""Golden-rules pass rate of `segflow segment` per language (duplicates counted once).

Each unique case of ../shared/data/golden_rules/golden_rules_LANG.json is written to its own
file and segmented as the upstream suite that wrote it runs it:

- doc_type = pdf: the full line-flow repair (--layout reflow) after `normalize: clean: pdf`
  (every line break before a lower-case word joined, markup and layout noise removed);
- cleaned (options.clean = true, or a Pragmatic Segmenter case without a `clean` option: its
  Segmenter cleans by default; pySBD's does not): every input line a paragraph (--layout lines)
  after `normalize: clean: text` (markup and noise removed, a line ending in a space joined to a
  next line starting lower-case), the cleaner's own line model;
- otherwise every input line a paragraph, the text as it is.

A case takes the strongest of these that it or any of its duplicates asks for (the upstream
suites record the option on different copies). A case passes when the whitespace-stripped
segments equal `expected` exactly.

usage: golden_rules.py SEGFLOW DATA_DIR [--lang zh,ja,en] [--rules default|none|FILE] [-v]
"""
import argparse, json, os, subprocess, sys, tempfile

PIPELINES = {"en": "pipelines/plain-en.yaml"}


MODES = {  # cleaning mode -> (layout, normalize clean option)
    "pdf": ("reflow", "pdf"),
    "text": ("lines", "text"),
    "none": ("lines", None),
}


def segment(segflow, folder, names, lang, mode, pipeline_dir, rules):
    if not names:
        return {}
    layout, clean = MODES[mode]
    args = [segflow, "segment", "--lang", lang, "--layout", layout, "--format", "jsonl"]
    pipeline = PIPELINES.get(lang, "pipelines/newspaper-zh.yaml")
    pipeline = make_pipeline(pipeline, rules, clean, pipeline_dir)
    args += ["--pipeline", pipeline]
    args += [os.path.join(folder, n + ".txt") for n in names]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
    result = {n: [] for n in names}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        result.setdefault(record["document"], []).append(record["text"].strip())
    return result


def make_pipeline(base, rules, clean, folder):
    """A copy of `base` whose segment stage uses `rules` and normalize stage `clean`."""
    text = open(base, encoding="utf-8").read()
    if rules != "default":
        value = rules if rules == "none" else os.path.abspath(rules)
        text = text.replace("  - segment\n", f"  - segment:\n      rules: {value}\n")
    if clean:
        assert "  - normalize:\n" in text
        text = text.replace("  - normalize:\n", f"  - normalize:\n      clean: {clean}\n")
    path = os.path.join(folder, f"pipeline-{clean}-" + os.path.basename(base))
    open(path, "w", encoding="utf-8").write(text)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("segflow")
    parser.add_argument("data")
    parser.add_argument("--lang", default="zh,ja,en")
    parser.add_argument("--rules", default="default")
    parser.add_argument("-v", "--verbose", action="store_true")
    options = parser.parse_args()
    for lang in options.lang.split(","):
        cases = json.load(open(os.path.join(options.data, f"golden_rules_{lang}.json"), encoding="utf-8"))["cases"]
        unique = [c for c in cases if not c.get("duplicate_of")]
        # A case asks for cleaning when it or one of its duplicates does (the upstream suites
        # record the option on different copies).
        mode = {}
        rank = {"none": 0, "text": 1, "pdf": 2}
        for c in cases:
            opts = c.get("options") or {}
            if opts.get("doc_type") == "pdf":
                wanted = "pdf"
            elif opts.get("clean") is True or (c.get("source") == "pragmatic_segmenter" and "clean" not in opts):
                wanted = "text"
            else:
                wanted = "none"
            key = c.get("duplicate_of") or c["id"]
            if rank[wanted] > rank[mode.get(key, "none")]:
                mode[key] = wanted
        with tempfile.TemporaryDirectory() as folder:
            by_mode = {m: [] for m in MODES}
            for case in unique:
                name = case["id"]
                with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
                    f.write(case["input"])
                by_mode[mode.get(name, "none")].append(name)
            got = {}
            for m, names in by_mode.items():
                got.update(segment(options.segflow, folder, names, lang, m, folder, options.rules))
        passed = 0
        for case in unique:
            expected = [s.strip() for s in case["expected"]]
            actual = got.get(case["id"], [])
            if actual == expected:
                passed += 1
            elif options.verbose:
                print(f"FAIL {case['id']} ({mode.get(case['id'], 'none')}) {case.get('name') or ''}\n  input:    {case['input']!r}\n  expected: {expected}\n  actual:   {actual}")
        print(f"golden rules {lang}: {passed}/{len(unique)} = {100.0 * passed / len(unique):.1f}%")


if __name__ == "__main__":
    main()
