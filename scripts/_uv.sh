# Sourced by the scripts: make `uv` available (installing it with pip when missing) and sync.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check uv >&2
  # pip may put the binary in a directory that is not on PATH (--user installs): find it there,
  # so that tests which create side environments (DuckDB 1.x) can call `uv` too.
  PATH="$(python3 -c 'import os, uv; print(os.path.dirname(uv.find_uv_bin()))'):$PATH"
  export PATH
fi
UV=(uv)
export UV_PYTHON_DOWNLOADS=never DO_NOT_TRACK=1 DBT_SEND_ANONYMOUS_USAGE_STATS=False \
  GX_ANALYTICS_ENABLED=False SCARF_ANALYTICS=false
"${UV[@]}" sync --frozen --python 3.11 --quiet
