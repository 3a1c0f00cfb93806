#!/usr/bin/env bash
# Benchmark of the shift pages (issue 4): the coordinators' coverage grid and a volunteer's
# iCalendar feed, with 2,000 volunteers and 8 weeks of generated shifts with bookings
# (`relais-bench seed-shifts`), release build, driven by wrk from a second process over
# loopback. Side by side in the same run, the same server's /healthz (one database round
# trip) as the floor both are compared with. Target: p99 < 50 ms for the grid and the feed.
#
#   bash bench/coverage.sh            # 3 runs of each, about 2 minutes after the build
#   RUNS=1 bash bench/coverage.sh
#
# Traffic goes to 127.0.0.1 only. Work files go to target/bench-run/coverage-<timestamp>/.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNS=${WRK_CONNS:-16}
WRK_DURATION=${WRK_DURATION:-10s}
VOLUNTEERS=${VOLUNTEERS:-2000}
WEEKS=${WEEKS:-8}
PASSWORD=${PASSWORD:-bench-password-not-secret-42}
TOKEN=bench-feed-token
RELAIS=target/release/relais
BENCH=target/release/relais-bench
WORK=target/bench-run/coverage-$(date +%Y%m%d-%H%M%S)
mkdir -p "$WORK"
echo "work directory: $WORK"

if ! command -v wrk >/dev/null; then
    echo "installing wrk"
    if ! apt-get install -y wrk >/dev/null 2>&1; then
        apt-get update >/dev/null && apt-get install -y wrk >/dev/null
    fi
fi
cargo build --release -p relais -p relais-bench

RELAIS_BENCH_PASSWORD="$PASSWORD" "$BENCH" seed-shifts --data-dir "$WORK/data" --volunteers "$VOLUNTEERS" --weeks "$WEEKS" \
    --feed-token "$TOKEN" | tee "$WORK/seed.txt"

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT
PORT=$((20000 + RANDOM % 20000))
"$RELAIS" serve --bind "127.0.0.1:$PORT" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died" >&2; tail "$WORK/server.log" >&2; exit 1; }
    sleep 0.2
done
BASE="http://127.0.0.1:$PORT"

# Sign the coordinator in through the real sign-in form; keep its cookies for wrk.
JAR="$WORK/cookies.txt"
CSRF=$(curl -s -c "$JAR" -b "$JAR" "$BASE/connexion" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "csrf=$CSRF" \
    --data-urlencode "email=coord@bench.test" --data-urlencode "password=$PASSWORD" "$BASE/connexion")
[ "$code" = 303 ] || { echo "sign-in failed ($code)" >&2; exit 1; }
COOKIE=$(awk '!/^#/ && NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7} /^#HttpOnly_/ {sub("#HttpOnly_", ""); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$JAR")

GRID="$BASE/coordination/couverture?semaine=1"
FEED="$BASE/calendrier/$TOKEN.ics"
for u in "$GRID" "$FEED"; do
    code=$(curl -s -o "$WORK/sample.$(basename "${u%%\?*}")" -w '%{http_code}' -H "Cookie: $COOKIE" "$u")
    [ "$code" = 200 ] || { echo "$u answered $code" >&2; exit 1; }
done
echo "grid cells: $(grep -c 'id="creneau-' "$WORK/sample.couverture"), feed events: $(grep -c '^BEGIN:VEVENT' "$WORK/sample.$TOKEN.ics")"

# wrk's latency line for a percentile, in ms.
pct() {
    awk -v p="$2" '$1 == p {v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
        if (u == "us") v /= 1000; else if (u == "s") v *= 1000; printf "%.2f", v}' "$1"
}
rate() { awk '/^Requests\/sec/ {printf "%.0f", $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $NF; f=1} END {if (!f) print 0}' "$1"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

declare -A P50 P99 RPS BAD
for r in $(seq 1 "$RUNS"); do
    for name in healthz grid feed; do
        case $name in healthz) u="$BASE/healthz" ;; grid) u="$GRID" ;; feed) u="$FEED" ;; esac
        out="$WORK/$name-$r.txt"
        echo "== run $r: $name (wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION)"
        wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$WRK_DURATION" --latency -H "Cookie: $COOKIE" "$u" | tee "$out"
        P50[$name]+="$(pct "$out" 50%) "; P99[$name]+="$(pct "$out" 99%) "; RPS[$name]+="$(rate "$out") "; BAD[$name]+="$(non2xx "$out") "
    done
done

echo
echo "| measure (wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION, $RUNS runs) | runs | median |"
echo "|---|---|---|"
for name in grid feed healthz; do
    # shellcheck disable=SC2086
    echo "| $name: requests/s | ${RPS[$name]% } | $(median ${RPS[$name]}) |"
    # shellcheck disable=SC2086
    echo "| $name: p50 ms | ${P50[$name]% } | $(median ${P50[$name]}) |"
    # shellcheck disable=SC2086
    echo "| $name: p99 ms | ${P99[$name]% } | **$(median ${P99[$name]})** |"
    echo "| $name: non-2xx | ${BAD[$name]% } | |"
done
# shellcheck disable=SC2086
for name in grid feed; do
    awk -v a="$(median ${P99[$name]})" -v b="$(median ${P99[healthz]})" -v n="$name" 'BEGIN {printf "%s p99 / healthz p99: %.1f×\n", n, a / b}'
done
