#!/usr/bin/env python3
"""Exact near-duplicate ground truth for a deterministic sample of documents.

Usage: exact_pairs.py CORPUS --sample N [--threshold 0.8] [--seed 1] [--jobs J] [--out TRUTH.tsv]

Picks N line numbers with random.Random(seed).sample(range(docs), N) and finds, with exact set
arithmetic on the shingle *strings* (no hashing, no sketching), every pair (sample doc a, any
other doc b of the corpus) with Jaccard(shingles(a), shingles(b)) >= threshold.

Method: an inverted index shingle -> [sample docs] is built for the sample only; the whole corpus
is then streamed once and, for each document b, |A & B| is counted for every sample doc A sharing
at least one shingle with b. Any pair with J > 0 shares a shingle, so the result is complete; the
test J >= t is done in integers (inter * den >= num * union). The corpus is split into line ranges
processed by J forked workers.

Output (TSV, default stdout): comment lines "# key=value" (corpus, docs, threshold, seed, sample
size, sample ids), a header, then one row per unordered pair with a < b:
    a  b  jaccard  inter  size_a  size_b
Pairs whose two ends are both in the sample appear once. Features: see benchlib.py (= peers.py).
"""
import argparse, os, random, sys, time
from fractions import Fraction
from multiprocessing import get_context
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import shingles, line_offsets, Lines

ap = argparse.ArgumentParser()
ap.add_argument("corpus")
ap.add_argument("--sample", type=int, default=2000)
ap.add_argument("--threshold", type=float, default=0.8)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
ap.add_argument("--out", default="-")
args = ap.parse_args()
T = Fraction(str(args.threshold)); TN, TD = T.numerator, T.denominator

t0 = time.perf_counter()
L = Lines(args.corpus); N = len(L)
sample = sorted(random.Random(args.seed).sample(range(N), min(args.sample, N)))
# inverted index over the sample's distinct shingles
S_sets = [set(shingles(L[a])) for a in sample]
S_size = [len(s) for s in S_sets]
index = {}
for k, s in enumerate(S_sets):
    for sh in s:
        index.setdefault(sh, []).append(k)
del S_sets

def work(rng):
    lo, hi = rng
    out = []
    get = index.get
    with open(args.corpus, "rb") as f:
        f.seek(L.offs[lo])
        data = f.read(L.offs[hi] - L.offs[lo])
    b = lo
    for raw in data.split(b"\n")[: hi - lo]:
        B = set(shingles(raw.decode("utf-8")))
        if B:
            cnt = {}
            for sh in B:
                ks = get(sh)
                if ks:
                    for k in ks: cnt[k] = cnt.get(k, 0) + 1
            nb = len(B)
            for k, inter in cnt.items():
                a = sample[k]
                if a == b: continue
                union = S_size[k] + nb - inter
                if inter * TD >= TN * union:
                    out.append((min(a, b), max(a, b), inter, S_size[k] if a < b else nb,
                                nb if a < b else S_size[k]))
        b += 1
    return out

CH = 5000
ranges = [(lo, min(N, lo + CH)) for lo in range(0, N, CH)]
if args.jobs > 1:
    with get_context("fork").Pool(args.jobs) as pool:
        parts = pool.map(work, ranges, chunksize=1)
else:
    parts = map(work, ranges)
pairs = sorted(set(p for part in parts for p in part))
secs = time.perf_counter() - t0

fh = sys.stdout if args.out == "-" else open(args.out, "w")
fh.write(f"# corpus={os.path.abspath(args.corpus)}\n# docs={N}\n# threshold={args.threshold}\n"
         f"# seed={args.seed}\n# sample_size={len(sample)}\n"
         f"# sample={','.join(map(str, sample))}\n")
fh.write("a\tb\tjaccard\tinter\tsize_a\tsize_b\n")
for a, b, i, sa, sb in pairs:
    fh.write(f"{a}\t{b}\t{i / (sa + sb - i):.6f}\t{i}\t{sa}\t{sb}\n")
if fh is not sys.stdout: fh.close()
with_dup = len({x for p in pairs for x in p[:2]} & set(sample))
print(f"exact_pairs: {N} docs, sample {len(sample)}, {len(pairs)} pairs with J >= {args.threshold}, "
      f"{with_dup} sample docs have >= 1, {secs:.1f} s", file=sys.stderr)
