#!/usr/bin/env python3
"""How many typeset documents no reading of flat PDF text can get right by its commas alone.

In pdftotext's default text a preambular paragraph that ends with a comma and the next one,
opening with an opener, look the same as two lines inside one paragraph whose clause after a
comma opens with an opener (`…напряженности,` / `будучи убежден…`). For each typeset
resolution in DIR/LANG this counts the junctions `a line ends with a comma, the next opens
with one of the language file's openers`, read against the PDF's own paragraphs: S where
the next line opens a paragraph there, M where it does not. A document with both kinds
cannot be read right by any rule that decides such junctions the same way.

Usage:
  flat_ambiguity.py RESO_BIN DIR LANG [FORMAT]      (FORMAT: pdftotext, the default, or layout)
"""
import glob, json, os, re, subprocess, sys

def main():
    reso, root, lang = sys.argv[1], sys.argv[2], sys.argv[3]
    fmt = sys.argv[4] if len(sys.argv) > 4 else "pdftotext"
    here = os.path.dirname(os.path.abspath(__file__))
    spec = json.load(open(os.path.join(here, "..", "Resources", "languages", f"{lang}.json"), encoding="utf-8"))
    openers = [o.lower() for o in spec["preambularOpeners"]]
    clean = lambda s: re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]+", " ", s).strip()
    total = with_mid = with_both = 0
    names = []
    for pdf in sorted(glob.glob(os.path.join(root, lang, "*.pdf"))):
        base = pdf[:-4]
        if not os.path.exists(f"{base}.{fmt}.txt"):
            continue
        total += 1
        doc = json.loads(subprocess.run([reso, "show", pdf, "--format", "json"], capture_output=True, text=True).stdout)
        starts = [s for s in (clean(p["text"])[:20] for p in doc["preamble"] + doc["operative"]) if len(s) >= 8]
        lines = [clean(l) for l in open(f"{base}.{fmt}.txt", encoding="utf-8").read().split("\n")]
        s = m = 0
        for a, b in zip(lines, lines[1:]):
            if a and b and a.endswith((",", "،", "，")) and any(b.lower().startswith(o) for o in openers):
                if any(b.startswith(x[:min(len(x), len(b))]) for x in starts):
                    s += 1
                else:
                    m += 1
        if m:
            with_mid += 1
            names.append(os.path.basename(base)[6:10])
        if m and s:
            with_both += 1
    print(f"{lang} {fmt}: {total} documents; {with_mid} with an opener after a comma inside a paragraph "
          f"({' '.join(names)}); {with_both} of them also with paragraphs that open so")

if __name__ == "__main__":
    main()
