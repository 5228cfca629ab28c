#!/usr/bin/env python3
"""How close the paragraph texts read from a text format come to those read from the PDF.

For each typeset resolution in DIR/LANG whose text form (NAME.pdftotext.txt or
NAME.layout.txt) gives as many preambular and operative paragraphs as NAME.pdf, pairs the
paragraphs in order and reports how many texts are identical and the mean similarity
(difflib's ratio, spaces included). Structure is format_eval.py's business; this measures
what a reader sees inside the paragraphs (spacing, punctuation, the order of number runs).
Also printed: the share of the words read (split at spaces) that the reference's paragraphs
hold as well, counted with repeats, over every document whose paragraphs pair up; words
that extraction spaced apart (`الق رار`) or whose letters it turned round fall out of it.

Usage:
  paragraph_text_eval.py RESO_BIN DIR LANG FORMAT [--reference REFERENCE_BIN] [--against pdf|docx]
The reference file (NAME.pdf, or NAME.docx with `--against docx`) is read by REFERENCE_BIN
(default RESO_BIN), so two builds can be compared on the same reference. FORMAT `pdf`
compares the PDF itself (with `--against docx`).
"""
import argparse, collections, difflib, glob, json, os, subprocess

def paragraphs(reso, path):
    out = subprocess.run([reso, "show", path, "--format", "json"], capture_output=True, text=True, timeout=120)
    doc = json.loads(out.stdout)
    return [p["text"] for p in doc["preamble"]] + [p["text"] for p in doc["operative"]]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reso"); ap.add_argument("dir"); ap.add_argument("lang")
    ap.add_argument("format", choices=["pdftotext", "layout", "wrapped", "pdf"])
    ap.add_argument("--reference")
    ap.add_argument("--against", choices=["pdf", "docx"], default="pdf")
    a = ap.parse_args()
    reference = a.reference or a.reso
    compared = identical = documents = 0
    total = 0.0
    words = shared = 0
    for pdf in sorted(glob.glob(os.path.join(a.dir, a.lang, "*.pdf"))):
        text = pdf if a.format == "pdf" else pdf[:-4] + "." + a.format + ".txt"
        against = pdf[:-4] + ".docx" if a.against == "docx" else pdf
        if not os.path.exists(text) or not os.path.exists(against) or text == against:
            continue
        want, got = paragraphs(reference, against), paragraphs(a.reso, text)
        if len(want) != len(got):
            continue
        documents += 1
        held = collections.Counter(w for x in want for w in x.split())
        for y in got:
            for w in y.split():
                words += 1
                if held[w] > 0:
                    held[w] -= 1
                    shared += 1
        for x, y in zip(want, got):
            compared += 1
            identical += x == y
            total += difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()
    mean = total / compared if compared else 0.0
    print(f"{a.lang} {a.format}: {documents} documents, {compared} paragraphs, "
          f"{identical} identical to the {a.against.upper()}'s, mean similarity {mean:.4f}; "
          f"{shared} of {words} words ({shared / max(words, 1):.1%}) are the {a.against.upper()}'s words")

if __name__ == "__main__":
    main()
