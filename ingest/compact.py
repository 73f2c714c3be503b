"""Compaction of old landing nights: a night's per-site parts of one table become one file.

Tonight's landing is one part per site per run per table (tens of thousands of files at
national scale); once a night is older than the incremental window nobody needs its per-site
files, so `compact_night` rewrites them as `crawl_date=D/site=_all/part-compacted-<hash>.parquet`,
rows sorted by site (row-group statistics then skip other sites' rows), and removes the inputs.
The compacted file records its inputs in its Parquet metadata: a compaction killed between the
write and the removals is finished by the next one (readers de-duplicate rows meanwhile, as
they do for replays). Rows are never changed, only moved.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, timedelta

import pyarrow as pa
import pyarrow.parquet as pq

from ingest.land import night_parts
from ingest.paths import COMPACTED_SITE, TABLES, VERSIONED_TABLES, landing_dir
from ingest.storage import Store

log = logging.getLogger(__name__)

INPUTS_KEY = b"xaetl.compacted_inputs"
ROW_GROUP_ROWS = 20_000


@dataclass
class CompactResult:
    nights: int = 0
    files_before: int = 0
    files_after: int = 0


def _read(store: Store, key: str) -> tuple[pa.Table, list[str]]:
    table = store.read_parquet(key)
    meta = table.schema.metadata or {}
    inputs = json.loads(meta[INPUTS_KEY]) if INPUTS_KEY in meta else []
    return table.replace_schema_metadata(None), inputs


def compact_night(store: Store, table: str, night: str, clean_version: str | None = None) -> tuple[int, int]:
    """Compact one night of one table; returns (files before, files after)."""
    keys = night_parts(store, table, night, clean_version)
    compacted = [k for k in keys if f"/site={COMPACTED_SITE}/" in k]
    # finish a compaction that died after writing its output
    for key in compacted:
        _, inputs = _read(store, key)
        for leftover in set(inputs) & set(keys):
            store.delete(leftover)
    keys = night_parts(store, table, night, clean_version)
    if len(keys) <= 1:
        return len(keys), len(keys)
    tables = [_read(store, k)[0] for k in keys]
    merged = pa.concat_tables(tables, promote_options="permissive")
    if "site_id" in merged.column_names:
        merged = merged.sort_by([("site_id", "ascending")])
    digest = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]
    top = f"{landing_dir(table, clean_version)}/crawl_date={night}/site={COMPACTED_SITE}"
    target = f"{top}/part-compacted-{digest}.parquet"
    merged = merged.replace_schema_metadata({INPUTS_KEY: json.dumps(keys).encode()})
    sink = pa.BufferOutputStream()
    pq.write_table(merged, sink, compression="zstd", row_group_size=ROW_GROUP_ROWS)
    store.write_bytes(target, sink.getvalue().to_pybytes())
    for key in keys:
        if key != target:
            store.delete(key)
    log.info("compacted %s night %s: %d files -> 1 (%d rows)", table, night, len(keys), merged.num_rows)
    return len(keys), 1


def compact(store: Store, *, older_than_days: int = 7, today: date | None = None) -> CompactResult:
    """Compact every night older than `older_than_days` of every landing table."""
    cutoff = f"{(today or date.today()) - timedelta(days=older_than_days):%Y-%m-%d}"
    result = CompactResult()
    for table in TABLES:
        tops: list[tuple[str, str | None]] = [(landing_dir(table), None)]
        if table in VERSIONED_TABLES:
            tops = [
                (f"{landing_dir(table)}/{v}", v.split("=", 1)[1])
                for v in store.ls(landing_dir(table))
                if v.startswith("clean_version=")
            ]
        for top, version in tops:
            for entry in store.ls(top):
                if not entry.startswith("crawl_date="):
                    continue
                night = entry.split("=", 1)[1]
                if night >= cutoff:
                    continue
                before, after = compact_night(store, table, night, version)
                if before != after:
                    result.nights += 1
                result.files_before += before
                result.files_after += after
    return result
