#!/usr/bin/env python3
"""How well the letter model (`ArabicLetterModel`) reads reversed lam-alef ligatures back.

Every word is reversed as a font that gives its ligatures backwards reverses it (each lam
before an alef the other way round), mended by the letter rules (`ArabicLigatures.repair`),
then read as `ReversedLigatureRepair` reads it: every alef-lam pair still open is tried both
ways and the likeliest reading kept when it beats the word as it stands by the margin. This
mirrors the Swift code on the table compiled into the binary
(Resources/LetterModels+Embedded.swift).

Counted over the words that still hold an open pair after the letter rules (the only ones
the model decides): how many come out as written, against how many did before it.
- `held out`: the Arabic texts of the corpus that the table was not counted from (every
  other one by sorted name: the script that writes the table counts the others).
- `general`: the 50,000 commonest Arabic words of `wordfreq` (Wikipedia, subtitles, news,
  the web), weighted by their frequency, when that package is installed: Arabic of other
  registers than the UN's, which the table never saw.

Usage: ligature_eval.py [CORPUS_DIR]
"""
import glob, math, os, pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
corpus = sys.argv[1] if len(sys.argv) > 1 else str(root.parent / "shared" / "corpus" / "sc-2020")
ALEF, LAM, MAKSURA = "اأإآ", "ل", "ى"
WORD = re.compile(r"[\u0620-\u065f\u0670-\u06d3]+")
MARGIN, MAX_OPEN = 2.0, 4


def table():
    text = (root / "Resources" / "LetterModels+Embedded.swift").read_text(encoding="utf-8")
    body = text.split('"ar": ####"""\n', 1)[1].split('\n"""####', 1)[0]
    counts = {}
    for line in body.split("\n"):
        gram, n = line.split("\t")
        counts[gram] = int(n)
    return counts


def reverse(w):
    o, i = list(w), 0
    while i + 1 < len(o):
        if o[i] == LAM and (o[i + 1] in ALEF or o[i + 1] == MAKSURA):
            o[i], o[i + 1] = o[i + 1], o[i]; i += 2
        else:
            i += 1
    return "".join(o)


def letter_rules(w):
    """`ArabicLigatures.repair` on one word."""
    o, i = list(w), 0
    while i + 1 < len(o):
        a, b = o[i], o[i + 1]
        swap = (a == MAKSURA and b == LAM) or (a in ALEF and b == LAM and (
            (i > 0 and o[i - 1] == "ا") or (a == "ا" and i == 0 and i + 2 >= len(o))))
        if swap:
            o[i], o[i + 1] = o[i + 1], o[i]; i += 2
        else:
            i += 1
    return "".join(o)


class Model:
    def __init__(self, counts):
        self.order, self.unigrams = counts.pop("#order"), counts.pop("#unigrams")
        self.c = counts

    def log_likelihood(self, w):
        n = self.order
        t = "^" * (n - 1) + w + "$"
        total = 0.0
        for i in range(n - 1, len(t)):
            p, weight = 1e-9, 1.0
            for k in range(n, 0, -1):
                gram, context = self.c.get(t[i - k + 1:i + 1], 0), (self.c.get(t[i - k + 1:i], 0) if k > 1 else self.unigrams)
                if gram > 0 and context > 0:
                    p = weight * gram / context; break
                weight *= 0.4
            total += math.log(p)
        return total

    def read(self, w):
        pairs = [i for i in range(len(w) - 1) if w[i] in ALEF and w[i + 1] == LAM][:MAX_OPEN]
        base = self.log_likelihood(w)
        best, best_score = w, base
        for choice in range(1, 1 << len(pairs)):
            o = list(w)
            for bit, i in enumerate(pairs):
                if choice & (1 << bit):
                    o[i], o[i + 1] = o[i + 1], o[i]
            r = "".join(o)
            s = self.log_likelihood(r)
            if s > best_score:
                best, best_score = r, s
        return best if best_score - base > MARGIN else w


def score(model, weighted_words):
    total = before = after = 0.0
    for w, weight in weighted_words:
        broken = letter_rules(reverse(w))
        if not any(broken[i] in ALEF and broken[i + 1] == LAM for i in range(len(broken) - 1)):
            continue
        total += weight
        before += weight * (broken == w)
        after += weight * (model.read(broken) == w)
    return total, before, after


def main():
    model = Model(table())
    files = sorted(glob.glob(os.path.join(corpus, "ar", "*.plain.txt")))[1::2]
    words = [(w, 1) for f in files for w in WORD.findall(open(f, encoding="utf-8").read())]
    total, before, after = score(model, words)
    print(f"held out ({len(files)} corpus texts): {int(total)} words with an open pair; "
          f"as written before the model {before / total:.2%}, after {after / total:.2%}")
    try:
        import wordfreq
    except ImportError:
        print("general: wordfreq is not installed (pip install wordfreq)")
        return
    common = wordfreq.top_n_list("ar", 50000)
    total, before, after = score(model, [(w, wordfreq.word_frequency(w, "ar")) for w in common])
    print(f"general (wordfreq, 50,000 words by frequency): as written before the model "
          f"{before / total:.2%}, after {after / total:.2%}")


if __name__ == "__main__":
    main()
