#!/usr/bin/env bash
# Benchmark of the directory of places at scale (issue 6), release build:
#
#  (a) import: `relais import places` of 100,000 generated places (LMN CSV, one transaction)
#      into a fresh SQLite data folder, wall time. Target < 5 s.
#  (b) search: p50 / p99 of GET /api/v1/places?near=…&need=…&q=…&open_now=… against
#      `relais serve` on that folder, from a second process (wrk + bench/tutorials-search.lua,
#      which cycles over a file of paths), over the generated query set. Target p99 < 5 ms.
#  (c) side by side in the same run: the equivalent query in PostgreSQL (French full-text
#      tsvector + GIN, earthdistance GiST box + exact distance, services GIN, hours as an
#      int4multirange GiST), driven by pgbench from a second process with a custom script
#      drawing its parameters from the same query set; p50 / p99 and the ratio.
#
# The places come from `relais-bench gen-places` (crates/relais-bench/src/gen_places.rs):
# profiles of real Hinaura places, real names and descriptions (Hinaura, Gironde), communes
# weighted like the samples and by population, coordinates jittered around the communes.
#
#   bash bench/places.sh                         # builds the release binaries, 3 runs
#   RELAIS=target/release/relais BENCH=target/release/relais-bench bash bench/places.sh
#   RUNS=1 N=20000 bash bench/places.sh          # quicker look
#   PG_URL=postgres://postgres@127.0.0.1:5432/postgres   (default; a database is created)
#
# Takes /tmp/relais-bench.lock for the measuring part. Work files: target/bench-run/places-<ts>/.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
N=${N:-100000}
QUERIES=${QUERIES:-300}
CONNS=${CONNS:-1}
THREADS=${THREADS:-1}
DURATION=${DURATION:-10}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DB=relais_bench_places
WORK=target/bench-run/places-$(date +%Y%m%d-%H%M%S)
mkdir -p "$WORK"
echo "work directory: $WORK"

for pkg in wrk; do
    if ! command -v "$pkg" >/dev/null; then
        echo "installing $pkg"
        apt-get install -y "$pkg" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$pkg" >/dev/null; }
    fi
done
command -v pgbench >/dev/null || { echo "pgbench (postgresql-client) is needed" >&2; exit 1; }
if [ -z "${RELAIS:-}" ] || [ -z "${BENCH:-}" ]; then
    cargo build --release -p relais -p relais-bench
    RELAIS=${RELAIS:-target/release/relais}
    BENCH=${BENCH:-target/release/relais-bench}
fi

# --- data --------------------------------------------------------------------------------
"$BENCH" gen-places --n "$N" --queries "$QUERIES" \
    --hinaura crates/relais-directory/tests/data/hinaura-lieux-mediation-numerique.json \
    --gironde crates/relais-directory/tests/data/gironde-hubik-lieux.json \
    --out-dir "$WORK" | tee "$WORK/gen.txt"
echo "places file: $(du -h "$WORK/places.csv" | cut -f1), $(($(wc -l <"$WORK/paths.txt"))) queries"

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT

