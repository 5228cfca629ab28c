#!/usr/bin/env python3
"""Whole-process wall times of two reso builds against `wc -m`, interleaved.

hyperfine times all runs of one command before the next; on a machine whose speed drifts
from minute to minute that favours whichever came at a fast moment. Here each round runs
`wc -m FILE`, `OLD show FILE --format json` and `NEW show FILE --format json` once (in
alternating order), output to /dev/null, and the medians of the rounds are compared.

Usage:
  interleaved_bench.py ROUNDS OLD_RESO NEW_RESO FILE...
"""
import statistics, subprocess, sys, time

def main():
    rounds, old, new = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    for path in sys.argv[4:]:
        cmds = {"wc": ["wc", "-m", path], "old": [old, "show", path, "--format", "json"],
                "new": [new, "show", path, "--format", "json"]}
        times = {k: [] for k in cmds}
        for k in cmds:  # one warm-up run each
            subprocess.run(cmds[k], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for i in range(rounds):
            for k in (["wc", "old", "new"] if i % 2 == 0 else ["new", "old", "wc"]):
                start = time.perf_counter()
                subprocess.run(cmds[k], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[k].append((time.perf_counter() - start) * 1000)
        m = {k: statistics.median(v) for k, v in times.items()}
        print(f"{path.split('/')[-1]}: wc -m {m['wc']:.0f} ms | old {m['old']:.0f} ms ({m['old'] / m['wc']:.1f}x)"
              f" | new {m['new']:.0f} ms ({m['new'] / m['wc']:.1f}x)")

if __name__ == "__main__":
    main()
