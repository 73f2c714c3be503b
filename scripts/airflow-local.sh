#!/usr/bin/env bash
# Start Airflow locally without Docker: `airflow standalone` with this repo's DAGs, a git-ignored
# AIRFLOW_HOME (.airflow/, SQLite), the crawl pool, and the portal simulator as the site list.
#
#   ./scripts/airflow-local.sh          then open http://localhost:8080 (no login: local only)
#
# Ctrl-C stops Airflow and the simulator. Settings (environment variables):
#   AIRFLOW_PORT=8080        UI / API port          XAETL_SIM_PORT=8765   simulator port
#   XAETL_LOCAL_HOME=.airflow  Airflow home         XAETL_DATA_DIR=<home>/data  xaetl data dir
#   XAETL_REGISTRY=FILE      crawl these sites instead of the simulator (no simulator started)
#   XAETL_CRAWL_SLOTS=2      sites crawled at once (slots of the pool `xaetl_crawl`)
source "$(dirname "$0")/_uv.sh"  # cd to the repo root, `uv sync --frozen`, offline telemetry
REPO="$(pwd)"
BIN="$(dirname "$("${UV[@]}" run --frozen --no-sync python -c 'import sys; print(sys.executable)')")"

export PATH="$BIN:$PATH"  # `airflow standalone` starts its components as `airflow ...` from PATH
export AIRFLOW_HOME="${XAETL_LOCAL_HOME:-$REPO/.airflow}"
mkdir -p "$AIRFLOW_HOME"
AIRFLOW_HOME="$(cd "$AIRFLOW_HOME" && pwd)"
PORT="${AIRFLOW_PORT:-8080}"
SIM_PORT="${XAETL_SIM_PORT:-8765}"
export AIRFLOW__CORE__DAGS_FOLDER="$REPO/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
# Unpaused at creation: the warehouse DAG must run when the nightly DAG updates its Asset.
# With catchup=False the scheduler runs only the latest missed 01:00 slot: on a first start the
# nightly DAG runs once at once (against the simulator), then every night at 01:00.
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=False
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS=True  # no login; the UI listens on 127.0.0.1 only
export AIRFLOW__CORE__PARALLELISM="${AIRFLOW__CORE__PARALLELISM:-4}"  # task processes at once (2-core laptops)
export AIRFLOW__API__HOST=127.0.0.1
export AIRFLOW__API__PORT="$PORT"
export AIRFLOW__API__BASE_URL="http://localhost:$PORT"
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="http://127.0.0.1:$PORT/execution/"
export XAETL_DATA_DIR="${XAETL_DATA_DIR:-$AIRFLOW_HOME/data}"
LOG="$AIRFLOW_HOME/airflow-local.log"
: >"$LOG"

SIM_PID="" AF_PID=""
stop() {
  trap - INT TERM EXIT
  if [ -n "$AF_PID" ] && kill -0 "$AF_PID" 2>/dev/null; then
    echo "Stopping Airflow..."
    # Airflow runs in its own process group (set -m below): standalone and its components.
    kill -INT -- "-$AF_PID" 2>/dev/null || true  # standalone stops its components on SIGINT
    for _ in $(seq 60); do kill -0 "$AF_PID" 2>/dev/null || break; sleep 1; done
    kill -TERM -- "-$AF_PID" 2>/dev/null || true
    # Idle LocalExecutor workers orphaned by a scheduler that was slow to stop ignore SIGTERM.
    for _ in $(seq 10); do pgrep -g "$AF_PID" >/dev/null || break; sleep 1; done
    kill -KILL -- "-$AF_PID" 2>/dev/null || true
  fi
  if [ -n "$SIM_PID" ] && kill -0 "$SIM_PID" 2>/dev/null; then
    echo "Stopping the portal simulator..."
    kill -TERM "$SIM_PID" 2>/dev/null || true
    wait "$SIM_PID" 2>/dev/null || true
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM
# Job control: background jobs get their own process groups and keep SIGINT, so Ctrl-C reaches
# this script only, and stop() shuts Airflow down in order (standalone handles SIGINT).
set -m

if [ -z "${XAETL_REGISTRY:-}" ]; then
  export XAETL_REGISTRY="$AIRFLOW_HOME/simulator-sites.yaml"
  rm -f "$XAETL_REGISTRY"
  echo "Starting the portal simulator on 127.0.0.1:$SIM_PORT (log: $LOG)..."
  "$BIN/xaetl" simulate --port "$SIM_PORT" --registry-out "$XAETL_REGISTRY" >>"$LOG" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 60); do
    [ -s "$XAETL_REGISTRY" ] && break
    kill -0 "$SIM_PID" 2>/dev/null || { echo "The simulator did not start; see $LOG" >&2; exit 1; }
    sleep 0.5
  done
  [ -s "$XAETL_REGISTRY" ] || { echo "The simulator wrote no registry; see $LOG" >&2; exit 1; }
fi

echo "Preparing $AIRFLOW_HOME (SQLite metadata, pool, DAGs)..."
"$BIN/airflow" db migrate >>"$LOG" 2>&1
"$BIN/airflow" pools set xaetl_crawl "${XAETL_CRAWL_SLOTS:-2}" "xaetl: concurrent site crawls" >>"$LOG" 2>&1
"$BIN/airflow" dags reserialize >>"$LOG" 2>&1
import_errors="$("$BIN/airflow" dags list-import-errors -o json 2>>"$LOG" | tail -n 1)"
if [ "$import_errors" != "[]" ]; then
  echo "Some DAG files do not import (fix them, then restart): $import_errors" >&2
fi

cat <<EOF

  Airflow UI     http://localhost:$PORT     (DAGs: xaetl_nightly → xaetl_warehouse)
  Site registry  $XAETL_REGISTRY
  Data dir       $XAETL_DATA_DIR   (published warehouse: published/warehouse.duckdb)
  Task logs      $AIRFLOW_HOME/logs
  Trigger from a shell:
    AIRFLOW_HOME=$AIRFLOW_HOME AIRFLOW__CORE__DAGS_FOLDER=$REPO/dags $BIN/airflow dags trigger xaetl_nightly
  Ctrl-C stops everything.

EOF
"$BIN/airflow" standalone &
AF_PID=$!
wait "$AF_PID"
