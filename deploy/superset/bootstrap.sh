#!/usr/bin/env bash
# Start Superset: migrate its metadata, ensure the admin user, register the published xaetl
# warehouse (read-only DuckDB) as a database, then serve.
set -euo pipefail
superset db upgrade
superset fab create-admin \
  --username "${SUPERSET_ADMIN_USER:-admin}" --password "${SUPERSET_ADMIN_PASSWORD:?}" \
  --firstname xaetl --lastname admin --email "${SUPERSET_ADMIN_EMAIL:-admin@localhost}" || true
superset init
# Each query opens the file anew, so a swapped-in publish is seen without a restart.
superset set-database-uri -d "xaetl warehouse" -u "${XAETL_WAREHOUSE_URI:?}"
exec /usr/bin/run-server.sh
