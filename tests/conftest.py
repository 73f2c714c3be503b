"""Suite-wide setup: offline telemetry, shared fixtures live in the per-area conftests."""

from ingest.pipeline import go_offline

go_offline()