free_port() {
    local p
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    echo "no free port" >&2; return 1
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
field() { grep '^RESULT' "$1" | tail -1 | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# --- PostgreSQL: the same places, the indexes a careful engineer adds ----------------------
ADMIN_URL=$PG_URL
PG_BENCH_URL=$(echo "$PG_URL" | sed -E "s#/[^/]*\$#/$PG_DB#")
psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB"
{
cat <<'SQL'
CREATE EXTENSION cube;
CREATE EXTENSION earthdistance;
CREATE TABLE bench_places (
    id TEXT PRIMARY KEY, nom TEXT NOT NULL, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    services TEXT[] NOT NULL, free BOOLEAN NOT NULL, doc TEXT NOT NULL, open_ranges int4multirange
);
CREATE TABLE bench_queries (
    k INTEGER PRIMARY KEY, near TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, radius_km INTEGER,
    need TEXT, q TEXT, open_now BOOLEAN
);
SQL
echo "\\copy bench_places (id, nom, lat, lon, services, free, doc, open_ranges) FROM '$WORK/pg-places.csv' WITH (FORMAT csv, HEADER true)"
echo "\\copy bench_queries FROM '$WORK/queries.tsv' WITH (FORMAT text, HEADER true, NULL '')"
cat <<'SQL'
ALTER TABLE bench_places ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('french', doc)) STORED;
CREATE INDEX bench_places_earth ON bench_places USING gist (ll_to_earth(lat, lon));
CREATE INDEX bench_places_tsv ON bench_places USING gin (tsv);
CREATE INDEX bench_places_services ON bench_places USING gin (services);
CREATE INDEX bench_places_open ON bench_places USING gist (open_ranges);
-- The query's words, one tsquery per word (the rule counts words a place misses).
ALTER TABLE bench_queries ADD COLUMN w1 TEXT NOT NULL DEFAULT '', ADD COLUMN w2 TEXT NOT NULL DEFAULT '', ADD COLUMN nw INTEGER NOT NULL DEFAULT 0;
UPDATE bench_queries SET need = coalesce(need, ''), q = coalesce(q, '');
UPDATE bench_queries SET w1 = coalesce(split_part(q, ' ', 1), ''), w2 = coalesce(split_part(q, ' ', 2), '');
UPDATE bench_queries SET nw = (w1 <> '')::int + (w2 <> '')::int;
VACUUM ANALYZE bench_places;
VACUUM ANALYZE bench_queries;
SQL
} >"$WORK/pg-setup.sql"
PG_SETUP_START=$(date +%s.%N)
psql "$PG_BENCH_URL" -q -v ON_ERROR_STOP=1 -f "$WORK/pg-setup.sql"
PG_SETUP=$(awk -v a="$PG_SETUP_START" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
NQ=$(psql "$PG_BENCH_URL" -Atc "SELECT count(*) FROM bench_queries")
echo "postgres: $(psql "$PG_BENCH_URL" -Atc "SELECT count(*) FROM bench_places") places, $NQ queries, load + indexes ${PG_SETUP}s"

# The query: candidates in the earth box of the radius, exact distance, need, open now, at
# least one word; rank = distance + 5 km per missing word (Relais's rule), then name.
cat >"$WORK/pg-search.sql" <<'SQL'
\set k random(1, :nq)
SELECT lat AS qlat, lon AS qlon, radius_km AS qr, need AS qneed, w1 AS qw1, w2 AS qw2, nw AS qnw, open_now AS qopen FROM bench_queries WHERE k = :k \gset
SELECT id, nom, d FROM (
    SELECT id, nom, tsv, earth_distance(ll_to_earth(:qlat, :qlon), ll_to_earth(lat, lon)) / 1000.0 AS d
    FROM bench_places
    WHERE earth_box(ll_to_earth(:qlat, :qlon), :qr * 1000.0) @> ll_to_earth(lat, lon)
      AND (:qneed = '' OR services @> ARRAY[:qneed]::text[])
      AND (NOT :qopen::boolean OR open_ranges @> :minute::int)
      AND (:qnw = 0 OR tsv @@ (plainto_tsquery('french', :qw1) || plainto_tsquery('french', :qw2)))
) s
WHERE d <= :qr
ORDER BY d + 5 * ((:qw1 <> '' AND NOT tsv @@ plainto_tsquery('french', :qw1))::int
                + (:qw2 <> '' AND NOT tsv @@ plainto_tsquery('french', :qw2))::int), nom
LIMIT 50;
SQL
# Europe/Paris minute of the week (Monday 00:00 = 0), for open_now.
MINUTE=$(TZ=Europe/Paris date +'%u %H %M' | awk '{print ($1 - 1) * 1440 + $2 * 60 + $3}')

# --- runs -----------------------------------------------------------------------------------
IMPORT_S=() R_P50=() R_P99=() R_RPS=() R_BAD=() P_P50=() P_P99=() P_TPS=() P_BAD=()
run() {
    local r=$1 data="$WORK/data-$1" out
    # (a) import into a fresh folder (migrations first, outside the timing).
    "$RELAIS" migrate --data-dir "$data" >/dev/null
    local t0 t1
    t0=$(date +%s.%N)
    "$RELAIS" import places "$WORK/places.csv" --data-dir "$data" >"$WORK/import-$r.txt"
    t1=$(date +%s.%N)
    IMPORT_S+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')")
    tail -2 "$WORK/import-$r.txt"
    # (b) relais serve, wrk from a second process.
    local port; port=$(free_port)
    "$RELAIS" serve --bind "127.0.0.1:$port" --data-dir "$data" >"$WORK/relais-$r.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
    while read -r p; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port$p")
        [ "$code" = 200 ] || { echo "$p answered $code" >&2; exit 1; }
    done < <(head -20 "$WORK/paths.txt")
    out="$WORK/relais-wrk-$r.txt"
    timeout 60 wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency -s bench/tutorials-search.lua \
        "http://127.0.0.1:$port" -- "$WORK/paths.txt" >"$out"
    R_P50+=("$(field "$out" p50_ms)"); R_P99+=("$(field "$out" p99_ms)"); R_RPS+=("$(field "$out" rate)")
    R_BAD+=("$(( $(field "$out" errors) + $(field "$out" socket_errors) ))")
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
    # (c) PostgreSQL, pgbench from a second process, same clients, same duration.
    out="$WORK/pg-$r"
    mkdir -p "$out"
    # (client_min_messages: the empty tsquery of a one-word query is a NOTICE per transaction.)
    (cd "$out" && PGOPTIONS='-c client_min_messages=warning' timeout 60 pgbench -n -M extended -c "$CONNS" -j "$THREADS" -T "$DURATION" -l \
        -D nq="$NQ" -D minute="$MINUTE" -f "$OLDPWD/$WORK/pg-search.sql" "$PG_BENCH_URL" >summary.txt 2>&1) \
        || { cat "$out/summary.txt" >&2; exit 1; }
    # pgbench's log: one line per transaction, latency in µs in column 3 (both statements:
    # the parameter look-up by primary key and the search).
    cat "$out"/pgbench_log.* | awk '{print $3}' | sort -n >"$out/lat.txt"
    local n; n=$(wc -l <"$out/lat.txt")
    P_P50+=("$(awk -v n="$n" 'NR == int(n * 0.50) + 1 {printf "%.3f", $1 / 1000}' "$out/lat.txt")")
    P_P99+=("$(awk -v n="$n" 'NR == int(n * 0.99) + 1 {printf "%.3f", $1 / 1000}' "$out/lat.txt")")
    P_TPS+=("$(awk '/^tps/ {printf "%.0f", $3}' "$out/summary.txt")")
    P_BAD+=("$(awk '/failed transactions/ {print $5}' "$out/summary.txt")")
    echo "run $r: import ${IMPORT_S[-1]} s · relais p50 ${R_P50[-1]} p99 ${R_P99[-1]} ms (${R_RPS[-1]}/s) · postgres p50 ${P_P50[-1]} p99 ${P_P99[-1]} ms (${P_TPS[-1]}/s)"
}

LOAD_START=$(uptime | sed 's/.*load average: //')
exec 9>/tmp/relais-bench.lock
flock 9
for r in $(seq 1 "$RUNS"); do run "$r"; done
flock -u 9
LOAD_END=$(uptime | sed 's/.*load average: //')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
MR99=$(median "${R_P99[@]}"); MP99=$(median "${P_P99[@]}")
MR50=$(median "${R_P50[@]}"); MP50=$(median "${P_P50[@]}")
cat <<EOF | tee "$WORK/table.md"

$N places, $(wc -l <"$WORK/paths.txt") queries, wrk -t$THREADS -c$CONNS / pgbench -c$CONNS -j$THREADS, ${DURATION} s each, $RUNS runs
(load average at start: $LOAD_START; at end: $LOAD_END; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))

| measure | runs | median | target |
|---|---|---|---|
| \`relais import places\` of $N places (s) | ${IMPORT_S[*]} | **$(median "${IMPORT_S[@]}")** | < 5 |
| Relais search p50 ms | ${R_P50[*]} | $MR50 | |
| Relais search p99 ms | ${R_P99[*]} | **$MR99** | < 5 |
| Relais requests/s | ${R_RPS[*]} | $(median "${R_RPS[@]}") | |
| Relais non-2xx + socket errors | ${R_BAD[*]} | | 0 |
| PostgreSQL p50 ms | ${P_P50[*]} | $MP50 | |
| PostgreSQL p99 ms | ${P_P99[*]} | **$MP99** | |
| PostgreSQL transactions/s | ${P_TPS[*]} | $(median "${P_TPS[@]}") | |
| PostgreSQL failed transactions | ${P_BAD[*]} | | 0 |
| **PostgreSQL / Relais**, p50 · p99 | | **$(ratio "$MP50" "$MR50")× · $(ratio "$MP99" "$MR99")×** | |

PostgreSQL load of the same places (COPY + tsvector + 4 indexes + ANALYZE): ${PG_SETUP} s.
EOF
