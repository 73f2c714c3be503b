"""Superset settings for the xaetl deployment: every secret comes from the environment."""

import os

SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
# Superset's own metadata (dashboards, users) in its state volume, not in the warehouse.
SQLALCHEMY_DATABASE_URI = os.environ.get("SUPERSET_METADATA_URI", "sqlite:////app/superset_home/superset.db")
# No SQLite connections added through the UI; the warehouse itself is opened read-only.
PREVENT_UNSAFE_DB_CONNECTIONS = True

# Telemetry off and nothing remote. Superset's frontend carries an analytics pixel (Scarf) and may
# fetch map tiles and web fonts from CDNs; this content security policy lets browsers load only
# what this server serves. (Superset's default policy, with every remote host removed.)
TALISMAN_ENABLED = True
TALISMAN_CONFIG = {
    "content_security_policy": {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        "script-src": ["'self'", "'strict-dynamic'"],
    },
    "content_security_policy_nonce_in": ["script-src"],
    "force_https": False,
    "session_cookie_secure": False,
}
