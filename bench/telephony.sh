#!/usr/bin/env bash
# Benchmark of the voice webhook (issue 5): signature check + TwiML answer, release build,
# at a fixed 200 requests/s from a second process (bench/telephony_driver.py: signs every
# request as Twilio does, latency measured from each request's scheduled time).
# Target: p99 < 5 ms.
#
#   bash bench/telephony.sh              # 3 runs of 20 s
#   RUNS=1 SECONDS_PER_RUN=10 RATE=200 bash bench/telephony.sh
#
# Traffic goes to 127.0.0.1 only. Work files go to target/bench-run/telephony-<timestamp>/.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
RATE=${RATE:-200}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
TOKEN=bench-auth-token-not-secret
# RELAIS=target/debug/relais BUILD=0 measures an existing debug build (an upper bound).
RELAIS=${RELAIS:-target/release/relais}
BUILD=${BUILD:-1}
WORK=target/bench-run/telephony-$(date +%Y%m%d-%H%M%S)
mkdir -p "$WORK"
echo "work directory: $WORK"
if [ "$BUILD" = 1 ]; then cargo build --release -p relais; fi

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT
PORT=$((20000 + RANDOM % 20000))
BASE="http://127.0.0.1:$PORT"
RELAIS_TELEPHONY_AUTH_TOKEN="$TOKEN" RELAIS_TELEPHONY_LINE_NUMBER=+33199001234 \
    "$RELAIS" serve --bind "127.0.0.1:$PORT" --data-dir "$WORK/data" --public-url "$BASE" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do
    curl -sf -o /dev/null "$BASE/healthz" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died" >&2; tail "$WORK/server.log" >&2; exit 1; }
    sleep 0.2
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
P50="" P99="" ERR=""
for r in $(seq 1 "$RUNS"); do
    out="$WORK/run-$r.txt"
    echo "== run $r: $RATE req/s for $SECONDS_PER_RUN s"
    python3 bench/telephony_driver.py --base "$BASE" --token "$TOKEN" --rate "$RATE" --seconds "$SECONDS_PER_RUN" | tee "$out"
    P50+="$(awk '/^p50_ms/ {print $2}' "$out") "; P99+="$(awk '/^p50_ms/ {print $6}' "$out") "; ERR+="$(awk '/^requests/ {print $4}' "$out") "
done
echo
echo "| voice webhook at $RATE req/s ($RUNS runs of $SECONDS_PER_RUN s) | runs | median |"
echo "|---|---|---|"
# shellcheck disable=SC2086
echo "| p50 ms | ${P50% } | $(median $P50) |"
# shellcheck disable=SC2086
echo "| p99 ms | ${P99% } | **$(median $P99)** |"
echo "| errors | ${ERR% } | |"
