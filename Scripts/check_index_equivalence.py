#!/usr/bin/env python3
"""Check that `reprint index add`, one document at a time, gives the relations and clusters of `reprint scan`.

Usage: check_index_equivalence.py REPRINT FOLDER [--store URL]

Adds every document of FOLDER (sorted by name, one `index add` call each) to a new store (a temporary
SQLite file unless --store names an empty one), then compares the relations printed by the adds and
`index clusters --format json` with `scan FOLDER --format json`. Exits non-zero on any difference.
"""
import argparse, json, os, subprocess, sys, tempfile

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("reprint")
ap.add_argument("folder")
ap.add_argument("--store")
args = ap.parse_args()

def run(*arguments):
    return subprocess.run([args.reprint, *arguments], check=True, capture_output=True, text=True).stdout

def key(pair):
    contained = pair.get("contained")
    contained_id = pair[contained] if contained else None
    return (min(pair["a"], pair["b"]), max(pair["a"], pair["b"]), pair["relation"], contained_id)

scan = json.loads(run("scan", args.folder, "--format", "json"))
with tempfile.TemporaryDirectory() as folder:
    store = args.store or f"sqlite:{os.path.join(folder, 'index.db')}"
    added = []
    names = sorted(n for n in os.listdir(args.folder) if os.path.splitext(n)[1] in {".txt", ".md", ".markdown", ".html", ".htm"})
    for name in names:
        for line in run("index", "add", os.path.join(args.folder, name), "--store", store, "--format", "jsonl").splitlines():
            added += json.loads(line)["matches"]
    clusters = json.loads(run("index", "clusters", "--store", store, "--format", "json"))

problems = []
expected, found = sorted(map(key, scan["pairs"])), sorted(map(key, added))
if expected != found:
    problems.append(f"relations differ:\n  scan:  {expected}\n  index: {found}")
if clusters != {"clusters": scan["clusters"]}:
    problems.append(f"clusters differ:\n  scan:  {scan['clusters']}\n  index: {clusters['clusters']}")
for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"index add one at a time == scan: {len(found)} relations, {len(scan['clusters'])} clusters ({len(names)} documents)")
