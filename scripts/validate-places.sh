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

# data·inclusion: the export of the same places, and of a data·inclusion sample imported,
# validated object by object with the `jsonschema` reference implementation (PyPI) against
# the schema files structure.json / service.json (formats checked: date, email, uri).
if ! "$VENV/bin/python" -c 'import jsonschema, rfc3986_validator' 2>/dev/null; then
  "$VENV/bin/pip" install --quiet 'jsonschema>=4.20,<5' 'rfc3986-validator>=0.1'
fi
"$BIN" import places "$DATA/data-inclusion-sample.json" --format data-inclusion --data-dir "$WORK/db" >/dev/null
"$BIN" export places --format data-inclusion --output "$WORK/di.json" --data-dir "$WORK/db"
"$VENV/bin/python" - "$WORK/di.json" crates/relais-directory/data/data-inclusion <<'PY'
import json, sys
from jsonschema import Draft202012Validator, FormatChecker
export, folder = json.load(open(sys.argv[1])), sys.argv[2]
bad = 0
for key, file in (("structures", "structure.json"), ("services", "service.json")):
    v = Draft202012Validator(json.load(open(f"{folder}/{file}")), format_checker=FormatChecker())
    for obj in export[key]:
        for e in v.iter_errors(obj):
            bad += 1
            print(f"{key} {obj.get('id')}: {e.json_path}: {e.message}")
    print(f"data-inclusion {key}: {len(export[key])} checked against {file}")
sys.exit(1 if bad else 0)
PY
