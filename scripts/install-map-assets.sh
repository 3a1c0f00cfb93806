#!/usr/bin/env bash
# Installs the map library of the /lieux page (Leaflet, from npm, pinned by
# map-assets/package-lock.json) into map-assets/node_modules. Its source is never committed.
# `relais serve` serves map-assets/node_modules/leaflet/dist when it is there (or the folder
# given by --map-assets-dir); without it /lieux shows its list only and nothing breaks.
# Idempotent: does nothing when the installed copy is newer than the lock file.
set -euo pipefail
cd "$(dirname "$0")/../map-assets"

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js 20 first" >&2
  exit 1
fi
if [ -f node_modules/leaflet/dist/leaflet.js ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "map-assets/node_modules is up to date"
else
  npm ci --no-audit --no-fund --loglevel=error
fi
test -f node_modules/leaflet/dist/leaflet.js
echo "Leaflet $(node -p 'require("./node_modules/leaflet/package.json").version') in map-assets/node_modules/leaflet/dist"
