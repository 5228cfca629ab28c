#!/usr/bin/env python3
"""Scores `reso show --format json` against the corpus truth files.
Usage: corpus_eval.py RESO_BIN CORPUS_DIR [-v]   (per language: exact documents / documents)."""
import json, glob, subprocess, sys, os, re, collections

def norm_label(l):
    return re.sub(r"[()（）’‘]", "", l).strip()

def flatten(subs):
    out = []
    for s in subs:
        out.append(s["label"]); out += flatten(s.get("subparagraphs") or [])
    return out

def compare(doc, truth):
    problems = []
    if len(doc["preamble"]) != truth["preambular"]:
        problems.append(f"preambular {len(doc['preamble'])} != {truth['preambular']}")
    nums = [p["number"] for p in doc["operative"]]
    if nums != truth["operative"]:
        problems.append(f"operative {nums[:3]}..{nums[-3:]} ({len(nums)}) != ({len(truth['operative'])})")
    subs = {str(p["number"]): [norm_label(l) for l in flatten(p["subparagraphs"])] for p in doc["operative"] if p["subparagraphs"]}
    for p in doc["preamble"]:
        if p["subparagraphs"]: subs["pp" + str(p["index"])] = flatten(p["subparagraphs"])
    tsubs = {k: [norm_label(l) for l in v] for k, v in truth["subparagraphs"].items()}
    if subs != tsubs:
        problems.append(f"subparagraphs {subs} != {tsubs}")
    hs = {h["id"]: h for h in doc["headings"]}
    mine = [(h["text"], int(h["before"][2:]) if h["before"] and h["before"].startswith("op") else h["before"]) for h in doc["headings"]]
    theirs = [(t, n) for t, n in truth["headings"]]
    if [(re.sub(r"\s+", " ", a), b) for a, b in mine] != [(re.sub(r"\s+", " ", a), b) for a, b in theirs]:
        problems.append(f"headings {mine} != {theirs}")
    if len(doc["footnotes"]) != truth["footnotes"]:
        problems.append(f"footnotes {len(doc['footnotes'])} != {truth['footnotes']}")
    return problems

def main():
    reso, corpus = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv
    stats = collections.defaultdict(lambda: [0, 0])
    for lang in sorted(os.listdir(corpus)):
        for truth_path in sorted(glob.glob(f"{corpus}/{lang}/*.truth.json")):
            truth = json.load(open(truth_path))
            for kind in ("md", "plain"):
                path = truth_path.replace(".truth.json", f".{kind}.txt")
                run = subprocess.run([reso, "show", path, "--format", "json"], capture_output=True)
                key = lang
                stats[key][1] += 1
                if run.returncode != 0:
                    if verbose: print("ERR", path, run.stderr[:200]); continue
                doc = json.loads(run.stdout)
                problems = compare(doc, truth)
                if not problems: stats[key][0] += 1
                elif verbose: print("FAIL", path, *problems, sep="\n   ")
    for k, (ok, n) in sorted(stats.items()):
        print(f"{k}: {ok}/{n} exact ({100*ok/n:.1f}%)")

if __name__ == "__main__":  # format_eval.py imports compare()
    main()
