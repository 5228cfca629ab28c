#!/usr/bin/env python3
"""Counts the documents whose preambular paragraphs start where the reference's start.

format_eval.py scores a document by its counts (preambular paragraphs, operative numbers,
labels, headings, notes). A text form can meet the preambular count with two errors that
cancel: one paragraph run into the one before it and another cut in two. This compares where
each preambular paragraph starts, read from the text form and from the reference (the
document's Word file for scripts/typeset.py output; its PDF with --against pdf, for
scripts/typeset_html.py output, which has no Word file), and lists the documents whose count
is right and whose paragraphs are not.

Paragraphs are compared by their first 20 characters as typeset.py's `junction_key` gives
them (no spaces, emphasis marks, hyphen kinds, Arabic marks or tatweel). Arabic text forms
spell some words otherwise than the Word file (letters joined or parted), so their figures
may count such spelling as a paragraph start.

Usage:
  boundary_eval.py RESO_BIN DIR [--lang ru,zh] [--formats pdftotext,layout] [--against pdf]
Text forms missing beside NAME.pdf are made with pdftotext into a temporary folder.
"""
import argparse, glob, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from twin_check import ARGS, key, preamble  # one reading of reso's preamble, one paragraph key


def starts(reso, path):
    texts = preamble(reso, path)
    return None if texts is None else [key(t) for t in texts]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reso"); ap.add_argument("dir")
    ap.add_argument("--lang", default="en,fr,es,ru,zh,ar")
    ap.add_argument("--formats", default="pdftotext,layout")
    ap.add_argument("--against", choices=["docx", "pdf"], default="docx")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for lang in a.lang.split(","):
            for fmt in a.formats.split(","):
                documents = counted = placed = 0
                cancelled = []
                for pdf in sorted(glob.glob(os.path.join(a.dir, lang, "*.pdf"))):
                    base = pdf[:-4]
                    text = base + f".{fmt}.txt"
                    if not os.path.exists(text) and fmt in ARGS:
                        text = os.path.join(tmp, os.path.basename(base) + f".{fmt}.txt")
                        subprocess.run(["pdftotext", *ARGS[fmt], pdf, text], stderr=subprocess.DEVNULL)
                    reference, read = starts(a.reso, base + "." + a.against), starts(a.reso, text)
                    if reference is None or read is None:
                        continue
                    documents += 1
                    counted += len(reference) == len(read)
                    placed += reference == read
                    if len(reference) == len(read) and reference != read:
                        cancelled.append(re.search(r"S_RES_(\d+)_", base).group(1))
                print(f"{lang} {fmt}: {documents} documents; preambular count as the {a.against} {counted}, "
                      f"every paragraph where the {a.against} has it {placed}"
                      + (f"; count right, paragraphs not: {', '.join(cancelled)}" if cancelled else ""))


if __name__ == "__main__":
    main()
