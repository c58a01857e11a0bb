#!/usr/bin/env python3
"""Typesets real Chinese prose into narrow justified column pages and extracts it again.

Called by scripts/make-reflow-corpus. For each document: pick a run of UD sentences, group them
into paragraphs, add a page header, a headline (with a lede spanning the columns), section
headings and a byline, write LaTeX (xeCJK, multicol, 2em indent), run xelatex and
`pdftotext` (default mode), and write NAME.txt (extracted) and NAME.gold.jsonl (the source
blocks in reading order). A document is kept only when the extracted non-space characters are
exactly the gold's, in order, so the gold never disagrees with the page.
"""
import argparse, json, os, random, re, shutil, subprocess, sys, tempfile

SECTIONS = ["湖州新闻", "城市观察", "经济周刊", "文化视点", "要闻", "综合新闻", "科教卫生",
            "国际新闻", "社会民生", "专题报道", "读书", "体育"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕鹏辉斌宇浩凯健俊帆帅旭宁"
ROLES = ["文/", "文／", "记者：", "本报记者 ", "通讯员 ", "文/图 "]
BAD = set("\\#$%&_{}~^")


def clean(sentence):
    if any(c in BAD for c in sentence) or "--" in sentence or "``" in sentence or "''" in sentence:
        return None
    if "  " in sentence or len(sentence) < 6:
        return None
    return sentence


def tex_escape(text):
    # Real spaces between CJK and Latin must print as spaces; xeCJK ignores an ASCII space
    # between two CJK characters, so protect those with an explicit inter-word space.
    out = []
    for i, c in enumerate(text):
        if c == " ":
            out.append("\\ ")
        else:
            out.append(c)
    return "".join(out)


def clause_title(sentence, rng, lo=4, hi=12):
    """A headline-like phrase taken from real text: the first clause, when short and plain."""
    first = re.split(r"[，。；：、！？,（）()“”《》]", sentence)[0]
    if lo <= len(first) <= hi and all('\u4e00' <= c <= '\u9fff' for c in first):
        return first
    return None


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))


def build(rng, sentences):
    """Returns (blocks, layout) where blocks are gold {"kind","text"} plus how to set each."""
    ncols = rng.choice([1, 2, 2, 3, 3])
    colchars = rng.randint(8, 20)
    if ncols == 1:
        colchars = rng.randint(12, 20)
    layout = {
        "ncols": ncols, "colchars": colchars, "punct": rng.choice(["quanjiao", "kaiming", "kaiming"]),
        "lines": rng.randint(16, 40), "indent": rng.choice(["2em", "2em", "2em", "1em"]),
    }
    pool = list(sentences)
    blocks = []
    if rng.random() < 0.6:
        blocks.append({"kind": "header", "text": rng.choice(SECTIONS), "set": "header"})
    titles = [t for t in (clause_title(s, rng) for s in pool) if t]
    rng.shuffle(titles)
    # Headlines and section headings fit on one line, as newspapers set them.
    width = ncols * colchars + (ncols - 1) * 2
    def fitting(limit, two_part):
        fits = [t for t in titles if len(t) <= limit]
        if not fits:
            return None
        t = fits[0]
        titles.remove(t)
        if two_part:
            rest = [u for u in titles if len(t) + 1 + len(u) <= limit]
            if rest:
                titles.remove(rest[0])
                t = t + " " + rest[0]
        return t
    if rng.random() < 0.75:
        t = fitting(int(width * 10 / 17.28) - 1, rng.random() < 0.4)
        if t:
            blocks.append({"kind": "heading", "text": t, "set": "headline"})
        if ncols >= 2 and rng.random() < 0.6:
            n = rng.randint(1, 3)
            blocks.append({"kind": "paragraph", "text": "".join(pool[:n]), "set": "lede"})
            pool = pool[n:]
    body = []
    while pool:
        n = min(len(pool), rng.choice([1, 2, 2, 3, 3, 4, 5]))
        body.append({"kind": "paragraph", "text": "".join(pool[:n]), "set": "body"})
        pool = pool[n:]
    sections = rng.choice([0, 0, 1, 1, 2])
    for _ in range(sections):
        if len(body) < 3:
            break
        t = fitting(int(colchars * 10 / 12) - 1, rng.random() < 0.3)
        if not t:
            break
        at = rng.randint(1, len(body) - 1)
        body.insert(at, {"kind": "heading", "text": t, "set": "section"})
    blocks += body
    if rng.random() < 0.6:
        role = rng.choice(ROLES)
        text = role + name(rng)
        if rng.random() < 0.2:
            text += " " + name(rng)
        glued = rng.random() < 0.7 and blocks[-1]["kind"] == "paragraph"
        blocks.append({"kind": "byline", "text": text, "set": "byline-glued" if glued else "byline-line"})
    return blocks, layout


