"""Superset settings for the xaetl deployment: every secret comes from the environment."""

import os

SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
# Superset's own metadata (dashboards, users) in its state volume, not in the warehouse.
SQLALCHEMY_DATABASE_URI = os.environ.get("SUPERSET_METADATA_URI", "sqlite:////app/superset_home/superset.db")
# No SQLite connections added through the UI; the warehouse itself is opened read-only.
PREVENT_UNSAFE_DB_CONNECTIONS = True
