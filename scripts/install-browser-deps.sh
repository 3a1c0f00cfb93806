#!/usr/bin/env bash
# Installs what the browser tests need: Debian's chromium, sqlite3 and the e2e npm packages.
# Idempotent: does nothing that is already done. Never downloads a browser build of its own
# (no `npx playwright install`): the tests drive /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
chromium --version 2>/dev/null

# The referral test reads the place's one-time link from the server's outbox (SQLite file).
if ! command -v sqlite3 >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null; }
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js 20 first" >&2
  exit 1
fi

# Playwright must not try to fetch its own browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
cd e2e
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "e2e/node_modules is up to date"
else
  npm ci --no-audit --no-fund --loglevel=error
fi
