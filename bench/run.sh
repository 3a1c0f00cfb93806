#!/usr/bin/env bash
# Benchmarks of the help-request core (issue 2): intake and the take-next + close cycle on
# SQLite, each driven from a second process over loopback and set side by side with a plain
# sqlx + SQLite program doing the same writes (the "ceiling"), in two forms: group commit
# (one writer task, up to 128 writes per transaction, each in a savepoint: the server's own
# design, so the fair ceiling) and per commit (one transaction per write: what group commit
# buys). Prints a markdown table of medians and ratios for BENCHMARKS.md. Takes about
# 8 minutes on 2 cores.
#
#   bash bench/run.sh               # everything, 3 runs of each measurement
#   RUNS=1 bash bench/run.sh        # quicker look
#   ONLY=intake bash bench/run.sh   # or ONLY=cycle
#
# Traffic goes to 127.0.0.1 only. Work files go to target/bench-run/<timestamp>/.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
ONLY=${ONLY:-all}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNS=${WRK_CONNS:-64}
WRK_DURATION=${WRK_DURATION:-15s}
CEILING_INTAKE_N=${CEILING_INTAKE_N:-30000}
VOLUNTEERS=${VOLUNTEERS:-100}
QUEUE=${QUEUE:-60000}
CYCLE_DURATION=${CYCLE_DURATION:-20s}
PASSWORD=${PASSWORD:-bench-password-not-secret-42}
RELAIS=target/release/relais
BENCH=target/release/relais-bench
# The public intake is rate-limited per client address; every wrk connection comes from
# 127.0.0.1, so the limit is switched off for the benchmark (0 disables it).
export RELAIS_INTAKE_RATE_LIMIT=0

# Writes per commit at most in the group-commit ceilings (the server's MAX_BATCH).
BATCH=${BATCH:-128}

# DIAG=1: once, after the cycle runs, the per-commit cycle ceiling again with relais-store's
# first claim statement (commit f3cfb71: one UPDATE whose ORDER BY no index serves), to show
# what that statement cost. Off by default.
DIAG=${DIAG:-0}

WORK=target/bench-run/$(date +%Y%m%d-%H%M%S)
mkdir -p "$WORK"
echo "work directory: $WORK"

# --- tools -----------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    echo "installing wrk"
    if ! apt-get install -y wrk >/dev/null 2>&1; then
        apt-get update >/dev/null && apt-get install -y wrk >/dev/null
    fi
fi
cargo build --release -p relais -p relais-bench

# The machine has 2 cores: anything else running skews every figure. Say so in the output.
# busy_pct: share of all cores busy (not idle, not waiting for I/O) over the next 3 s.
busy_pct() {
    local a b
    read -ra a < <(head -1 /proc/stat); sleep 3; read -ra b < <(head -1 /proc/stat)
    awk -v a="${a[*]:1:8}" -v b="${b[*]:1:8}" 'BEGIN {
        split(a, x); split(b, y); for (i = 1; i <= 8; i++) { d = y[i] - x[i]; t += d; if (i == 4 || i == 5) idle += d }
        printf "%.0f", (t > 0 ? 100 * (t - idle) / t : 0) }'
}
BUSY_BEFORE=$(busy_pct)
if [ "$BUSY_BEFORE" -gt 10 ]; then
    echo "WARNING: the machine is already ${BUSY_BEFORE}% busy before the benchmark; other processes will skew the figures" >&2
    ps -eo pid,pcpu,etime,comm --sort=-pcpu | head -6 >&2
fi

# --- helpers ---------------------------------------------------------------------------
SERVER_PID=""
PORT=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT

free_port() {
    local p
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    echo "no free port found" >&2; return 1
}

# start_server DATA_DIR LOG: starts relais on a free loopback port, waits for /healthz.
start_server() {
    PORT=$(free_port)
    "$RELAIS" serve --bind "127.0.0.1:$PORT" --data-dir "$1" >"$2" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 150); do
        if curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; then return 0; fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server died, see $2" >&2; tail -20 "$2" >&2; exit 1; fi
        sleep 0.2
    done
    echo "server not healthy after 30 s, see $2" >&2; exit 1
}

stop_server() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

# CPU seconds (user + system) used so far by the server process.
TICKS=$(getconf CLK_TCK)
cpu_secs() { awk -v t="$TICKS" '{printf "%.2f", ($14 + $15) / t}' "/proc/$SERVER_PID/stat"; }

# field FILE KEY: value of KEY in the RESULT line of FILE.
field() { grep '^RESULT' "$1" | tail -1 | tr ' ' '\n' | sed -n "s/^$2=//p"; }

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.0f %%", 100 * a / b; else print "n/a"}'; }
fmt() { awk -v x="$1" 'BEGIN {if (x >= 100) printf "%.0f", x; else printf "%.1f", x}'; }
join() { local out="" v; for v in "$@"; do out+="${out:+ / }$(fmt "$v")"; done; echo "$out"; }

