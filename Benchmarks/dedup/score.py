#!/usr/bin/env python3
"""Score a `reprint dedup` report against exact ground truth (and compare with peers' pairs).

Usage: score.py --truth TRUTH.tsv [--report REPORT.jsonl] [--peer-pairs [NAME=]FILE ...]
                [--corpus CORPUS] [--threshold T] [--precision-sample 5000] [--seed 1] [--json OUT]

Report: JSONL, one object per line with "id" and "duplicate_of" (1-based line numbers, as strings
or ints: the ids of `reprint dedup --lines` and `reprint scan --lines`; converted here to the
0-based line numbers of the truth and peer files); objects whose duplicate_of is null/absent/equal to id are not duplicate edges. Other
fields ("relation", "resemblance") are optional; if "resemblance" is numeric its error against the
exact Jaccard is reported.

Reprint
  recall     = share of truth pairs (a, b) (exact_pairs.py) whose ends fall in the same duplicate
               group, groups = union-find over the reported (id, duplicate_of) edges
               ("recall_direct": share that are themselves a reported edge, for information)
  precision  = share of reported (id, duplicate_of) edges with exact Jaccard >= T, computed exactly
               on all edges or on a deterministic sample of --precision-sample of them
Peers (files of "i<TAB>j" lines, from peer_pairs.py; unverified LSH candidates)
  agreement  = share of the peer's pairs whose ends are in the same Reprint duplicate group
  recall     = share of truth pairs that are a peer pair (direct) / in the same peer group (union-find)
  precision  = share of the peer's pairs with exact Jaccard >= T (sampled as above)
  reprint_edges_in_peer_groups = share of Reprint edges whose ends are in the same peer group
Corpus and threshold default to the values recorded in the truth file.
"""
import argparse, json, os, random, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Lines, shingle_set

ap = argparse.ArgumentParser()
ap.add_argument("--truth", required=True)
ap.add_argument("--report", help="reprint dedup --report JSONL (optional: peers only)")
ap.add_argument("--peer-pairs", action="append", default=[])
ap.add_argument("--corpus")
ap.add_argument("--threshold", type=float)
ap.add_argument("--precision-sample", type=int, default=5000)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--json")
args = ap.parse_args()

meta, truth = {}, []
with open(args.truth) as f:
    for l in f:
        if l.startswith("#"):
            k, _, v = l[1:].strip().partition("="); meta[k] = v
        elif l[:1].isdigit():
            a, b = l.split("\t", 2)[:2]; truth.append((int(a), int(b)))
corpus = args.corpus or meta.get("corpus")
T = args.threshold if args.threshold is not None else float(meta.get("threshold", 0.8))
L = Lines(corpus); N = len(L)
if "docs" in meta and int(meta["docs"]) != N:
    sys.exit(f"corpus {corpus} has {N} lines, truth was computed on {meta['docs']}")

class UF:
    def __init__(self): self.p = {}
    def find(self, x):
        p = self.p
        r = x
        while p.get(r, r) != r: r = p[r]
        while p.get(x, x) != r: p[x], x = r, p[x]
        return r
    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb: self.p[max(ra, rb)] = min(ra, rb)
    def same(self, a, b): return self.find(a) == self.find(b)
    def group_sizes(self):        # keys of p are exactly the non-root members
        sizes = {}
        for x in list(self.p): r = self.find(x); sizes[r] = sizes.get(r, 1) + 1
        return sizes

def as_id(v):
    s = str(v)
    if not s.isdigit() or int(s) == 0: sys.exit(f"report id {v!r} is not a 1-based line number")
    return int(s) - 1

edges, resem, relations = [], {}, {}
with open(args.report or os.devnull) as f:
    for l in f:
        l = l.strip()
        if not l: continue
        o = json.loads(l)
        if "id" not in o: continue
        d = o.get("duplicate_of")
        if d is None or d == "" or str(d) == str(o["id"]): continue
        e = (as_id(o["id"]), as_id(d))
        edges.append(e)
        relations[o.get("relation")] = relations.get(o.get("relation"), 0) + 1
        r = o.get("resemblance")
        if isinstance(r, (int, float)): resem[e] = float(r)
bad = [e for e in edges if not (0 <= e[0] < N and 0 <= e[1] < N)]
if bad: sys.exit(f"{len(bad)} report edges point outside the corpus, e.g. {bad[0]}")
uf = UF()
for a, b in edges: uf.union(a, b)
edge_set = {(min(a, b), max(a, b)) for a, b in edges}

