#!/usr/bin/env python3
"""Picks a small fixture set from a typeset.py output folder and copies it into the repository.

Greedy cover per language: each document offers features (real or synthetic footnotes, per-page
footnote numbering with notes on two pages or more, headings, subparagraphs, spaces after
numbers, hanging indents, two-line headers, body size band, Arabic font, several pages); pick
the one adding most still-wanted features per kilobyte (headings, subparagraphs and
per-page footnote numbering twice, footnotes three times) until N are chosen, so that the set stays
a few MB. Copies NAME.pdf, NAME.docx, NAME.truth.json and NAME.wrapped.txt, and writes
manifest.json with those documents' variants. pdftotext text is not copied: tests derive it
from the PDF (CI installs poppler-utils), e.g. `format_eval.py --derive`.

Usage: typeset_fixtures.py SRC DEST [--per-lang 8]
"""
import argparse, collections, json, os, shutil

# The hard cases are wanted twice per language where the corpus has them.
WANT = {"headings": 2, "subparagraphs": 2, "footnotes": 3, "per-page-numbering-used": 2}
KEEP = (".pdf", ".docx", ".truth.json", ".wrapped.txt")


def features(key, doc, truth):
    v = doc["variant"]
    f = {f"after:{v['after_number']}", f"indent:{v['indent']}", f"header:{v['header_lines']}",
         f"body:{'small' if v['body_pt'] <= 10.5 else 'large'}", f"numbering:{v['note_numbering']}"}
    if truth["footnotes"]: f.add("footnotes")
    if truth["footnotes"] > truth.get("synthetic_footnotes", 0): f.add("real-footnote")
    if truth["footnotes"] >= 2 and v["note_numbering"] == "page" and doc.get("pages", 1) >= 2:
        f.add("per-page-numbering-used")
    if truth["headings"]: f.add("headings")
    if truth["subparagraphs"]: f.add("subparagraphs")
    if any(len(x) > 1 and not x[0].isalpha() for x in truth["subparagraphs"].values()): f.add("subparagraph-runs")
    if doc.get("pages", 1) >= 3: f.add("pages>=3")
    if key.startswith("ar/"): f.add("font:" + v["arabic_font"])
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src"); ap.add_argument("dest")
    ap.add_argument("--per-lang", type=int, default=8)
    a = ap.parse_args()
    manifest = json.load(open(os.path.join(a.src, "manifest.json"), encoding="utf-8"))
    by_lang = {}
    for key, doc in manifest["documents"].items():
        by_lang.setdefault(key.split("/")[0], []).append((key, doc))
    chosen = {}
    for lang, docs in sorted(by_lang.items()):
        cands = []
        for key, doc in sorted(docs):
            base = os.path.join(a.src, key)
            truth = json.load(open(base + ".truth.json", encoding="utf-8"))
            size = sum(os.path.getsize(base + s) for s in KEEP if os.path.exists(base + s))
            cands.append((key, doc, features(key, doc, truth), size))
        covered = collections.Counter()
        gain = lambda fs: sum(covered[f] < WANT.get(f, 1) for f in fs)
        for _ in range(min(a.per_lang, len(cands))):
            best = max(cands, key=lambda c: ((gain(c[2]) + 0.1) / c[3], c[0]))
            cands.remove(best)
            covered.update(best[2])
            chosen[best[0]] = dict(best[1], features=sorted(best[2]))
    for key in chosen:
        os.makedirs(os.path.join(a.dest, os.path.dirname(key)), exist_ok=True)
        for s in KEEP:
            shutil.copyfile(os.path.join(a.src, key + s), os.path.join(a.dest, key + s))
    with open(os.path.join(a.dest, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": manifest["seed"], "documents": chosen}, f, ensure_ascii=False, indent=1, sort_keys=True)
    total = sum(os.path.getsize(os.path.join(r, n)) for r, _, ns in os.walk(a.dest) for n in ns)
    print(f"{len(chosen)} documents, {total / 1e6:.2f} MB in {a.dest}")


if __name__ == "__main__":
    main()