# I: intake server, C: intake ceiling per commit, G: intake ceiling group commit;
# Y: cycle server, Z: cycle ceiling per commit, W: cycle ceiling group commit.
I_RATE=() I_P50=() I_P99=() I_BAD=() I_CPU=() C_RATE=() C_P50=() C_P99=() G_RATE=() G_P50=() G_P99=() G_BATCH=()
Y_RATE=() Y_P50=() Y_P99=() Y_ERR=() Z_RATE=() Z_P50=() Z_P99=() W_RATE=() W_P50=() W_P99=() W_BATCH=()

# batch_mean FILE: average writes per commit printed by a group-commit ceiling.
batch_mean() { sed -n 's/.*, \([0-9.]*\) writes per commit on average.*/\1/p' "$1" | tail -1; }

# --- intake ----------------------------------------------------------------------------
if [ "$ONLY" = all ] || [ "$ONLY" = intake ]; then
    for r in $(seq 1 "$RUNS"); do
        echo "== intake run $r/$RUNS: server (wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION)"
        start_server "$WORK/intake-$r" "$WORK/intake-$r.server.log"
        c0=$(cpu_secs)
        wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$WRK_DURATION" --latency -s bench/intake.lua \
            "http://127.0.0.1:$PORT" | tee "$WORK/intake-$r.wrk.txt"
        c1=$(cpu_secs)
        stop_server
        secs=$(field "$WORK/intake-$r.wrk.txt" secs)
        I_RATE+=("$(field "$WORK/intake-$r.wrk.txt" ok_rate)")
        I_P50+=("$(field "$WORK/intake-$r.wrk.txt" p50_ms)")
        I_P99+=("$(field "$WORK/intake-$r.wrk.txt" p99_ms)")
        I_BAD+=("$(( $(field "$WORK/intake-$r.wrk.txt" errors) + $(field "$WORK/intake-$r.wrk.txt" socket_errors) ))")
        I_CPU+=("$(awk -v a="$c0" -v b="$c1" -v s="$secs" 'BEGIN {printf "%.2f", (b - a) / s}')")

        echo "== intake run $r/$RUNS: ceiling, group commit (plain SQLite, $WRK_CONNS tasks, up to $BATCH writes per commit)"
        "$BENCH" ceiling-intake --db "$WORK/ceiling-intake-group-$r/relais.db" --n "$CEILING_INTAKE_N" \
            --concurrency "$WRK_CONNS" --group-commit --batch "$BATCH" | tee "$WORK/ceiling-intake-group-$r.txt"
        G_RATE+=("$(field "$WORK/ceiling-intake-group-$r.txt" rate)")
        G_P50+=("$(field "$WORK/ceiling-intake-group-$r.txt" p50_ms)")
        G_P99+=("$(field "$WORK/ceiling-intake-group-$r.txt" p99_ms)")
        G_BATCH+=("$(batch_mean "$WORK/ceiling-intake-group-$r.txt")")

        echo "== intake run $r/$RUNS: ceiling, per commit (plain SQLite, $WRK_CONNS tasks)"
        "$BENCH" ceiling-intake --db "$WORK/ceiling-intake-$r/relais.db" --n "$CEILING_INTAKE_N" \
            --concurrency "$WRK_CONNS" | tee "$WORK/ceiling-intake-$r.txt"
        C_RATE+=("$(field "$WORK/ceiling-intake-$r.txt" rate)")
        C_P50+=("$(field "$WORK/ceiling-intake-$r.txt" p50_ms)")
        C_P99+=("$(field "$WORK/ceiling-intake-$r.txt" p99_ms)")
        rm -rf "$WORK/intake-$r" "$WORK/ceiling-intake-$r" "$WORK/ceiling-intake-group-$r"
    done
fi

