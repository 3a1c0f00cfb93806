#!/usr/bin/env bash
# Benchmark of bulk invitations (issue 4): a CSV of ROWS people (default 2,000) uploaded to
# POST /api/v1/networks/{id}/invitations of a release `relais serve`, timed until the 201
# (target: under 5 s), then until every invitation e-mail has left the outbox and reached a
# local SMTP sink (Python's aiosmtpd, installed in a virtualenv under target/), with the rate
# in messages per second. SQLite always; PostgreSQL too when PG_URL is set.
#
#   bash bench/invitations.sh
#   RUNS=1 PG_URL=postgres://postgres@127.0.0.1:5432/postgres bash bench/invitations.sh
#   PROFILE=debug bash bench/invitations.sh     # a quick look with the debug build
#
# Traffic stays on 127.0.0.1. Prints a markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE=${PROFILE:-release}
if [ "$PROFILE" = release ]; then cargo build --release -p relais; else cargo build -p relais; fi
VENV=target/bench-venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet aiosmtpd
fi
RELAIS=target/$PROFILE/relais "$VENV/bin/python" bench/invitations.py
