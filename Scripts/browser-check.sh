#!/usr/bin/env bash
# Browser check of the web page of `reprint serve` (not for CI): starts the server over a new
# SQLite store, loads the page in headless Chromium (Debian's package), compares seeds 000 and 002,
# checks the highlighted passages in the DOM and saves bench-out/browser-check.png.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
port="${PORT:-8391}"

if ! command -v chromium >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
venv=.venv-browser
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" && "$venv/bin/pip" install -q websocket-client
fi

swift build -c release --product reprint
reprint="$(swift build -c release --show-bin-path)/reprint"
work="$(mktemp -d)"
"$reprint" serve --store "sqlite:$work/browser.db" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
    sleep 0.1
done

mkdir -p bench-out
"$venv/bin/python" Scripts/browser_check.py "http://127.0.0.1:$port/" \
    "$(ls "$shared"/seeds/000_*.txt)" "$(ls "$shared"/seeds/002_*.txt)" bench-out/browser-check.png
