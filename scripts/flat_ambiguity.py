#!/usr/bin/env python3
"""How many typeset documents no reading of flat text can get right, and why.

In pdftotext's text a preambular paragraph that ends with a comma and the next one, opening
with an opener, can look the same as two lines inside one paragraph whose clause after a
comma opens with an opener (`…напряженности,` / `будучи убежден…`). This finds every such
junction, `a line ends with a comma and reaches the measure, the next opens with one of the
language file's openers`, and reads it against the paragraphs of the same resolution read
from its DOCX (every DOCX of the typeset set reads exactly right): S where the next line
opens a paragraph there, M where it runs on.

A line reaches the measure when the next line's first word would not have fitted after it,
so that the wrap explains the break:
- pdftotext's default text: against the 90th percentile of the document's line lengths
  (East Asian wide characters count two);
- `-layout` text: against the text's usual right end, or, on a right-to-left page, against
  the room left at the line's left (where such a line ends).
A junction whose comma line stopped short of that is not counted: the length tells it.

A document with both kinds cannot be read right by any rule that decides such junctions the
same way. A rule that opens a paragraph at every such junction reads right at most the
documents with no M; one that never does, those with no S. The better of the two is the
ceiling printed for each cell, next to what the reader gets (the documents it reads exactly
right, as `format_eval.py` counts them) and how many of its misses hold such junctions.

Usage:
  flat_ambiguity.py RESO_BIN DIR LANG [FORMAT ...]   (FORMAT: pdftotext, the default, or layout)
"""
import glob, json, os, re, subprocess, sys, unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from format_eval import score  # noqa: E402  (same exact-structure check as the format table)

COMMAS = (",", "،", "，")
KEY = 32  # letters that name a paragraph: openers repeat (`принимая к сведению …`)
BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640]")


def letters(s, n):
    """The first `n` letters and digits of `s`: what survives every extraction's spacing,
    kashida stand-ins (`يش,,ير`) and bidi marks."""
    out = []
    for c in unicodedata.normalize("NFKC", s):
        if unicodedata.category(c)[0] in "LN":
            out.append(c.lower())
            if len(out) == n:
                break
    return "".join(out)


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def paragraph_starts(reso, path):
    out = subprocess.run([reso, "show", path, "--format", "json"], capture_output=True, text=True).stdout
    doc = json.loads(out)
    starts = set()
    for p in doc["preamble"] + doc["operative"]:
        key = letters(p["text"], KEY)
        if len(key) >= 12:
            starts.add(key)
    return doc, starts


def junctions(lines, rtl, fmt, openers):
    """(index of the comma line, index of the next line, whether the comma line reached the
    measure) for each comma line followed, after the text's usual gap, by an opener."""
    lines = [BIDI.sub("", l) for l in lines]
    if fmt == "layout":
        body = [l for l in lines if len(l.strip()) > 20]
        ends = sorted(len(l.rstrip()) for l in body)
        right = ends[int(len(ends) * 0.9)] if ends else 0
    else:
        lens = sorted(width(l.strip()) for l in lines if len(l.strip()) > 20)
        p90 = lens[int(len(lens) * 0.9)] if lens else 0
    # The next non-blank line, and the blank lines before it: double-spaced text puts one
    # between every two lines, and only a gap as wide as the text's usual one says nothing.
    text_lines = [i for i, l in enumerate(lines) if l.strip()]
    gaps = [j - i - 1 for i, j in zip(text_lines, text_lines[1:])]
    usual = max(set(gaps), key=gaps.count) if gaps else 0
    found = []
    for i, j, gap in zip(text_lines, text_lines[1:], gaps):
        a, b = lines[i].rstrip(), lines[j]
        if gap != usual or not a.endswith(COMMAS):
            continue
        if not any(letters(b, len(o)) == o for o in openers):
            continue
        # The wrap explains the break when the next line's first word would not have fitted
        # at this line's end.
        word = width(b.split()[0]) if b.split() else 0
        if fmt == "layout":
            full = (len(a) - len(a.lstrip()) < 1 + word) if rtl else (len(a) + 1 + word > right)
        else:
            full = width(a.strip()) + 1 + word > p90
        found.append((i, j, full))
    return found


def main():
    reso, root, lang = sys.argv[1], sys.argv[2], sys.argv[3]
    formats = sys.argv[4:] or ["pdftotext"]
    here = os.path.dirname(os.path.abspath(__file__))
    spec = json.load(open(os.path.join(here, "..", "Resources", "languages", f"{lang}.json"), encoding="utf-8"))
    openers = sorted({letters(o, 40) for o in spec["preambularOpeners"]}, key=len, reverse=True)
    rtl = spec.get("script") == "arabic"
    for fmt in formats:
        total = both = no_m = no_s = right = 0
        missed_ambiguous, missed_other, names = [], [], []
        for docx in sorted(glob.glob(os.path.join(root, lang, "*.docx"))):
            base = docx[:-5]
            text = f"{base}.{fmt}.txt"
            if not os.path.exists(text):
                continue
            total += 1
            _, starts = paragraph_starts(reso, docx)
            lines = open(text, encoding="utf-8").read().replace("\f", "\n").split("\n")
            s = m = 0
            for _, j, full in junctions(lines, rtl, fmt, openers):
                if not full:
                    continue
                if letters(" ".join(lines[j:j + 4]), KEY) in starts:
                    s += 1
                else:
                    m += 1
            truth = json.load(open(f"{base}.truth.json", encoding="utf-8"))
            ok = not score(reso, text, truth, 120)[0]
            right += ok
            both += bool(s and m)
            no_m += not m
            no_s += not s
            name = os.path.basename(base)[6:10]
            if m:
                names.append(name)
            if not ok:
                (missed_ambiguous if m else missed_other).append(name)
        print(f"{lang} {fmt}: {total} documents; {len(names)} with an opener after a comma at the measure "
              f"inside a paragraph ({' '.join(names)}), {both} of them also with paragraphs that open so. "
              f"Ceiling of one rule for such junctions: {max(no_m, no_s)}. The reader: {right}; of its "
              f"{total - right} misses, {len(missed_ambiguous)} hold such a junction inside a paragraph"
              + (f", the others: {' '.join(missed_other)}" if missed_other else ""))


if __name__ == "__main__":
    main()
