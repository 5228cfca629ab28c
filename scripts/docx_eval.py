#!/usr/bin/env python3
"""Scores `reso show FILE.docx --format json` against the typeset truth files.
Usage: docx_eval.py RESO_BIN DIR [-v] [--ext docx]
DIR holds <lang>/NAME.docx with NAME.truth.json beside it (the typeset output layout).
Prints, per language, exact documents / documents (preambular count, operative numbers,
subparagraph labels, headings with their positions, footnote count)."""
import json, glob, subprocess, sys, os, collections, importlib.util

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("corpus_eval_compare", os.path.join(here, "corpus_eval.py"))

def load_compare():
    # corpus_eval.py runs main() on import; take only its compare() from the source.
    src = open(os.path.join(here, "corpus_eval.py")).read().split("\ndef main():")[0]
    ns = {}
    exec(compile(src, "corpus_eval.py", "exec"), ns)
    return ns["compare"]

def main():
    reso, root = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv
    ext = sys.argv[sys.argv.index("--ext") + 1] if "--ext" in sys.argv else "docx"
    compare = load_compare()
    stats = collections.defaultdict(lambda: [0, 0])
    for lang in sorted(os.listdir(root)):
        for path in sorted(glob.glob(f"{root}/{lang}/*.{ext}")):
            truth_path = path[: -len(ext) - 1] + ".truth.json"
            if not os.path.exists(truth_path):
                continue
            truth = json.load(open(truth_path))
            stats[lang][1] += 1
            run = subprocess.run([reso, "show", path, "--format", "json"], capture_output=True)
            if run.returncode != 0:
                if verbose: print("ERR", path, run.stderr[:300])
                continue
            problems = compare(json.loads(run.stdout), truth)
            if not problems: stats[lang][0] += 1
            elif verbose: print("FAIL", path, *problems, sep="\n   ")
    for k, (ok, n) in sorted(stats.items()):
        print(f"{k}: {ok}/{n} exact ({100*ok/n:.1f}%)")

main()
