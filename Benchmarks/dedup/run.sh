#!/usr/bin/env bash
# One benchmark run of `reprint dedup` against the Python MinHash-LSH peers, same file, same machine.
#
# Usage: Benchmarks/dedup/run.sh [COPIES=10] [--skip-datasketch] [--ds-limit N] [--sample N]
#                                [--skip-reprint] [--skip-build] [--no-pairs] [--repeat N]
#   COPIES           workload bench-out/news_xCOPIES.txt (built by scale_corpus.py if missing)
#   --skip-datasketch  do not run datasketch (slowest peer, ~2-3 MB/s)
#   --ds-limit N     run datasketch on the first N docs only (peers.py --limit)
#   --sample N       ground-truth sample size for recall (exact_pairs.py; default 2000)
#   --skip-reprint   peers, ground truth and peer scores only (no swift build, no reprint run)
#   --skip-build     use the existing release binary
#   --no-pairs       skip the extra peer_pairs.py runs (no agreement / peer recall columns)
#   --repeat N       time every tool N times, in turn (default 3); the tables show each tool's median run
# Environment: REPRINT_SHARED (default: <repo>/../shared), PYTHON (default: python3, for the venv).
# Results: bench-out/run-<timestamp>/ (results.md = the tables printed at the end).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SHARED="${REPRINT_SHARED:-$REPO/../shared}"
SHARED="$(cd "$SHARED" && pwd)"
OUT="$REPO/bench-out"
VENV="$REPO/.venv-bench"
PY="$VENV/bin/python"

COPIES=10; SKIP_DS=0; DS_LIMIT=0; SAMPLE=2000; SKIP_REPRINT=0; SKIP_BUILD=0; PAIRS=1; REPEAT=3
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-datasketch) SKIP_DS=1 ;;
    --ds-limit) DS_LIMIT="$2"; shift ;;
    --sample) SAMPLE="$2"; shift ;;
    --skip-reprint) SKIP_REPRINT=1 ;;
    --skip-build) SKIP_BUILD=1 ;;
    --no-pairs) PAIRS=0 ;;
    --repeat) REPEAT="$2"; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    [0-9]*) COPIES="$1" ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '\n== %s\n' "$*" >&2; }
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "--repeat needs a positive count, not '$REPEAT'" >&2; exit 2; }

# --- 1. GNU time --------------------------------------------------------------------------------
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  log "installing Debian's 'time' package (/usr/bin/time -v)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
fi
TIME=(/usr/bin/time -v)

# --- 2. virtualenv with pinned peers -------------------------------------------------------------
if [ ! -x "$PY" ]; then
  log "creating $VENV"
  "${PYTHON:-python3}" -m venv "$VENV"
fi
if ! "$PY" -m pip install -q --disable-pip-version-check -r "$HERE/requirements.txt"; then
  echo "pip install failed" >&2; exit 1
fi

# --- 3. workload ---------------------------------------------------------------------------------
CORPUS="$OUT/news_x$COPIES.txt"
if [ ! -s "$CORPUS" ] || [ ! -s "$OUT/news_base.txt" ]; then
  log "building workload $CORPUS"
  python3 "$HERE/scale_corpus.py" "$COPIES" "$OUT" --shared "$SHARED" >&2
fi
if [ "$COPIES" = 10 ]; then   # the reference workload of ../shared/tools/README.md
  want=f2077ddcea273bd53b47ef7be933226f8960ae49e918c0c0336001dcabe07fd9
  got=$(sha256sum "$CORPUS" | cut -d' ' -f1)
  [ "$got" = "$want" ] || echo "WARNING: $CORPUS sha256 $got differs from the reference $want" >&2
fi

LOAD=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$LOAD" 'BEGIN{exit !(l > 0.5)}'; then
  echo "WARNING: load average $LOAD - other work is running; timings will be pessimistic" >&2
fi
RUN="$OUT/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN"
log "results in $RUN"
{ echo "date: $(date -Is)"; echo "host: $(uname -a)"; echo "cpus: $(nproc)"; echo "loadavg at start: $(cat /proc/loadavg)";
  grep -m1 'model name' /proc/cpuinfo || true; "$PY" -m pip freeze; } > "$RUN/env.txt"

