"""Shared helpers for the dedup benchmark scripts (stdlib only).

Features are those of ../shared/tools/peers.py: tokens = maximal runs of Unicode alphanumerics
([^\\W_]+) after str.lower(); shingles = word 5-grams joined by " "; a document with fewer than 5
tokens gives one shingle of all its tokens; a document with no tokens has no shingles.
Documents are lines split on "\\n" only; ids are 0-based line numbers."""
import array, os, re

TOK = re.compile(r"[^\W_]+")

def shingles(text):
    t = TOK.findall(text.lower())
    if len(t) < 5:
        return [" ".join(t)] if t else []
    return list(map(" ".join, zip(t, t[1:], t[2:], t[3:], t[4:])))

def shingle_set(text):
    return set(shingles(text))

def jaccard(a, b):
    if not a and not b:
        return 0.0
    i = len(a & b)
    return i / (len(a) + len(b) - i)

def line_offsets(path):
    """array of N+1 byte offsets: line k is bytes [offs[k], offs[k+1]) (including its "\\n")."""
    offs = array.array("q", [0]); pos = 0
    with open(path, "rb") as f:
        for l in f:                  # binary iteration splits on b"\\n" only
            pos += len(l); offs.append(pos)
    return offs

def read_line(fd, offs, k):
    b = os.pread(fd, offs[k + 1] - offs[k], offs[k])
    if b.endswith(b"\n"): b = b[:-1]
    return b.decode("utf-8")

class Lines:
    """Random access to the lines of a corpus file."""
    def __init__(self, path):
        self.path = path; self.offs = line_offsets(path); self.fd = os.open(path, os.O_RDONLY)
    def __len__(self): return len(self.offs) - 1
    def __getitem__(self, k): return read_line(self.fd, self.offs, k)
    def close(self): os.close(self.fd)
