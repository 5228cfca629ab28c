#!/usr/bin/env python3
"""Writes a large hard-wrapped English resolution for timing `reso show` (issue 7, item 7).

The first corpus text's masthead and preamble, then the operative paragraphs of every corpus
text, renumbered from 1, until the file reaches SIZE bytes: each paragraph wrapped at WIDTH
columns, with a blank line between paragraphs, as pdftotext and a PDF viewer's copy give it.
The same input each run (no randomness), so that timings of two builds compare.

Usage:
  wrapped_resolution.py OUT [--size BYTES] [--width COLUMNS] [--corpus DIR]
Then, for example:
  hyperfine -N -w 1 -r 15 --output=null 'wc -m OUT' '.build/release/reso show OUT --format json'
  python3 scripts/interleaved_bench.py 21 OLD_RESO NEW_RESO OUT
"""
import argparse, glob, os, re, textwrap

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--size", type=int, default=16_000_000)
    ap.add_argument("--width", type=int, default=75)
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "sc-2020", "en"))
    a = ap.parse_args()
    head, ops = [], []
    for f in sorted(glob.glob(os.path.join(a.corpus, "*.plain.txt"))):
        paras = [p.strip() for p in open(f, encoding="utf-8").read().split("\n\n") if p.strip()]
        first = next((k for k, p in enumerate(paras) if re.match(r"1\.\s", p)), None)
        if first is None:
            continue
        if not head:
            head = paras[:first]
        for p in paras[first:]:
            m = re.match(r"(\d+)\.\s+(.*)", p, re.S)
            if m:
                ops.append(m.group(2))
            elif ops and not p.startswith("("):
                break  # the closing lines: the operative part is over
    if not ops:
        raise SystemExit(f"no numbered paragraphs under {a.corpus}")
    blocks = [textwrap.fill(p, a.width) for p in head]
    size, n = sum(len(b.encode()) + 2 for b in blocks), 0
    while size < a.size:
        for p in ops:
            n += 1
            block = textwrap.fill(f"{n}. {p}", a.width)
            blocks.append(block)
            size += len(block.encode()) + 2
            if size >= a.size:
                break
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("\n\n".join(blocks) + "\n")
    print(f"{a.out}: {n} operative paragraphs, {size:,} bytes")

if __name__ == "__main__":
    main()
