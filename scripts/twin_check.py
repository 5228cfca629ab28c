#!/usr/bin/env python3
"""Asks whether a paragraph junction that reso misreads in a text form is there to be read.

For each document of a typeset folder (scripts/typeset.py output) whose preamble reso reads
differently from a text form than from the document's own Word file, this makes one twin per
misread junction: the same document with that junction flipped the way reso read it (a
paragraph cut where reso cut it, or run on into the one before where reso ran it on). The
typesetter sets the twin with the same layout variant and the same notes (both are drawn from
the file name; its --flip option flips the junction after the notes are placed). Both PDFs are
converted to the text form with poppler and the two texts compared byte for byte.

Identical texts mean that two documents that differ in structure give poppler's reader the same
text: no reader of that text reads both right, and the junction is not in it. Texts identical
but for blank lines are counted apart: the twin's paragraph spacing moves text down the page,
and a blank line comes or goes at a page's foot. A difference means the text still holds
something of the junction (most often the lengths of the lines around it).

With --typesetter html the folder is scripts/typeset_html.py output (the held-out set, set by
Chromium), which has no Word file: the document's own PDF, read by reso, is the reference.

Usage:
  twin_check.py RESO_BIN TYPESET_DIR OUT_DIR [--corpus DIR] [--lang ru[,zh]]
                [--formats pdftotext,layout] [--names 2506,2510] [--typesetter html]
Needs soffice (or chromium) and poppler-utils on PATH, as the typesetter does. Standard
library only.
"""
import argparse, difflib, glob, json, os, re, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from typeset import junction_key  # one key for flipping a junction and for finding it

ARGS = {"pdftotext": [], "layout": ["-layout"]}  # pdftotext's arguments for each text form


def preamble(reso, path):
    out = subprocess.run([reso, "show", "--format", "json", path], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return [p["text"] for p in json.loads(out.stdout).get("preamble", [])]


def key(t):
    return junction_key(t)[:20]


def poppler_text(pdf, fmt):
    return subprocess.run(["pdftotext", *ARGS[fmt], pdf, "-"], capture_output=True).stdout


def misreads(reference, read):
    """The junctions reso read otherwise: ('cut', text of the paragraph reso started) for a
    paragraph cut inside one of the reference's, ('join', text of the reference paragraph
    reso ran on into the one before)."""
    ka, kb = [key(t) for t in reference], [key(t) for t in read]
    known = set(ka)
    flips = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        flips += [("cut", t) for t in read[j1:j2] if key(t) not in known]
        kept = set(kb)
        flips += [("join", t) for t in reference[i1:i2] if key(t) not in kept]
    return flips


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reso"); ap.add_argument("typeset"); ap.add_argument("out")
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "sc-2020"))
    ap.add_argument("--lang", default="ru")
    ap.add_argument("--formats", default="pdftotext,layout")
    ap.add_argument("--names", default="")
    ap.add_argument("--typesetter", choices=["libreoffice", "html"], default="libreoffice")
    a = ap.parse_args()
    want = set(a.names.split(",")) if a.names else None
    tally = {}
    for lang in a.lang.split(","):
        for fmt in a.formats.split(","):
            for truth in sorted(glob.glob(os.path.join(a.typeset, lang, "*.truth.json"))):
                name = os.path.basename(truth)[:-len(".truth.json")]
                if want and re.search(r"S_RES_(\d+)_", name).group(1) not in want:
                    continue
                base = os.path.join(a.typeset, lang, name)
                text = os.path.join(a.out, "read", lang, name + "." + fmt + ".txt")
                os.makedirs(os.path.dirname(text), exist_ok=True)
                original = poppler_text(base + ".pdf", fmt)
                open(text, "wb").write(original)
                reference = preamble(a.reso, base + (".pdf" if a.typesetter == "html" else ".docx"))
                read = preamble(a.reso, text)
                if reference is None or read is None or [key(t) for t in reference] == [key(t) for t in read]:
                    continue
                flips = misreads(reference, read)
                cell = tally.setdefault((lang, fmt), {"documents": 0, "unread": 0, "junctions": 0,
                                                      "same": 0, "blanks": 0, "differs": 0, "not made": 0})
                cell["documents"] += 1
                verdicts = []
                # One twin a junction: where one flip leaves a trace in the text and another
                # does not, the document still holds a junction no reader can get right.
                for n, (kind, t) in enumerate(flips):
                    cell["junctions"] += 1
                    # The twin's corpus holds this one document, so each typesetter sets only it,
                    # with the same variant and notes (both drawn from the name) and one flip.
                    corpus = os.path.join(a.out, "corpus", fmt, f"{name}-{n}", lang)
                    os.makedirs(corpus, exist_ok=True)
                    for f in glob.glob(os.path.join(a.corpus, lang, name + ".*")):
                        shutil.copy(f, corpus)
                    flips_file = os.path.join(corpus, "..", "flip.json")
                    json.dump([[kind, key(t)]], open(flips_file, "w", encoding="utf-8"), ensure_ascii=False)
                    typeset = os.path.join(a.out, "twins", fmt, f"{name}-{n}")
                    script = "typeset_html.py" if a.typesetter == "html" else "typeset.py"
                    made = subprocess.run([sys.executable, os.path.join(here, script), typeset, "--corpus",
                                           os.path.dirname(corpus), "--langs", lang, "--flip", flips_file],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    if made.returncode != 0:
                        cell["not made"] += 1
                        print(f"{lang} {fmt} {name}: {kind} at «{t[:40]}»: twin not made", flush=True)
                        continue
                    # The flip took: reso reads the twin's own file (Word, or PDF for Chromium's)
                    # with one paragraph more or less than the document's.
                    twin_base = os.path.join(typeset, lang, name)
                    twin_reference = preamble(a.reso, twin_base + (".pdf" if a.typesetter == "html" else ".docx"))
                    if twin_reference is None or len(twin_reference) != len(reference) + (1 if kind == "cut" else -1):
                        cell["not made"] += 1
                        print(f"{lang} {fmt} {name}: {kind} at «{t[:40]}»: the twin's own file does not show the flip", flush=True)
                        continue
                    other = poppler_text(twin_base + ".pdf", fmt)
                    # Blank lines apart: the twin's paragraph spacing moves text down the page,
                    # and a blank line comes or goes at a page's foot far from the junction.
                    inked = lambda b: [l for l in b.decode().splitlines() if l.strip()]
                    verdict = "same" if other == original else "blanks" if inked(other) == inked(original) else "differs"
                    cell[verdict] += 1
                    verdicts.append(verdict)
                    changed = sum(1 for l in difflib.unified_diff(inked(original), inked(other), n=0)
                                  if l[:1] in "+-" and l[:3] not in ("+++", "---"))
                    said = {"same": "IDENTICAL", "blanks": "identical but for blank lines"}.get(verdict, f"differs in {changed} lines")
                    print(f"{lang} {fmt} {name}: {kind} at «{t[:40]}»: twin's text {said}", flush=True)
                if "same" in verdicts or "blanks" in verdicts:
                    cell["unread"] += 1
    for (lang, fmt), c in sorted(tally.items()):
        print(f"{lang} {fmt}: {c['documents']} documents misread, {c['unread']} of them at a junction whose twin "
              f"reads the same; of {c['junctions']} junctions, twin's text identical {c['same']}, identical but "
              f"for blank lines {c['blanks']}, differs {c['differs']}, not made {c['not made']}")


if __name__ == "__main__":
    main()
