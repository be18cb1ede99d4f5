#!/usr/bin/env bash
# Persistent index benchmark: add throughput and query latency (p50/p99) of `reprint index`
# on SQLite and PostgreSQL, release build.
#
# Usage: Benchmarks/index/run.sh [SIZES="10000 100000"] [STORES="sqlite postgres"] [QUERIES=1000]
#   (environment variables; CORPUS defaults to bench-out/news_x10.txt, SHARED to ../shared)
#   1M documents need a bigger corpus: CORPUS=bench-out/news_x50.txt SIZES=1000000
#
# Documents: the news workload of Benchmarks/dedup/scale_corpus.py (Reuters-21578 + BBC News, and
# edited copies of them, shuffled), made at run time from ../shared/corpora into bench-out/ (not
# committed) when CORPUS is missing. The first SIZE lines are added to a new store in one
# `index add` (batches of 4,096 documents, one transaction each); then the next QUERIES lines
# (unseen documents, many of them edited copies of stored ones) are queried one by one.
# PostgreSQL runs from a temporary folder (initdb + pg_ctl, fsync on), as in the tests.
# "add CPU s" is user + system time of the `index add` process (the PostgreSQL server's is not counted).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES="${SIZES:-10000 100000}"
STORES="${STORES:-sqlite postgres}"
QUERIES="${QUERIES:-1000}"
SHARED="${SHARED:-../shared}"
CORPUS="${CORPUS:-bench-out/news_x10.txt}"
out=bench-out/index
mkdir -p "$out"

swift build -c release --product reprint > /dev/null
reprint="$(swift build -c release --show-bin-path)/reprint"

if [ ! -f "$CORPUS" ]; then
    copies=$(basename "$CORPUS" .txt | sed -E 's/^news_x([0-9]+)$/\1/')
    python3 Benchmarks/dedup/scale_corpus.py "$copies" "$(dirname "$CORPUS")" --shared "$SHARED" > /dev/null
fi

pg_dir=""
stop_postgres() {
    if [ -n "$pg_dir" ]; then
        runas "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop > /dev/null || true
        rm -rf "$pg_dir"
    fi
}
trap stop_postgres EXIT
runas() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_postgres() {
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pg_dir=$(mktemp -d /tmp/reprint-bench-pg.XXXXXX)
    pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
    runas "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres > /dev/null
    runas "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start > /dev/null
}

echo "| store | documents | add: documents/s | add CPU s | query p50 | query p99 | store size |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for size in $SIZES; do
    head -n "$size" "$CORPUS" > "$out/add-$size.txt"
    sed -n "$((size + 1)),$((size + QUERIES))p" "$CORPUS" > "$out/query-$size.txt"
    for store in $STORES; do
        case "$store" in
            sqlite)
                rm -f "$out/index-$size.db" "$out/index-$size.db-wal" "$out/index-$size.db-shm"
                url="sqlite:$out/index-$size.db"
                name=SQLite ;;
            postgres)
                [ -n "$pg_dir" ] || start_postgres
                db="bench_$size"
                "$pg_bin/dropdb" -h 127.0.0.1 -p "$pg_port" -U postgres --if-exists "$db"
                "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$db"
                url="postgres://postgres@127.0.0.1:$pg_port/$db"
                name="PostgreSQL $(basename "$(dirname "$pg_bin")")" ;;
        esac
        start=$(date +%s.%N)
        /usr/bin/time -f "%U %S" -o "$out/add-$store-$size.time" \
            "$reprint" index add --lines "$out/add-$size.txt" --store "$url" --format jsonl > "$out/add-$store-$size.jsonl" 2> "$out/add-$store-$size.err"
        end=$(date +%s.%N)
        rate=$(python3 -c "print(f'{$size / ($end - $start):,.0f}')")
        cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$out/add-$store-$size.time")
        timing=$("$reprint" index query --lines "$out/query-$size.txt" --store "$url" --timings 2>&1 > /dev/null | grep queries)
        p50=$(echo "$timing" | sed -E 's/.*p50 ([0-9.]+) ms.*/\1/')
        p99=$(echo "$timing" | sed -E 's/.*p99 ([0-9.]+) ms.*/\1/')
        case "$store" in
            sqlite) bytes=$(du -cb "$out/index-$size.db"* | tail -1 | cut -f1) ;;
            postgres) bytes=$("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -Atc "SELECT pg_database_size('$db')") ;;
        esac
        echo "| $name | $(printf "%'d" "$size") | $rate | $cpu | $p50 ms | $p99 ms | $((bytes / 1048576)) MB |"
    done
done
