#!/usr/bin/env python3
"""Checks typeset test material against its own truth, so that a reader's score measures the
reader and not a typesetting slip.

Per NAME.truth.json in DIR/<lang>/:
  - NAME.docx: real footnotes in word/footnotes.xml (ids > 0) == truth footnotes; the operative
    numbers appear at paragraph starts in truth order;
  - NAME.pdf (pdftotext per page): the symbol on page 1; from page 2 on, the running header
    (the symbol) and the footer `n/m` with the right n and m;
  - NAME.wrapped.txt: blank-line paragraphs; no line wider than 72 display columns except a
    single unbreakable token.
  - with --reso BIN: NAME.wrapped.txt with its hard wraps joined again reads, through
    `reso show --format json`, exactly as the truth says (the text that was typeset carries
    the structure the truth claims, synthetic footnotes included).
Usage: check_typeset.py DIR [--lang en] [--reso BIN]
Exit 1 and one line per problem when any check fails.
"""
import glob, json, os, re, subprocess, sys, tempfile, unicodedata, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_eval import compare

WIDE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def unwrapped_problems(path, truth, reso):
    """Joins each paragraph's lines (no space between two CJK characters) and scores it."""
    paras = []
    for p in open(path, encoding="utf-8").read().split("\n\n"):
        s = ""
        for line in p.split("\n"):
            if s and not (WIDE.match(s[-1]) or WIDE.match(line[:1])): s += " "
            s += line
        paras.append(s)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write("\n\n".join(paras) + "\n")
    try:
        run = subprocess.run([reso, "show", f.name, "--format", "json"], capture_output=True)
        if run.returncode != 0:
            return ["unwrapped text unreadable"]
        return ["unwrapped text: " + p for p in compare(json.loads(run.stdout), truth)]
    finally:
        os.unlink(f.name)


def docx_problems(path, truth):
    out = []
    with zipfile.ZipFile(path) as z:
        notes = z.read("word/footnotes.xml").decode() if "word/footnotes.xml" in z.namelist() else ""
        body = z.read("word/document.xml").decode()
    # Separators carry w:type (LibreOffice numbers them 0 and 1, Word -1 and 0); notes do not.
    typed = re.findall(r'<w:footnote (?![^>]*w:type=)[^>]*w:id="\d+"', notes)
    if len(typed) != truth["footnotes"]:
        out.append(f"docx footnotes {len(typed)} != {truth['footnotes']}")
    paras = [re.sub(r"<[^>]+>", "", re.sub(r"<w:tab/>", "\t", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", body, re.S)]
    nums = [int(m.group(1)) for p in paras for m in [re.match(r"(\d+)\.(?:\t| )", p)] if m]
    if nums != truth["operative"]:
        out.append(f"docx operative numbers {nums[:5]}… != truth")
    return out


def pdf_problems(path, truth):
    out = []
    pages = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout.split("\f")
    # pdftotext wraps right-to-left runs in U+202A-U+202E and may print the symbol's closing
    # parenthesis first (`)S/RES/2558 (2020`): compare on the part that survives both orders.
    pages = [re.sub("[\u202a-\u202e\u200e\u200f]", "", p) for p in pages if p.strip()]
    m = len(pages)
    symbol = re.search(r"S/RES/\d+ ?\(\d{4}", pages[0] if pages else "")
    if not symbol:
        return ["pdf: no symbol on page 1"]
    for n, text in enumerate(pages[1:], 2):
        if symbol.group(0) not in text:
            out.append(f"pdf page {n}: no running header")
        if not re.search(rf"(?<!\d){n}/{m}(?!\d)", text):
            out.append(f"pdf page {n}: no footer {n}/{m}")
    return out


def wrapped_problems(path):
    out = []
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)
        if w > 72 and " " in line:
            out.append(f"wrapped line {i} is {w} columns")
    return out


def main():
    root = sys.argv[1]
    langs = sys.argv[sys.argv.index("--lang") + 1].split(",") if "--lang" in sys.argv else \
        sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    reso = os.path.abspath(sys.argv[sys.argv.index("--reso") + 1]) if "--reso" in sys.argv else None
    bad = checked = 0
    for lang in langs:
        for tpath in sorted(glob.glob(os.path.join(root, lang, "*.truth.json"))):
            truth = json.load(open(tpath, encoding="utf-8"))
            base = tpath[:-len(".truth.json")]
            problems = []
            if os.path.exists(base + ".docx"): problems += docx_problems(base + ".docx", truth)
            else: problems.append("no docx")
            if os.path.exists(base + ".pdf"): problems += pdf_problems(base + ".pdf", truth)
            else: problems.append("no pdf")
            if os.path.exists(base + ".wrapped.txt"):
                problems += wrapped_problems(base + ".wrapped.txt")
                if reso: problems += unwrapped_problems(base + ".wrapped.txt", truth, reso)
            checked += 1
            if problems:
                bad += 1
                print(f"{lang}/{os.path.basename(base)}: " + "; ".join(problems[:4]))
    print(f"{checked - bad}/{checked} documents consistent")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
