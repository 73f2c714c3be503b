#!/usr/bin/env bash
# Check the Superset dashboard bundle in a side environment: Superset 6 with its own pins (pandas < 2.2,
# SQLAlchemy < 2, DuckDB 1.x) in .cache/superset-venv, created with uv on first use (~3 min), then
# import the bundle and query every chart through Superset's API against a published warehouse.
#   deploy/superset/check-bundle.sh [DATA_DIR] [--screenshot FILE]     (DATA_DIR default: data/demo)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source "$repo/scripts/_uv.sh"
data_dir="data/demo"
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then data_dir="$1"; shift; fi
venv="$repo/.cache/superset-venv"
if [ ! -x "$venv/bin/superset" ]; then
  "${UV[@]}" venv -q "$venv" --python 3.11
fi
"${UV[@]}" pip install -q --python "$venv/bin/python" -r "$repo/deploy/superset/requirements.txt"
exec "$venv/bin/python" "$repo/deploy/superset/check_bundle.py" --warehouse "$data_dir/published/warehouse.duckdb" "$@"