# --- take-next + close -----------------------------------------------------------------
if [ "$ONLY" = all ] || [ "$ONLY" = cycle ]; then
    # One template data directory (volunteers + a full queue), copied afresh for each run.
    TEMPLATE="$WORK/cycle-template"
    echo "== cycle: creating $VOLUNTEERS volunteers"
    t0=$(date +%s)
    for i in $(seq 1 "$VOLUNTEERS"); do
        printf '%s\n' "$PASSWORD" | "$RELAIS" user add --role volunteer --email "bench$i@relais.test" \
            --password-stdin --languages fr --data-dir "$TEMPLATE" >>"$WORK/users.log" 2>&1 \
            || { echo "user add failed, see $WORK/users.log" >&2; tail -5 "$WORK/users.log" >&2; exit 1; }
    done
    echo "   took $(( $(date +%s) - t0 )) s"
    echo "== cycle: filling the queue with $QUEUE requests through the intake API"
    start_server "$TEMPLATE" "$WORK/cycle-fill.server.log"
    "$BENCH" intake --url "http://127.0.0.1:$PORT" --n "$QUEUE" --concurrency 32 | tee "$WORK/cycle-fill.txt"
    stop_server
    [ "$(field "$WORK/cycle-fill.txt" errors)" = 0 ] || { echo "queue fill had errors" >&2; exit 1; }

    for r in $(seq 1 "$RUNS"); do
        echo "== cycle run $r/$RUNS: server ($VOLUNTEERS volunteers, up to $CYCLE_DURATION)"
        cp -a "$TEMPLATE" "$WORK/cycle-$r"
        start_server "$WORK/cycle-$r" "$WORK/cycle-$r.server.log"
        "$BENCH" cycle --url "http://127.0.0.1:$PORT" --volunteers "$VOLUNTEERS" --duration "$CYCLE_DURATION" \
            --password "$PASSWORD" --email-pattern 'bench{}@relais.test' | tee "$WORK/cycle-$r.txt"
        stop_server
        Y_RATE+=("$(field "$WORK/cycle-$r.txt" rate)")
        Y_P50+=("$(field "$WORK/cycle-$r.txt" p50_ms)")
        Y_P99+=("$(field "$WORK/cycle-$r.txt" p99_ms)")
        Y_ERR+=("$(field "$WORK/cycle-$r.txt" errors)")

        echo "== cycle run $r/$RUNS: ceiling, group commit (plain SQLite, $VOLUNTEERS tasks, queue $QUEUE, up to $BATCH writes per commit)"
        "$BENCH" ceiling-cycle --db "$WORK/ceiling-cycle-group-$r/relais.db" --n "$QUEUE" --concurrency "$VOLUNTEERS" \
            --duration "$CYCLE_DURATION" --group-commit --batch "$BATCH" | tee "$WORK/ceiling-cycle-group-$r.txt"
        W_RATE+=("$(field "$WORK/ceiling-cycle-group-$r.txt" rate)")
        W_P50+=("$(field "$WORK/ceiling-cycle-group-$r.txt" p50_ms)")
        W_P99+=("$(field "$WORK/ceiling-cycle-group-$r.txt" p99_ms)")
        W_BATCH+=("$(batch_mean "$WORK/ceiling-cycle-group-$r.txt")")

        echo "== cycle run $r/$RUNS: ceiling, per commit (plain SQLite, $VOLUNTEERS tasks, queue $QUEUE)"
        "$BENCH" ceiling-cycle --db "$WORK/ceiling-cycle-$r/relais.db" --n "$QUEUE" --concurrency "$VOLUNTEERS" \
            --duration "$CYCLE_DURATION" | tee "$WORK/ceiling-cycle-$r.txt"
        Z_RATE+=("$(field "$WORK/ceiling-cycle-$r.txt" rate)")
        Z_P50+=("$(field "$WORK/ceiling-cycle-$r.txt" p50_ms)")
        Z_P99+=("$(field "$WORK/ceiling-cycle-$r.txt" p99_ms)")
        rm -rf "$WORK/cycle-$r" "$WORK/ceiling-cycle-$r" "$WORK/ceiling-cycle-group-$r"
    done
    if [ "$DIAG" = 1 ]; then
        echo "== cycle diagnostic: per-commit ceiling with relais-store's first claim statement (f3cfb71), once"
        "$BENCH" ceiling-cycle --db "$WORK/ceiling-cycle-diag/relais.db" --n "$QUEUE" --concurrency "$VOLUNTEERS" \
            --duration "$CYCLE_DURATION" --claim-sql server | tee "$WORK/ceiling-cycle-diag.txt"
        D_RATE=$(field "$WORK/ceiling-cycle-diag.txt" rate)
        rm -rf "$WORK/ceiling-cycle-diag"
    fi
    rm -rf "$TEMPLATE"
fi

