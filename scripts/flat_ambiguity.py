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

`--learn` asks whether the lengths tell the two kinds apart where one rule cannot. Every
junction (at the measure or not) is described by what the text shows of it: how far the
comma line reaches and whether the opener's first word would have fitted after it, how far
the opener's line reaches and whether the next line's first word would have fitted after
that, whether that line ends a clause, and, in `-layout` text, how far each of the two lines
is set in from the text's usual start. A two-level decision tree is learned from the
junctions of all documents but one and asked about that one's, for each document in turn
(leave one document out), so that it is judged on documents it has not seen, as the reader
is. Printed: the documents whose every junction it reads right, against the one rule's.

Usage:
  flat_ambiguity.py RESO_BIN DIR LANG [FORMAT ...] [--learn]
  (FORMAT: pdftotext, the default, or layout; DIR holds a PDF or DOCX and `.truth.json`
  beside each text: the paragraphs are read from the DOCX, else from the PDF)
"""
import glob, json, os, re, subprocess, sys, unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from format_eval import score  # noqa: E402  (same exact-structure check as the format table)

COMMAS = (",", "،", "，")
ENDS = COMMAS + (";", "؛", "；", ".", "。", ":", "：")
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
    measure, what the text shows of the junction: `features`) for each comma line followed,
    after the text's usual gap, by an opener."""
    lines = [BIDI.sub("", l) for l in lines]
    if fmt == "layout":
        body = [l for l in lines if len(l.strip()) > 20]
        ends = sorted(len(l.rstrip()) for l in body)
        right = ends[int(len(ends) * 0.9)] if ends else 0
        # Where lines start: the left on a left-to-right page, the right end on a
        # right-to-left one; the usual start is the commonest among the long lines.
        starts = [start_of(l, rtl, right) for l in body]
        usual_start = max(set(starts), key=starts.count) if starts else 0
        measure = max(1, right - usual_start)
    else:
        lens = sorted(width(l.strip()) for l in lines if len(l.strip()) > 20)
        p90 = lens[int(len(lens) * 0.9)] if lens else 0
        measure = max(1, p90)
    # The next non-blank line, and the blank lines before it: double-spaced text puts one
    # between every two lines, and only a gap as wide as the text's usual one says nothing.
    text_lines = [i for i, l in enumerate(lines) if l.strip()]
    gaps = [j - i - 1 for i, j in zip(text_lines, text_lines[1:])]
    usual = max(set(gaps), key=gaps.count) if gaps else 0
    after = dict(zip(text_lines, text_lines[1:]))
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
        k = after.get(j)
        word2 = width(lines[k].split()[0]) if k is not None and lines[k].split() else 0
        if fmt == "layout":
            full = (len(a) - len(a.lstrip()) < 1 + word) if rtl else (len(a) + 1 + word > right)
            reach_a = width(a.strip()) + start_of(a, rtl, right) - usual_start
            reach_b = width(b.strip()) + start_of(b, rtl, right) - usual_start
            set_in = [start_of(a, rtl, right) - usual_start, start_of(b, rtl, right) - usual_start]
        else:
            full = width(a.strip()) + 1 + word > p90
            reach_a, reach_b, set_in = width(a.strip()), width(b.strip()), []
        features = [reach_a / measure, (reach_a + 1 + word) / measure, reach_b / measure,
                    (reach_b + 1 + word2) / measure, float(b.rstrip().endswith(ENDS))] + [x / measure for x in set_in]
        found.append((i, j, full, features))
    return found


def start_of(line, rtl, right):
    """Columns before the line's first letter, read from where its script starts lines."""
    if rtl:
        return max(0, right - len(line.rstrip()))
    return len(line) - len(line.lstrip())


