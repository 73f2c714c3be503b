#!/usr/bin/env bash
# Start Superset: migrate its metadata, ensure the admin user, import the xaetl dashboards (the
# bundle overwrites what an earlier start imported: the files are the truth), then serve.
set -euo pipefail
superset db upgrade
superset fab create-admin \
  --username "${SUPERSET_ADMIN_USER:-admin}" --password "${SUPERSET_ADMIN_PASSWORD:?}" \
  --firstname xaetl --lastname admin --email "${SUPERSET_ADMIN_EMAIL:-admin@localhost}" || true
superset init
# Database "xaetl warehouse" (sandboxed: read-only, no file or network access, settings locked),
# its datasets, charts and the dashboard /superset/dashboard/xaetl/. Each query opens the file
# anew, so a swapped-in publish is seen without a restart.
python /app/xaetl/import_bundle.py /app/xaetl/bundle \
  --warehouse-uri "${XAETL_WAREHOUSE_URI:?}" --username "${SUPERSET_ADMIN_USER:-admin}"
exec /usr/bin/run-server.sh
