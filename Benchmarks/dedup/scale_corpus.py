#!/usr/bin/env python3
"""Build the dedup speed workload (Reuters-21578 + BBC News, one document per line).

Usage: scale_corpus.py [COPIES=10] [OUTDIR=<repo>/bench-out] [--shared DIR]

Writes
  news_base.txt        22,005 docs, 21,655,039 bytes (21.7 MB)
  news_xCOPIES.txt     COPIES * 22,005 docs (COPIES=10: 220,050 docs, 216,541,990 bytes)

This is a streaming re-implementation of ../shared/tools/scale_corpus.py (the script that made the
workload quoted in ../shared/tools/README.md). It produces byte-identical files (same cleaning,
same random.Random(2024) call sequence, same shuffle) but keeps only the base documents, the word
list (as references to shared string objects) and an offset table in memory; the mutated copies
are spilled to a temporary file and written out in shuffled order.

Recipe (as in the reference script):
  * Reuters-21578: every record whose "text" is non-empty after strip(); document = title + " " + text.
    BBC News: every record's "text". Cleaning: re.sub(r"\\s*\\n\\s*", " ", s).strip(), i.e. every
    whitespace run that contains a newline becomes one space. (Whitespace runs without a newline are
    kept; the output has one stray U+001E inside a Reuters line. Split lines on "\\n" only.)
  * copy 0 = verbatim base document; copies 1..COPIES-1: per document and copy an edit rate
    p ~ U[0.02, 0.25]; each whitespace-split word with probability p is edited:
    1/2 substituted, 1/4 deleted, 1/4 followed by an inserted word; inserted/substituted words are
    drawn uniformly from the corpus word list (all words of all base documents, with repetition).
  * all COPIES * N lines shuffled with the same Random(2024) instance after the mutations.
"""
import argparse, array, json, os, random, re, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_SHARED = os.environ.get("REPRINT_SHARED", os.path.join(REPO, "..", "shared"))
SEED = 2024

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("copies", nargs="?", type=int, default=10)
ap.add_argument("outdir", nargs="?", default=os.path.join(REPO, "bench-out"))
ap.add_argument("--shared", default=DEFAULT_SHARED, help="the shared/ directory (default: REPO/../shared)")
args = ap.parse_args()
if args.copies < 1:
    sys.exit("COPIES must be >= 1")
os.makedirs(args.outdir, exist_ok=True)
corp = os.path.join(args.shared, "corpora")

_NL = re.compile(r"\s*\n\s*")
def clean(s):
    return _NL.sub(" ", s).strip()

def base_docs():
    with open(os.path.join(corp, "reuters21578", "reuters21578.jsonl"), encoding="utf-8") as f:
        for l in f:
            d = json.loads(l); t = (d.get("text") or "").strip()
            if t:
                yield clean((d.get("title") or "") + " " + t)
    with open(os.path.join(corp, "bbc_news", "bbc_news.jsonl"), encoding="utf-8") as f:
        for l in f:
            yield clean(json.loads(l)["text"])

def atomic_path(p):
    return p + ".part"

# ---- base file + word list (words interned through a dict: same list length and values as the
# reference's [w for d in docs for w in d.split(" ")], ~8 bytes per occurrence) -------------------
base_path = os.path.join(args.outdir, "news_base.txt")
docs, words, canon = [], [], {}
n_base_bytes = 0
with open(atomic_path(base_path), "w", encoding="utf-8", newline="\n") as f:
    for d in base_docs():
        docs.append(d)
        for w in d.split(" "):
            words.append(canon.setdefault(w, w))
        f.write(d + "\n")
        n_base_bytes += len(d.encode("utf-8")) + 1
os.replace(atomic_path(base_path), base_path)
del canon
N = len(docs)

# ---- mutated copies, in generation order, spilled to a temp file with an offset table ----------
rng = random.Random(SEED)
out_path = os.path.join(args.outdir, f"news_x{args.copies}.txt")
offs = array.array("q", [0])
spill = tempfile.NamedTemporaryFile(prefix=".news_spill_", dir=args.outdir, delete=False)
try:
    pos = 0
    w = spill.write
    for d in docs:                     # copy 0: verbatim
        b = (d + "\n").encode("utf-8"); w(b); pos += len(b); offs.append(pos)
    rnd, choice, uni = rng.random, rng.choice, rng.uniform
    for c in range(1, args.copies):
        for d in docs:
            p = uni(0.02, 0.25); o = []
            for wd in d.split(" "):
                r = rnd()
                if r >= p: o.append(wd)
                elif r < p / 2: o.append(choice(words))
                elif r < 3 * p / 4: pass
                else: o.append(wd); o.append(choice(words))
            b = (" ".join(o) + "\n").encode("utf-8"); w(b); pos += len(b); offs.append(pos)
    spill.close()
    del words
    # Same permutation as the reference's rng.shuffle(out): shuffle() only swaps positions, so
    # shuffling the index array with the same generator state gives the same order.
    perm = array.array("I", range(len(offs) - 1))
    rng.shuffle(perm)
    with open(spill.name, "rb") as sf, open(atomic_path(out_path), "wb") as of:
        fd = sf.fileno(); pread = os.pread   # pread, not mmap: keeps the page cache out of RSS
        buf = []; nb = 0
        for i in perm:
            a = offs[i]; s = pread(fd, offs[i + 1] - a, a); buf.append(s); nb += len(s)
            if nb >= 1 << 22:
                of.write(b"".join(buf)); buf = []; nb = 0
        of.write(b"".join(buf))
    os.replace(atomic_path(out_path), out_path)
finally:
    try: os.unlink(spill.name)
    except FileNotFoundError: pass

# same summary line as the reference: base docs, base bytes, scaled docs, scaled bytes
print(N, n_base_bytes, len(perm), pos)