def latex(blocks, layout, font):
    ncols, colchars = layout["ncols"], layout["colchars"]
    size = 10  # pt; one CJK character is 1em = 10pt
    colsep = 2 * size
    textwidth = ncols * colchars * size + (ncols - 1) * colsep
    lineskip = 15
    textheight = layout["lines"] * lineskip
    head = f"""\\documentclass[10pt]{{article}}
\\usepackage[paperwidth={textwidth + 40}pt,paperheight={textheight + 60}pt,textwidth={textwidth}pt,textheight={textheight}pt,top=30pt,left=20pt,nohead,nofoot]{{geometry}}
\\usepackage{{xeCJK}}
\\usepackage{{multicol}}
\\setCJKmainfont{{{font}}}
\\setCJKsansfont{{Noto Sans CJK SC}}
\\xeCJKsetup{{PunctStyle={layout['punct']}}}
\\setlength{{\\columnsep}}{{{colsep}pt}}
\\setlength{{\\parindent}}{{{layout['indent']}}}
\\setlength{{\\parskip}}{{0pt}}
\\linespread{{1.2}}
\\tolerance=9999 \\emergencystretch=3em \\hbadness=10000 \\vbadness=10000 \\hfuzz=20pt
\\pagestyle{{empty}}
\\begin{{document}}
"""
    parts = [head]
    spanning = []
    body = []
    for b in blocks:
        text = tex_escape(b["text"])
        kind = b["set"]
        if kind == "header":
            spanning.append(f"\\noindent{{\\small\\sffamily {text}}}\\par\\vspace{{6pt}}\\hrule\\vspace{{8pt}}\n")
        elif kind == "headline":
            text = text.replace("\\ ", "\\quad ")
            spanning.append(f"{{\\centering\\LARGE\\sffamily {text}\\par}}\\vspace{{6pt}}\n")
        elif kind == "lede":
            spanning.append(f"{{\\large {text}\\par}}\\vspace{{6pt}}\n")
        elif kind == "section":
            text = text.replace("\\ ", "\\quad ")
            body.append(f"\\par\\vspace{{6pt}}{{\\centering\\large\\sffamily\\bfseries {text}\\par}}\\vspace{{4pt}}\n")
        elif kind == "body":
            body.append(text + "\\par\n")
        elif kind == "byline-glued":
            # Glued after the last paragraph's text, as newspapers set it: `…力量。 文/宁杰`.
            body[-1] = body[-1][:-len("\\par\n")] + f"\\hspace{{1em plus 1fill}}\\mbox{{{text}}}\\par\n"
        elif kind == "byline-line":
            body.append(f"{{\\raggedleft\\mbox{{{text}}}\\par}}\n")
    if layout["ncols"] == 1:
        parts += spanning + body
    else:
        # multicol's optional argument cannot hold \\par; a \\newcommand (long) can.
        parts.append("\\newcommand\\spanning{%s}\n" % "".join(spanning))
        parts.append("\\begin{multicols}{%d}[\\spanning]\n" % layout["ncols"])
        parts += body
        parts.append("\\end{multicols}\n")
    parts.append("\\end{document}\n")
    return "".join(parts)


def nonspace(text):
    return "".join(c for c in text if not c.isspace())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, default=32)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    sources = {}
    for key, path in [("gsdsimp", "UD_Chinese-GSDSimp/zh_gsdsimp-ud-test.sentences.txt"),
                      ("gsd", "UD_Chinese-GSD/zh_gsd-ud-test.sentences.txt")]:
        with open(os.path.join(args.data, path), encoding="utf-8") as f:
            sources[key] = [s for s in (clean(line.strip()) for line in f) if s]
    os.makedirs(args.out, exist_ok=True)
    for old in os.listdir(args.out):
        if old.endswith(".txt") or old.endswith(".gold.jsonl"):
            os.remove(os.path.join(args.out, old))
    work = tempfile.mkdtemp(prefix="reflow-corpus-")
    made, attempt = 0, 0
    while made < args.count and attempt < args.count * 4:
        rng = random.Random(args.seed * 1000 + attempt)
        attempt += 1
        key = "gsd" if rng.random() < 0.25 else "gsdsimp"
        pool = sources[key]
        n = rng.randint(8, 22)
        start = rng.randrange(0, len(pool) - n)
        blocks, layout = build(rng, pool[start:start + n])
        font = "Noto Serif CJK TC" if key == "gsd" else "Noto Serif CJK SC"
        tex = os.path.join(work, "doc.tex")
        with open(tex, "w", encoding="utf-8") as f:
            f.write(latex(blocks, layout, font))
        run = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                             cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if run.returncode != 0:
            print(f"attempt {attempt - 1}: xelatex failed", file=sys.stderr)
            continue
        subprocess.run(["pdftotext", "doc.pdf", "doc.txt"], cwd=work, check=True)
        with open(os.path.join(work, "doc.txt"), encoding="utf-8") as f:
            extracted = f.read()
        gold_text = "".join(b["text"] for b in blocks)
        if nonspace(extracted) != nonspace(gold_text):
            a, b = nonspace(extracted), nonspace(gold_text)
            at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            print(f"attempt {attempt - 1}: extraction differs from gold at {a[max(0, at - 8):at + 8]!r} vs {b[max(0, at - 8):at + 8]!r}; skipped", file=sys.stderr)
            continue
        name = f"{made:03d}_{key}_c{layout['ncols']}w{layout['colchars']}_{layout['punct']}"
        with open(os.path.join(args.out, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(extracted)
        with open(os.path.join(args.out, name + ".gold.jsonl"), "w", encoding="utf-8") as f:
            for b in blocks:
                f.write(json.dumps({"kind": b["kind"], "text": b["text"]}, ensure_ascii=False, sort_keys=True) + "\n")
        made += 1
    shutil.rmtree(work, ignore_errors=True)
    print(f"{made} documents in {args.out} ({attempt} attempts)", file=sys.stderr)


if __name__ == "__main__":
    main()
