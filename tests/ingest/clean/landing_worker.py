"""A separate process landing pages with clean_pages, for the cross-process near-duplicate tests.

    python landing_worker.py DATA_DIR ROWS_JSON SITE_ID FAMILY [--write-delay S] [--writing PATH]

`--write-delay` sleeps before each documents part is written (after the groups are assigned),
and `--writing` names a file created at that moment, so a test can act while this process is
between assigning groups and writing them. Prints the number of documents landed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from ingest.clean import landing
from ingest.land import DOCUMENTS_SCHEMA
from ingest.paths import DataPaths
from ingest.sites import Site


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("rows")
    ap.add_argument("site_id")
    ap.add_argument("family")
    ap.add_argument("--write-delay", type=float, default=0.0)
    ap.add_argument("--writing", default=None)
    args = ap.parse_args()
    rows = json.loads(Path(args.rows).read_text(encoding="utf-8"))
    for r in rows:
        r["fetched_at"] = datetime.fromisoformat(r["fetched_at"])
    original = landing.write_part

    def slow_write(directory, schema, rows, **kw):
        if schema is DOCUMENTS_SCHEMA:
            if args.writing:
                Path(args.writing).touch()
            time.sleep(args.write_delay)
        return original(directory, schema, rows, **kw)

    landing.write_part = slow_write
    site = Site(
        id=args.site_id, commune="x", province="y", family=args.family, base_url="http://h/", listing_urls=()
    )
    print(landing.clean_pages(DataPaths.at(args.data_dir), site, rows, run_id="worker"))


if __name__ == "__main__":
    main()
