#!/usr/bin/env bash
# Set up the environment, run the linters, then the whole test suite. Fails on "no tests ran".
# Installed packages are compiled to bytecode once at sync: where PYTHONDONTWRITEBYTECODE is set
# (as on the development machines) every test process would otherwise recompile dbt, Great
# Expectations and Airflow from source: that doubled the CPU time of `pytest -m "not slow"`.
export UV_COMPILE_BYTECODE=1
source "$(dirname "$0")/_uv.sh"
run() { "${UV[@]}" run --frozen --no-sync "$@"; }
# The report and docs tests render pages in headless Chromium (Debian's package): install it when
# missing and possible (root with apt-get); elsewhere those tests fail saying what to install.
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "== installing Debian's chromium for the browser tests"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
    echo "could not install chromium: the browser tests will fail" >&2
fi
echo "== ruff check"; run ruff check .
echo "== ruff format --check"; run ruff format --check .
echo "== sqlfluff lint dbt/models"; run sqlfluff lint dbt/models dbt/tests --processes 2
echo "== mypy ingest expectations dags evaluation"; run mypy
echo "== pytest"
set +e
run pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi
exit "$code"