# --- table -----------------------------------------------------------------------------
{
    echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git describe --always --dirty 2>/dev/null || echo '?')," \
        "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $RUNS runs each; runs listed in order, then the median."
    echo "Machine busy before the first measurement (other processes): ${BUSY_BEFORE}%."
    echo
    echo "| measure | runs | median | target |"
    echo "|---|---|---|---|"
    if [ ${#I_RATE[@]} -gt 0 ]; then
        mi=$(median "${I_RATE[@]}"); mg=$(median "${G_RATE[@]}"); mc=$(median "${C_RATE[@]}")
        echo "| intake, server (wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION): 2xx requests/s | $(join "${I_RATE[@]}") | **$(fmt "$mi")** | ≥ 2,000 |"
        echo "| intake, server: p50 latency, ms | $(join "${I_P50[@]}") | $(fmt "$(median "${I_P50[@]}")") | |"
        echo "| intake, server: p99 latency, ms | $(join "${I_P99[@]}") | **$(fmt "$(median "${I_P99[@]}")")** | < 50 |"
        echo "| intake, server: non-2xx + socket errors | ${I_BAD[*]} | | 0 |"
        echo "| intake, server CPU (cores busy, of $(nproc)) | $(join "${I_CPU[@]}") | $(fmt "$(median "${I_CPU[@]}")") | |"
        echo "| intake, ceiling with group commit ($CEILING_INTAKE_N intakes, $WRK_CONNS tasks, ≤ $BATCH per commit): requests/s | $(join "${G_RATE[@]}") | $(fmt "$mg") | |"
        echo "| intake, ceiling with group commit: p50 / p99 latency, ms | $(join "${G_P50[@]}") · $(join "${G_P99[@]}") | $(fmt "$(median "${G_P50[@]}")") / $(fmt "$(median "${G_P99[@]}")") | |"
        echo "| intake, ceiling with group commit: writes per commit, mean | $(join "${G_BATCH[@]}") | $(fmt "$(median "${G_BATCH[@]}")") | |"
        echo "| intake, ceiling per commit ($CEILING_INTAKE_N intakes, $WRK_CONNS tasks): requests/s | $(join "${C_RATE[@]}") | $(fmt "$mc") | |"
        echo "| intake, ceiling per commit: p50 / p99 latency, ms | $(join "${C_P50[@]}") · $(join "${C_P99[@]}") | $(fmt "$(median "${C_P50[@]}")") / $(fmt "$(median "${C_P99[@]}")") | |"
        echo "| **intake, server / group-commit ceiling** | | **$(ratio "$mi" "$mg")** | |"
        echo "| intake, server / per-commit ceiling | | $(ratio "$mi" "$mc") | |"
    fi
    if [ ${#Y_RATE[@]} -gt 0 ]; then
        my=$(median "${Y_RATE[@]}"); mw=$(median "${W_RATE[@]}"); mz=$(median "${Z_RATE[@]}")
        echo "| take-next + close, server ($VOLUNTEERS volunteers, ≤ $CYCLE_DURATION): cycles/s | $(join "${Y_RATE[@]}") | **$(fmt "$my")** | ≥ 1,000 |"
        echo "| take-next + close, server: p50 / p99 cycle latency, ms | $(join "${Y_P50[@]}") · $(join "${Y_P99[@]}") | $(fmt "$(median "${Y_P50[@]}")") / $(fmt "$(median "${Y_P99[@]}")") | |"
        echo "| take-next + close, server: errors | ${Y_ERR[*]} | | 0 |"
        echo "| take-next + close, ceiling with group commit ($VOLUNTEERS tasks, queue $QUEUE, ≤ $BATCH per commit): cycles/s | $(join "${W_RATE[@]}") | $(fmt "$mw") | |"
        echo "| take-next + close, ceiling with group commit: p50 / p99 cycle latency, ms | $(join "${W_P50[@]}") · $(join "${W_P99[@]}") | $(fmt "$(median "${W_P50[@]}")") / $(fmt "$(median "${W_P99[@]}")") | |"
        echo "| take-next + close, ceiling with group commit: writes per commit, mean | $(join "${W_BATCH[@]}") | $(fmt "$(median "${W_BATCH[@]}")") | |"
        echo "| take-next + close, ceiling per commit ($VOLUNTEERS tasks, queue $QUEUE): cycles/s | $(join "${Z_RATE[@]}") | $(fmt "$mz") | |"
        echo "| take-next + close, ceiling per commit: p50 / p99 cycle latency, ms | $(join "${Z_P50[@]}") · $(join "${Z_P99[@]}") | $(fmt "$(median "${Z_P50[@]}")") / $(fmt "$(median "${Z_P99[@]}")") | |"
        echo "| **take-next + close, server / group-commit ceiling** | | **$(ratio "$my" "$mw")** | |"
        echo "| take-next + close, server / per-commit ceiling | | $(ratio "$my" "$mz") | |"
        if [ -n "${D_RATE:-}" ]; then
            echo "| take-next + close, per-commit ceiling with the first claim statement of f3cfb71 (1 run): cycles/s | $(fmt "$D_RATE") | | |"
        fi
    fi
} | tee "$WORK/summary.md"
echo
echo "logs and summary: $WORK"
