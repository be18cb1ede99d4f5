#!/usr/bin/env python3
"""Checks a `reprint scan --format json` report against an expected.tsv (columns a, b, relation,
also_accepted) and, optionally, expected clusters.

Usage: check_expected.py REPORT.json EXPECTED.tsv [--reuse ID,ID,...] [--story ID,ID,...]
Every listed pair must have its relation or the accepted alternative; every pair not listed must be
absent (unrelated). Exit status 1 on any mismatch, with one line per problem.
"""
import argparse, csv, json, sys

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("report")
parser.add_argument("expected")
parser.add_argument("--reuse", action="append", default=[], help="comma-separated ids of a reuse cluster that must exist")
parser.add_argument("--story", action="append", default=[], help="comma-separated ids of a story cluster that must exist")
args = parser.parse_args()

with open(args.report, encoding="utf-8") as f:
    report = json.load(f)
found = {tuple(sorted((p["a"], p["b"]))): p["relation"] for p in report["pairs"]}
problems, checked = [], 0
with open(args.expected, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f, delimiter="\t"))
expected_keys = set()
for row in rows:
    key = tuple(sorted((row["a"], row["b"])))
    expected_keys.add(key)
    accepted = {row["relation"]} | ({row["also_accepted"]} if row.get("also_accepted") else set())
    got = found.get(key, "unrelated")
    checked += 1
    if got not in accepted:
        problems.append(f"{key[0]} ~ {key[1]}: got {got}, expected {' or '.join(sorted(accepted))}")
for key, relation in found.items():
    if key not in expected_keys and relation != "unrelated":
        checked += 1
        problems.append(f"{key[0]} ~ {key[1]}: got {relation}, expected unrelated")
clusters = {(c["kind"], tuple(sorted(c["members"]))) for c in report["clusters"]}
for kind, groups in (("reuse", args.reuse), ("story", args.story)):
    for group in groups:
        checked += 1
        members = tuple(sorted(group.split(",")))
        if (kind, members) not in clusters:
            problems.append(f"no {kind} cluster {{{', '.join(members)}}}")
for problem in problems:
    print("MISMATCH", problem)
print(f"{checked - len(problems)} passed, {len(problems)} failed")
sys.exit(1 if problems else 0)
