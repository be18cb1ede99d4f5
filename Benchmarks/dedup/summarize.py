#!/usr/bin/env python3
"""Markdown table for one run.sh run directory.

Usage: summarize.py RUNDIR CORPUS
Reads RUNDIR/<tool>.<k>.time (GNU time -v output of run k; <tool>.time in runs of older scripts),
RUNDIR/<tool>.json (peers.py JSON line, peers only) and RUNDIR/score.json (score.py --json; optional)
for tools reprint, ds, rensa-r, rensa-rbatch. A tool timed more than once is shown by its median
run (by wall clock; the lower middle one of an even number), with every run's seconds beside it.
"""
import json, os, re, sys

rundir, corpus = sys.argv[1], sys.argv[2]
TOOLS = [("reprint", "reprint dedup"), ("ds", "datasketch (peers.py ds)"),
         ("rensa-r", "rensa RMinHash (peers.py rensa-r)"), ("rensa-rbatch", "rensa batch (peers.py rensa-rbatch)")]

def gtime(path):
    t = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t)
    secs = 0.0
    for part in m.group(1).split(":"): secs = secs * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
    cpu = re.search(r"Percent of CPU this job got: (\S+)", t).group(1)
    st = re.search(r"Exit status: (\d+)", t)
    return secs, rss * 1024 / 1e6, cpu, int(st.group(1)) if st else 0

score = {}
if os.path.exists(os.path.join(rundir, "score.json")):
    score = json.load(open(os.path.join(rundir, "score.json")))
n_lines = sum(1 for _ in open(corpus, "rb"))
n_bytes = os.path.getsize(corpus)

def median_run(key):
    """(seconds, rss, cpu, status) of the tool's median run and every run's seconds in order, or None."""
    runs = []
    for name in os.listdir(rundir):
        m = re.fullmatch(re.escape(key) + r"(?:\.(\d+))?\.time", name)
        if m: runs.append((int(m.group(1) or 0), gtime(os.path.join(rundir, name))))
    if not runs: return None
    runs = [r for _, r in sorted(runs)]
    return sorted(runs, key=lambda r: r[0])[(len(runs) - 1) // 2], [r[0] for r in runs]

rows = {}
for key, label in TOOLS:
    found = median_run(key)
    if not found: continue
    (secs, rss, cpu, status), runs = found
    if key == "reprint":
        docs, nb = n_lines, n_bytes
        rp = score.get("reprint", {})
        pairs = f"{rp['edges']} edges ({rp['implied_pairs']} in groups)" if rp else "n/a"
    else:
        j = json.loads(open(os.path.join(rundir, key + ".json")).read().strip().splitlines()[-1])
        docs, nb = j["docs"], j["bytes"]
        pairs = f"{j.get('candidate_pairs', 'n/a')} candidates"
    rows[key] = dict(label=label, docs=docs, mb=nb / 1e6, secs=secs, rss=rss, cpu=cpu, pairs=pairs,
                     status=status, runs=runs)

print(f"Corpus: `{os.path.basename(corpus)}` ({n_lines} docs, {n_bytes / 1e6:.1f} MB). "
      "Seconds = wall clock of the whole process (read + sketch + LSH), from `/usr/bin/time -v`; "
      "a tool timed several times (the tools in turn) is shown by its median run, every run's seconds beside it.\n")
print("| tool | docs | MB | seconds | runs (s) | MB/s | docs/s | CPU | peak RSS (MB) | duplicate pairs found |"
      " Reprint/peer speed (MB/s ratio) | agreement |")
print("|---|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|")
rep = rows.get("reprint")
for key, r in rows.items():
    mbs = r["mb"] / r["secs"] if r["secs"] else float("nan")
    dps = r["docs"] / r["secs"] if r["secs"] else float("nan")
    ratio = agree = "-"
    if key != "reprint" and rep and rep["secs"]:
        ratio = f"{(rep['mb'] / rep['secs']) / mbs:.1f}x"
    if key != "reprint":
        a = score.get("peers", {}).get(key, {}).get("agreement")
        agree = "n/a" if a is None else f"{a:.4f}"
    fail = "" if r["status"] == 0 else f" (exit {r['status']})"
    runs = ", ".join(f"{x:.2f}" for x in r["runs"])
    print(f"| {r['label']}{fail} | {r['docs']} | {r['mb']:.1f} | {r['secs']:.2f} | {runs} | {mbs:.2f} | {dps:.0f} |"
          f" {r['cpu']} | {r['rss']:.0f} | {r['pairs']} | {ratio} | {agree} |")
print("\nPeers' pairs are unverified LSH candidate pairs (i < j). Reprint's are (id, duplicate_of) edges; "
      "'in groups' = all pairs inside its union-find groups. Agreement = share of the peer's pairs whose two "
      "documents are in one Reprint duplicate group.")