# --- 4. timed runs -------------------------------------------------------------------------------
# Every tool runs REPEAT times, the tools in turn (reprint, then each peer, then again), so a slow
# spell of the machine falls on all of them; run K of TOOL is timed into TOOL.K.time. Dirty pages of
# earlier output are written back first (`sync`), so that no run pays for another's writeback.
PEERS=()
[ "$SKIP_DS" = 0 ] && PEERS+=(ds)
PEERS+=(rensa-r rensa-rbatch)
TOOLS=("${PEERS[@]}")
if [ "$SKIP_REPRINT" = 0 ]; then
  if [ "$SKIP_BUILD" = 0 ]; then
    log "swift build -c release --product reprint"
    (cd "$REPO" && swift build -c release --product reprint)
  fi
  BIN="$(cd "$REPO" && swift build -c release --show-bin-path)/reprint"
  TOOLS=(reprint "${PEERS[@]}")
fi

limit_of() {  # limit_of PEER: peers.py's --limit arguments for PEER (datasketch only)
  [ "$1" = ds ] && [ "$DS_LIMIT" -gt 0 ] && echo "--limit $DS_LIMIT"
  return 0
}

timed() {  # timed TOOL K: run K of TOOL
  local t=$1 k=$2 lim
  sync
  if [ "$t" = reprint ]; then
    log "reprint dedup (run $k of $REPEAT)"
    set +e
    "${TIME[@]}" -o "$RUN/reprint.$k.time" "$BIN" dedup "$CORPUS" --lines --threshold 0.8 --shingle 5 \
        --report "$RUN/reprint-report.jsonl" > "$RUN/reprint-unique.txt" 2> "$RUN/reprint.stderr"
    local rc=$?; set -e
    [ $rc = 0 ] || { echo "reprint dedup failed (exit $rc), see $RUN/reprint.stderr" >&2; tail -5 "$RUN/reprint.stderr" >&2; }
    # Every run must give the same output as the first.
    if [ "$k" = 1 ]; then
      sha256sum < "$RUN/reprint-unique.txt" > "$RUN/reprint-unique.sha256"
    elif ! sha256sum < "$RUN/reprint-unique.txt" | cmp -s - "$RUN/reprint-unique.sha256"; then
      echo "WARNING: reprint run $k wrote other kept documents than run 1" >&2
    fi
  else
    read -ra lim <<< "$(limit_of "$t")"
    log "peers.py $t ${lim[*]} (run $k of $REPEAT)"
    "${TIME[@]}" -o "$RUN/$t.$k.time" "$PY" "$SHARED/tools/peers.py" "$CORPUS" "$t" "${lim[@]}" > "$RUN/$t.json"
    cat "$RUN/$t.json" >&2
  fi
}
for k in $(seq "$REPEAT"); do
  for t in "${TOOLS[@]}"; do timed "$t" "$k"; done
done

# --- 5. peers' pairs (same code path, untimed; for agreement and peer recall/precision) ---------
PEER_ARGS=()
if [ "$PAIRS" = 1 ]; then
  for t in "${PEERS[@]}"; do
    read -ra lim <<< "$(limit_of "$t")"
    log "peer_pairs.py $t ${lim[*]}"
    "$PY" "$HERE/peer_pairs.py" "$CORPUS" "$t" "${lim[@]}" --pairs "$RUN/$t.pairs.tsv" | tee "$RUN/$t.pairs.json" >&2
    PEER_ARGS+=(--peer-pairs "$t=$RUN/$t.pairs.tsv")
  done
fi

# --- 6. exact ground truth on a sample + scores --------------------------------------------------
TRUTH="$OUT/truth_x${COPIES}_s${SAMPLE}.tsv"
if [ ! -s "$TRUTH" ]; then
  log "exact_pairs.py --sample $SAMPLE"
  python3 "$HERE/exact_pairs.py" "$CORPUS" --sample "$SAMPLE" --threshold 0.8 --out "$TRUTH.part"
  mv "$TRUTH.part" "$TRUTH"
fi
REPORT_ARGS=()
[ -s "$RUN/reprint-report.jsonl" ] && REPORT_ARGS=(--report "$RUN/reprint-report.jsonl")
log "score.py"
python3 "$HERE/score.py" --truth "$TRUTH" --corpus "$CORPUS" "${REPORT_ARGS[@]}" "${PEER_ARGS[@]}" \
    --json "$RUN/score.json" > "$RUN/score.md"

# --- 7. tables -----------------------------------------------------------------------------------
{ python3 "$HERE/summarize.py" "$RUN" "$CORPUS"; echo; echo "### Correctness (exact Jaccard >= 0.8)"; echo;
  cat "$RUN/score.md"; } > "$RUN/results.md"
cat "$RUN/results.md"
