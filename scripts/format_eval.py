#!/usr/bin/env python3
"""Scores `reso show --format json` on a typeset folder (scripts/typeset.py output or
Tests/Fixtures/typeset) per language and per format against the truth files.

A document is exactly right when its preambular count, operative numbers, subparagraph labels,
headings with positions and footnote count all match (the scoring of corpus_eval.py). A file
reso cannot read (non-zero exit, bad JSON, timeout) counts as a failure with its reason.

Usage:
  format_eval.py RESO_BIN DIR [--formats pdf,docx,pdftotext,layout,wrapped] [--lang en[,fr]]
                 [--verbose] [--jobs 2] [--derive] [--require 97,ar=90] [--json FILE]

Formats and the files they read, per NAME.truth.json:
  pdf NAME.pdf · docx NAME.docx · pdftotext NAME.pdftotext.txt (`pdftotext FILE`, default)
  layout NAME.layout.txt (`pdftotext -layout`) · wrapped NAME.wrapped.txt (hard-wrapped plain
  text, blank line between paragraphs)
With --derive, a missing pdftotext/layout text is made from NAME.pdf into a temporary folder
(the committed fixtures carry PDFs only; CI has poppler-utils).
--require makes the exit status non-zero when a language/format cell is below its threshold.
A truth file marked `md_truth_mismatch` (the corpus md text it was typeset from contradicts its
own truth, e.g. two preambular paragraphs merged into one) is left out and listed; pass
--include-mismatch to score it anyway.
"""
import argparse, collections, concurrent.futures, glob, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_eval import compare  # one scoring for the md/plain corpus and the typeset formats

SUFFIX = {"pdf": ".pdf", "docx": ".docx", "pdftotext": ".pdftotext.txt",
          "layout": ".layout.txt", "wrapped": ".wrapped.txt"}
PDFTOTEXT_ARGS = {"pdftotext": [], "layout": ["-layout"]}


def source_for(base, fmt, tmp, derive):
    path = base + SUFFIX[fmt]
    if os.path.exists(path) or not derive or fmt not in PDFTOTEXT_ARGS or not os.path.exists(base + ".pdf"):
        return path
    out = os.path.join(tmp, os.path.basename(base) + SUFFIX[fmt])
    subprocess.run(["pdftotext", *PDFTOTEXT_ARGS[fmt], base + ".pdf", out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def left_over(doc):
    """Characters of body text (placed after a paragraph) that landed in `other`: text the
    structure lost track of, which the exact-structure score does not see."""
    return sum(len(o.get("text", "")) for o in doc.get("other", [])
               if str(o.get("after") or "").startswith(("op", "pp")))


def score(reso, path, truth, timeout):
    """Returns a list of problems (empty means exactly right) and the body text left over."""
    problems, doc = score_doc(reso, path, truth, timeout)
    return problems, (left_over(doc) if doc else 0)


def score_doc(reso, path, truth, timeout):
    if not os.path.exists(path):
        return ["missing file"], None
    try:
        run = subprocess.run([reso, "show", path, "--format", "json"], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [f"timeout after {timeout}s"], None
    except OSError as e:
        return [f"cannot run reso: {e}"], None
    if run.returncode != 0:
        err = run.stderr.decode("utf-8", "replace").strip().splitlines()
        return [f"unreadable (exit {run.returncode}): {err[0][:160] if err else ''}"], None
    try:
        doc = json.loads(run.stdout)
        return compare(doc, truth), doc
    except Exception as e:  # bad JSON or a missing key is the reader's failure, not ours
        return [f"bad output: {type(e).__name__}: {str(e)[:120]}"], None


def main():
    ap = argparse.ArgumentParser(description="per-language, per-format exact-structure scores")
    ap.add_argument("reso"); ap.add_argument("dir")
    ap.add_argument("--formats", default="pdf,docx,pdftotext,layout,wrapped")
    ap.add_argument("--lang", default="")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--derive", action="store_true", help="make missing pdftotext/layout text from the PDF")
    ap.add_argument("--require", default="", help="e.g. 97,ar=90: exit 1 when a cell is below")
    ap.add_argument("--json", default="", help="write per-document results here")
    ap.add_argument("--include-mismatch", action="store_true", help="also score documents whose source contradicts their truth")
    a = ap.parse_args()
    formats = [f for f in a.formats.split(",") if f]
    for f in formats:
        if f not in SUFFIX: sys.exit(f"unknown format {f}; known: {','.join(SUFFIX)}")
    langs = a.lang.split(",") if a.lang else sorted(d for d in os.listdir(a.dir) if os.path.isdir(os.path.join(a.dir, d)))
    reso = os.path.abspath(a.reso)
    if not os.access(reso, os.X_OK):
        sys.exit(f"format_eval: {a.reso} is not an executable reso binary")
    tasks, skipped = [], []
    with tempfile.TemporaryDirectory(prefix="format-eval-") as tmp:
        for lang in langs:
            for tpath in sorted(glob.glob(os.path.join(a.dir, lang, "*.truth.json"))):
                truth = json.load(open(tpath, encoding="utf-8"))
                base = tpath[:-len(".truth.json")]
                if truth.get("md_truth_mismatch") and not a.include_mismatch:
                    skipped.append(f"{lang}/{os.path.basename(base)} ({', '.join(truth['md_truth_mismatch'])})")
                    continue
                for fmt in formats:
                    tasks.append((lang, fmt, source_for(base, fmt, tmp, a.derive), truth))
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
            results = list(ex.map(lambda t: score(reso, t[2], t[3], a.timeout), tasks))
    cells = collections.defaultdict(lambda: [0, 0])
    left = collections.defaultdict(lambda: [0, 0])  # format -> [documents, characters]
    records = []
    for (lang, fmt, path, _), (problems, chars) in zip(tasks, results):
        if chars:
            left[fmt][0] += 1; left[fmt][1] += chars
        for key in ((lang, fmt), (lang, "all"), ("all", fmt)):
            cells[key][1] += 1
            cells[key][0] += not problems
        records.append({"lang": lang, "format": fmt, "file": path, "problems": problems, "left_over": chars})
        if problems and a.verbose:
            print(f"FAIL {lang} {fmt} {os.path.basename(path)}", *problems, sep="\n   ")
    width = max(9, *(len(f) + 2 for f in formats))
    print("lang".ljust(6) + "".join(f.rjust(width + 7) for f in formats + ["all"]))
    for lang in langs + ["all"]:
        row = lang.ljust(6)
        for fmt in formats + ["all"]:
            ok, n = cells.get((lang, fmt), [0, 0])
            row += (f"{ok}/{n} ({100 * ok / n:.0f}%)" if n else "-").rjust(width + 7)
        print(row)
    print("body text left in `other` (documents/characters): "
          + ", ".join(f"{fmt} {left[fmt][0]}/{left[fmt][1]}" for fmt in formats))
    if skipped:
        print(f"left out {len(skipped)} document(s) whose source text contradicts their truth: " + "; ".join(skipped))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(records, f, ensure_ascii=False, indent=1)
    status = 0
    if a.require:
        default, per = 0.0, {}
        for part in a.require.split(","):
            if "=" in part: k, val = part.split("="); per[k] = float(val)
            else: default = float(part)
        for lang in langs:
            for fmt in formats:
                ok, n = cells[(lang, fmt)]
                need = per.get(lang, default)
                if n and 100 * ok / n < need:
                    print(f"below threshold: {lang} {fmt} {100 * ok / n:.1f}% < {need}%", file=sys.stderr)
                    status = 1
    sys.exit(status)


if __name__ == "__main__":
    main()
