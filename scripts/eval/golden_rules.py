#!/usr/bin/env python3
"""Golden-rules pass rate of `segflow segment` per language (duplicates counted once).

Each unique case of ../shared/data/golden_rules/golden_rules_LANG.json is written to its own
file; cases whose options ask for cleaning (options.clean = true, or doc_type = pdf) are
segmented with the full line-flow repair (--layout reflow), the others with every input line a
paragraph (--layout lines), as the upstream suites treat a newline when they do not clean.
A case counts as cleaned when it or any of its duplicates has options.clean = true or
doc_type = pdf. A case passes when the whitespace-stripped segments equal `expected` exactly.

usage: golden_rules.py SEGFLOW DATA_DIR [--lang zh,ja,en] [--rules default|none|FILE] [-v]
"""
import argparse, json, os, subprocess, sys, tempfile

PIPELINES = {"en": "pipelines/plain-en.yaml"}


def segment(segflow, folder, names, lang, layout, pipeline_dir, rules):
    if not names:
        return {}
    args = [segflow, "segment", "--lang", lang, "--layout", layout, "--format", "jsonl"]
    pipeline = PIPELINES.get(lang, "pipelines/newspaper-zh.yaml")
    if rules != "default":
        pipeline = make_pipeline(pipeline, rules, pipeline_dir)
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


def make_pipeline(base, rules, folder):
    """A copy of `base` whose segment stage uses `rules`."""
    text = open(base, encoding="utf-8").read()
    value = rules if rules == "none" else os.path.abspath(rules)
    text = text.replace("  - segment\n", f"  - segment:\n      rules: {value}\n")
    path = os.path.join(folder, "pipeline-" + os.path.basename(base))
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
        cleaned = set()
        for c in cases:
            opts = c.get("options") or {}
            if opts.get("clean") is True or opts.get("doc_type") == "pdf":
                cleaned.add(c.get("duplicate_of") or c["id"])
        with tempfile.TemporaryDirectory() as folder:
            by_layout = {"reflow": [], "lines": []}
            for case in unique:
                name = case["id"]
                with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
                    f.write(case["input"])
                by_layout["reflow" if name in cleaned else "lines"].append(name)
            got = {}
            for layout, names in by_layout.items():
                got.update(segment(options.segflow, folder, names, lang, layout, folder, options.rules))
        passed = 0
        for case in unique:
            expected = [s.strip() for s in case["expected"]]
            actual = got.get(case["id"], [])
            if actual == expected:
                passed += 1
            elif options.verbose:
                print(f"FAIL {case['id']} {case.get('name') or ''}\n  input:    {case['input']!r}\n  expected: {expected}\n  actual:   {actual}")
        print(f"golden rules {lang}: {passed}/{len(unique)} = {100.0 * passed / len(unique):.1f}%")


if __name__ == "__main__":
    main()