_cache = {}
def sset(k):
    s = _cache.get(k)
    if s is None:
        if len(_cache) > 20000: _cache.clear()
        s = _cache[k] = shingle_set(L[k])
    return s
def exact_j(a, b):
    A, B = sset(a), sset(b)
    if not A or not B: return 0.0
    i = len(A & B); return i / (len(A) + len(B) - i)
def precision(pairs):
    pairs = list(pairs)
    if not pairs: return None, 0, []
    smp = pairs if len(pairs) <= args.precision_sample else \
        random.Random(args.seed).sample(pairs, args.precision_sample)
    js = [exact_j(a, b) for a, b in smp]
    return sum(j >= T for j in js) / len(js), len(smp), js

res = {"corpus": corpus, "docs": N, "threshold": T, "truth_pairs": len(truth),
       "truth_sample_size": int(meta.get("sample_size", 0))}
p, n, js = precision(edges)
gs = uf.group_sizes()
rp = {"edges": len(edges), "relations": relations, "groups": len(gs), "docs_in_groups": sum(gs.values()),
      "implied_pairs": sum(s * (s - 1) // 2 for s in gs.values()),
      "recall": (sum(uf.same(a, b) for a, b in truth) / len(truth)) if truth else None,
      "recall_direct": (sum((a, b) in edge_set for a, b in truth) / len(truth)) if truth else None,
      "precision": p, "precision_checked": n,
      "mean_exact_jaccard_checked": (sum(js) / len(js)) if js else None}
if resem:
    smp = [e for e in (edges if len(edges) <= args.precision_sample else
                       random.Random(args.seed).sample(edges, args.precision_sample)) if e in resem]
    errs = [abs(resem[e] - exact_j(*e)) for e in smp]
    rp["resemblance_mean_abs_err"] = sum(errs) / len(errs) if errs else None
if args.report: res["reprint"] = rp

res["peers"] = {}
for spec in args.peer_pairs:
    name, _, path = spec.rpartition("=")
    name = name or os.path.basename(path).rsplit(".", 1)[0]
    pairs = []
    with open(path) as f:
        for l in f:
            if l[:1].isdigit():
                a, b = l.split("\t", 2)[:2]; a, b = int(a), int(b); pairs.append((min(a, b), max(a, b)))
    puf = UF()
    for a, b in pairs: puf.union(a, b)
    pset = set(pairs)
    p, n, _ = precision(pairs)
    res["peers"][name] = {
        "pairs": len(pairs),
        "agreement": (sum(uf.same(a, b) for a, b in pairs) / len(pairs)) if pairs and args.report else None,
        "reprint_edges_in_peer_groups": (sum(puf.same(a, b) for a, b in edges) / len(edges)) if edges else None,
        "recall_direct": (sum(t in pset for t in truth) / len(truth)) if truth else None,
        "recall": (sum(puf.same(a, b) for a, b in truth) / len(truth)) if truth else None,
        "precision": p, "precision_checked": n}

def f(x): return "n/a" if x is None else f"{x:.4f}"
print(f"Truth: {len(truth)} pairs with J >= {T} for a sample of {res['truth_sample_size']} docs of {N}.\n")
print("| system | pairs/edges reported | recall (same group) | recall (direct pair) | precision | checked |")
print("|---|---:|---:|---:|---:|---:|")
if args.report: print(f"| reprint | {rp['edges']} edges | {f(rp['recall'])} | {f(rp['recall_direct'])} | {f(rp['precision'])} | {rp['precision_checked']} |")
for name, q in res["peers"].items():
    print(f"| {name} | {q['pairs']} pairs | {f(q['recall'])} | {f(q['recall_direct'])} | {f(q['precision'])} | {q['precision_checked']} |")
if res["peers"] and args.report:
    print("\n| peer | peer pairs also in one Reprint group (agreement) | Reprint edges inside one peer group |")
    print("|---|---:|---:|")
    for name, q in res["peers"].items():
        print(f"| {name} | {f(q['agreement'])} | {f(q['reprint_edges_in_peer_groups'])} |")
if "resemblance_mean_abs_err" in rp:
    print(f"\nReprint resemblance vs exact Jaccard: mean abs error {f(rp['resemblance_mean_abs_err'])}")
if args.json:
    with open(args.json, "w") as fh: json.dump(res, fh, indent=1)