def learn_tree(rows, depth=2):
    """A decision tree of `depth` levels over `rows` of (features, label), split where the
    Gini impurity falls most, each split on one feature at a midpoint between two of its
    values. Leaves answer the commoner label (ties: opens, the prior)."""
    labels = [y for _, y in rows]
    leaf = ("leaf", int(sum(labels) * 2 >= len(labels)))
    if depth == 0 or not rows or len(set(labels)) == 1:
        return leaf

    def gini(ys):
        if not ys:
            return 0.0
        p = sum(ys) / len(ys)
        return 2 * p * (1 - p) * len(ys)

    best = (gini(labels), None)
    for f in range(len(rows[0][0])):
        values = sorted({x[f] for x, _ in rows})
        for lo, hi in zip(values, values[1:]):
            t = (lo + hi) / 2
            left = [y for x, y in rows if x[f] <= t]
            right = [y for x, y in rows if x[f] > t]
            g = gini(left) + gini(right)
            if g < best[0] - 1e-9:
                best = (g, (f, t))
    if best[1] is None:
        return leaf
    f, t = best[1]
    return ("split", f, t, learn_tree([r for r in rows if r[0][f] <= t], depth - 1),
            learn_tree([r for r in rows if r[0][f] > t], depth - 1))


def ask(tree, x):
    while tree[0] == "split":
        tree = tree[3] if x[tree[1]] <= tree[2] else tree[4]
    return tree[1]


def learned(per_doc):
    """Documents whose every junction a tree learned from the other documents reads right
    (leave one document out), and those the one rule `opens at every junction` reads right."""
    tree_right = rule_right = 0
    for name, rows in per_doc.items():
        others = [r for n, rs in per_doc.items() if n != name for r in rs]
        tree = learn_tree(others)
        tree_right += all(ask(tree, x) == y for x, y in rows)
        rule_right += all(y == 1 for _, y in rows)
    return tree_right, rule_right


def main():
    reso, root, lang = sys.argv[1], sys.argv[2], sys.argv[3]
    learn = "--learn" in sys.argv[4:]
    formats = [a for a in sys.argv[4:] if a != "--learn"] or ["pdftotext"]
    here = os.path.dirname(os.path.abspath(__file__))
    spec = json.load(open(os.path.join(here, "..", "Resources", "languages", f"{lang}.json"), encoding="utf-8"))
    openers = sorted({letters(o, 40) for o in spec["preambularOpeners"]}, key=len, reverse=True)
    rtl = spec.get("script") == "arabic"
    for fmt in formats:
        total = both = no_m = no_s = right = 0
        missed_ambiguous, missed_other, names = [], [], []
        per_doc = {}
        for truth_path in sorted(glob.glob(os.path.join(root, lang, "*.truth.json"))):
            base = truth_path[:-len(".truth.json")]
            text = f"{base}.{fmt}.txt"
            source = next((f"{base}.{ext}" for ext in ("docx", "pdf") if os.path.exists(f"{base}.{ext}")), None)
            if not os.path.exists(text) or source is None:
                continue
            total += 1
            _, starts = paragraph_starts(reso, source)
            lines = open(text, encoding="utf-8").read().replace("\f", "\n").split("\n")
            s = m = 0
            rows = []
            for _, j, full, features in junctions(lines, rtl, fmt, openers):
                opens = letters(" ".join(lines[j:j + 4]), KEY) in starts
                rows.append((features, int(opens)))
                if not full:
                    continue
                if opens:
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
            per_doc[name] = rows
            if m:
                names.append(name)
            if not ok:
                (missed_ambiguous if m else missed_other).append(name)
        print(f"{lang} {fmt}: {total} documents; {len(names)} with an opener after a comma at the measure "
              f"inside a paragraph ({' '.join(names)}), {both} of them also with paragraphs that open so. "
              f"Ceiling of one rule for such junctions: {max(no_m, no_s)}. The reader: {right}; of its "
              f"{total - right} misses, {len(missed_ambiguous)} hold such a junction inside a paragraph"
              + (f", the others: {' '.join(missed_other)}" if missed_other else ""))
        if learn:
            tree_right, rule_right = learned(per_doc)
            inside = sum(1 for rows in per_doc.values() for _, y in rows if not y)
            opening = sum(1 for rows in per_doc.values() for _, y in rows if y)
            print(f"{lang} {fmt} --learn: {opening + inside} junctions, {opening} open a paragraph and {inside} run "
                  f"on inside one; documents whose every junction is read right: the rule `opens` {rule_right}, "
                  f"a tree learned from the lengths of the other documents {tree_right}")


if __name__ == "__main__":
    main()
