#!/usr/bin/env python3
"""Dump the candidate pairs the peers of ../shared/tools/peers.py find.

peers.py (read-only, in ../shared/tools) only prints counts ("candidate_pairs"). This script runs
the same code path - same corpus reading (split on "\\n" only), same shingles() (word 5-grams of
str.lower() + [^\\W_]+ runs; docs with < 5 tokens give one shingle of all tokens), same sketch
parameters (128 permutations; datasketch default affine32/sha1_hash32; rensa seed 42) and the same
LSH (threshold 0.8: datasketch picks its own bands/rows; rensa 16 bands x 8 rows) - and writes every
pair (i, j), i < j, that the LSH query returns, as TSV lines "i<TAB>j" (0-based line numbers).
Those are LSH *candidates*, unverified, exactly what peers.py counts.

Usage: peer_pairs.py CORPUS TOOL --pairs OUT.tsv [--limit N]
TOOL: ds | ds-xxh | rensa-r | rensa-rbatch
Prints one JSON line (docs, candidate_pairs, seconds); candidate_pairs must equal peers.py's.
"""
import argparse, json, re, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("corpus"); ap.add_argument("tool", choices=["ds", "ds-xxh", "rensa-r", "rensa-rbatch"])
ap.add_argument("--pairs", required=True)
ap.add_argument("--limit", type=int, default=0)
args = ap.parse_args()

TOK = re.compile(r"[^\W_]+")
def shingles(text):                      # verbatim from peers.py
    t = TOK.findall(text.lower())
    if len(t) < 5:
        return [" ".join(t)] if t else []
    return list(map(" ".join, zip(t, t[1:], t[2:], t[3:], t[4:])))

t_start = time.perf_counter()
with open(args.corpus, encoding="utf-8", newline="\n") as f:
    docs = [l[:-1] if l.endswith("\n") else l for l in f]
if args.limit: docs = docs[: args.limit]
N = len(docs)
tool = args.tool
cands = []                                # cands[i] = iterable of keys returned for doc i

if tool in ("ds", "ds-xxh"):
    from datasketch import MinHash, MinHashLSH
    kw = {"num_perm": 128}
    if tool == "ds-xxh":
        import xxhash; kw["hashfunc"] = xxhash.xxh32_intdigest
    sigs = []
    for d in docs:
        m = MinHash(**kw); m.update_batch([s.encode("utf-8") for s in shingles(d)]); sigs.append(m)
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    with lsh.insertion_session() as sess:
        for i, m in enumerate(sigs): sess.insert(i, m)
    query = lambda i: lsh.query(sigs[i])
elif tool == "rensa-r":
    from rensa import RMinHash, RMinHashLSH
    sigs = []
    for d in docs:
        m = RMinHash(num_perm=128, seed=42); m.update(shingles(d)); sigs.append(m)
    lsh = RMinHashLSH(threshold=0.8, num_perm=128, num_bands=16)
    for i, m in enumerate(sigs): lsh.insert(i, m)
    query = lambda i: lsh.query(sigs[i])
else:  # rensa-rbatch
    from rensa import RMinHash, RMinHashLSH
    CH = 4096; sigs = []
    for k in range(0, N, CH):
        sigs.extend(RMinHash.from_token_sets([shingles(d) for d in docs[k:k + CH]], 128, 42))
    lsh = RMinHashLSH(threshold=0.8, num_perm=128, num_bands=16)
    lsh.insert_many(sigs, 0)
    allc = lsh.query_all(sigs)
    query = lambda i: allc[i]

npairs = 0
with open(args.pairs, "w") as out:
    for i in range(N):
        js = sorted(j for j in query(i) if j > i)
        npairs += len(js)
        if js: out.write("".join(f"{i}\t{j}\n" for j in js))
print(json.dumps({"tool": tool, "docs": N, "candidate_pairs": npairs,
                  "seconds": round(time.perf_counter() - t_start, 3), "pairs_file": args.pairs}))
