#!/usr/bin/env bash
# Validates the directory's LMN CSV export with `frictionless` (PyPI), the reference
# validator of the Table Schema the official places schema is written in. Installs it in a
# virtualenv under target/ on first use. Exports the schema's valid example and the real
# Hinaura sample (legacy schema, upgraded on import) through the `relais` binary.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${FRICTIONLESS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/relais-frictionless-venv}"
if [ ! -x "$VENV/bin/frictionless" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet 'frictionless>=5,<6'
fi
cargo build -p relais --quiet
mkdir -p target
# frictionless refuses paths outside its working directory ("not safe"): work in one folder.
WORK=$(mktemp -d -p "$PWD/target" places-validate.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
DATA=crates/relais-directory/tests/data
BIN=target/debug/relais
"$BIN" import places "$DATA/exemple-valide.csv" --data-dir "$WORK/db" >/dev/null
"$BIN" import places "$DATA/hinaura-lieux-mediation-numerique.json" --data-dir "$WORK/db" >/dev/null
"$BIN" export places --format lmn-csv --output "$WORK/places.csv" --data-dir "$WORK/db"
cp "$DATA/schema.json" "$WORK/schema.json"
(cd "$WORK" && "$VENV/bin/frictionless" validate --schema schema.json places.csv)
