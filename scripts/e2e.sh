#!/usr/bin/env bash
# Browser tests of the public pages: builds the server, runs it in demo mode on a free port
# with a throw-away data directory, runs the e2e/ suite (node --test) against it, stops it.
# Exit status: the test runner's. Set RELAIS_E2E_KEEP=1 to keep the data dir and server log.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

bash scripts/install-browser-deps.sh
# The /lieux map's library (Leaflet from npm); the server finds it in map-assets/ (cwd).
bash scripts/install-map-assets.sh

cargo build -p relais
BIN="$ROOT/target/debug/relais"

PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
DATA="$(mktemp -d -t relais-e2e.XXXXXX)"
LOG="$DATA/server.log"
URL="http://127.0.0.1:$PORT"

"$BIN" serve --demo --bind "127.0.0.1:$PORT" --data-dir "$DATA" >"$LOG" 2>&1 &
SERVER=$!

cleanup() {
  if kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER" 2>/dev/null || true
  fi
  if [ "${RELAIS_E2E_KEEP:-0}" = 1 ]; then echo "kept $DATA"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

ready=0
for _ in $(seq 120); do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "the server stopped before answering /healthz:" >&2; cat "$LOG" >&2; exit 1
  fi
  if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' "$URL/healthz"; then
    ready=1; break
  fi
  sleep 0.5
done
if [ "$ready" != 1 ]; then
  echo "the server did not answer GET /healthz with 200 within 60 s:" >&2; tail -50 "$LOG" >&2; exit 1
fi
echo "server ready at $URL"

status=0
(cd e2e && RELAIS_URL="$URL" RELAIS_E2E_DB="$DATA/relais.db" node --test --test-reporter=tap --test-concurrency=1) || status=$?
if [ "$status" != 0 ]; then
  echo "--- last lines of the server log ---"; tail -40 "$LOG"
fi
exit "$status"
