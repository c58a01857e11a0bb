#!/usr/bin/env python3
"""Which English sentence boundaries a change of SRX rules adds or removes on unlabelled text.

Reads plain-text files whose paragraphs are separated by blank lines or by lines holding only `%`
(the format of the Debian `fortunes` package), joins each paragraph's lines with a space, writes
one paragraph a line into a temporary folder and segments it with `segflow segment --lang en
--layout lines` twice, once with each rules file (`none` for ICU alone, `default` for the built-in
rules). Prints each boundary only one side has, with 60 characters of context (`+`: only B,
`-`: only A), then the counts. Nothing is written outside the temporary folder.

usage: rules_diff.py SEGFLOW RULES_A RULES_B FILE...
       rules_diff.py --paragraphs FILE...      (only print the paragraphs, one a line)
e.g.:  apt-get install fortunes
       git show main:pipelines/srx/segflow.srx > /tmp/main.srx
       scripts/eval/rules_diff.py .build/release/segflow /tmp/main.srx pipelines/srx/segflow.srx \\
         $(find /usr/share/games/fortunes -type f ! -name '*.dat')
"""
import json, os, re, subprocess, sys, tempfile


def paragraphs(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    for block in re.split(r"\n(?:%|[ \t]*)\n", text):
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if len(joined) > 40:
            yield joined


def segment(segflow, rules, text_path, folder):
    base = open(os.path.join(os.path.dirname(__file__), "../../pipelines/plain-en.yaml"), encoding="utf-8").read()
    if rules != "default":
        value = rules if rules == "none" else os.path.abspath(rules)
        base = base.replace("  - segment\n", f"  - segment:\n      rules: {value}\n")
    pipeline = os.path.join(folder, f"pipeline-{len(os.listdir(folder))}.yaml")
    open(pipeline, "w", encoding="utf-8").write(base)
    out = subprocess.run([segflow, "segment", "--lang", "en", "--layout", "lines", "--format", "jsonl",
        "--pipeline", pipeline, text_path], capture_output=True, text=True, check=True).stdout
    ends = {}
    for line in out.splitlines():
        record = json.loads(line)
        block = ends.setdefault(record["block"], [""])
        block[0] += record["text"] + record.get("trailing", "")
        block.append(len(block[0]))
    return {key: (value[0], set(value[1:])) for key, value in ends.items()}


def main():
    if sys.argv[1:2] == ["--paragraphs"]:
        for path in sys.argv[2:]:
            for paragraph in paragraphs(path):
                print(paragraph)
        return
    segflow, rules_a, rules_b, *files = sys.argv[1:]
    with tempfile.TemporaryDirectory() as folder:
        text_path = os.path.join(folder, "prose.txt")
        with open(text_path, "w", encoding="utf-8") as out:
            for path in files:
                for paragraph in paragraphs(path):
                    out.write(paragraph + "\n")
        a = segment(segflow, rules_a, text_path, folder)
        b = segment(segflow, rules_b, text_path, folder)
    counts = {"+": 0, "-": 0}
    for key, (text, ends_a) in sorted(a.items()):
        ends_b = b.get(key, (text, set()))[1]
        for sign, ends in (("+", ends_b - ends_a), ("-", ends_a - ends_b)):
            for end in sorted(ends):
                counts[sign] += 1
                print(f"{sign} {text[max(0, end - 60):end]} ‖ {text[end:end + 40]}")
    print(f"boundaries only with B: {counts['+']}, only with A: {counts['-']}")


if __name__ == "__main__":
    main()
