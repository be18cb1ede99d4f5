#!/usr/bin/env bash
# Load test of `reprint serve` (not for CI): indexes bbc-variants into a new SQLite store, then runs
# wrk (Debian's package) on loopback against POST /v1/match for 30 s and prints requests/s, p50 and
# p99 latency and the errors (which must be 0).
#   Scripts/load-test.sh [DURATION] [CONNECTIONS]      (defaults: 30s 8)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
port="${PORT:-8392}"
duration="${1:-30s}"
connections="${2:-8}"
docs="$shared/corpora/bbc-variants/docs"

command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
swift build -c release --product reprint
reprint="$(swift build -c release --show-bin-path)/reprint"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

echo "== indexing $docs"
"$reprint" index add "$docs" --store "sqlite:$work/load.db" > /dev/null 2> "$work/index.log"
tail -1 "$work/index.log"

"$reprint" serve --store "sqlite:$work/load.db" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
    sleep 0.1
done

# The query: an edited copy from the corpus, so every request finds and aligns real matches.
query="$docs/o0001-edited.txt"
python3 - "$query" "$work/match.lua" <<'PY'
import json, sys
body = json.dumps({"id": "load-query", "text": open(sys.argv[1], encoding="utf-8").read()})
open(sys.argv[2], "w").write(f"""wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = {json.dumps(body)}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests/s: %.1f\\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms, p99: %.2f ms\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("errors: %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\\n",
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
""")
PY
matches=$(curl -sf -H 'Content-Type: application/json' --data-binary @<(python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1]).read()}))' "$query") \
    "http://127.0.0.1:$port/v1/match" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["matches"]))')
echo "== the query ($query) has $matches matches in the index"
echo "== wrk -t2 -c$connections -d$duration POST /v1/match"
wrk -t2 -c"$connections" -d"$duration" -s "$work/match.lua" "http://127.0.0.1:$port/v1/match" | tee "$work/wrk.log"
grep -q "^errors: 0 " "$work/wrk.log"
