"""The only writer of landing files: content-addressed raw HTML and append-only Parquet parts.

Everything goes through a `Store` (local disk or S3-compatible object storage, `ingest.storage`),
whose writes are whole-or-nothing, so a killed process leaves either the whole file or nothing.
Parts are never rewritten (compaction only moves rows, `ingest.compact`): each site run writes
its own parts under `<table>/[clean_version=V/]crawl_date=<night>/site=<site>/` (layout in
`ingest.paths`), and readers de-duplicate replays by key.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from ingest.paths import DataPaths
from ingest.storage import Store

log = logging.getLogger(__name__)

TS = pa.timestamp("us", tz="UTC")

PAGES_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("site_id", pa.string()),
        ("url", pa.string()),
        ("final_url", pa.string()),
        ("fetched_at", TS),
        ("status", pa.int32()),
        ("change", pa.string()),  # new | changed | unchanged (not_modified: parts before 304s were counts)
        ("content_sha256", pa.string()),  # the raw version this fetch is (stored under raw/)
        ("version", pa.int32()),  # 1 for the first content seen at a URL, +1 per new content
        ("etag", pa.string()),
        ("last_modified", pa.string()),
        ("bytes", pa.int64()),
        ("encoding", pa.string()),
        ("content_type", pa.string()),
        (
            "body_sha256",
            pa.string(),
        ),  # the bytes received (differ from content_sha256: same text, new chrome)
    ]
)

FETCH_ERRORS_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("site_id", pa.string()),
        ("url", pa.string()),
        ("error_class", pa.string()),  # timeout | http_5xx | http_4xx | too_large | robots | ...
        ("message", pa.string()),
        ("status", pa.int32()),
        ("attempt", pa.int32()),
        ("occurred_at", TS),
        ("kind", pa.string()),  # article | listing | sitemap | feed | robots: what the URL was fetched as
    ]
)

DOCUMENTS_SCHEMA = pa.schema(
    [
        ("content_sha256", pa.string()),
        ("clean_version", pa.string()),
        ("run_id", pa.string()),
        ("site_id", pa.string()),
        ("url", pa.string()),
        ("final_url", pa.string()),
        ("fetched_at", TS),
        ("version", pa.int32()),
        ("title", pa.string()),
        ("published_at", pa.string()),
        ("text", pa.string()),
        ("text_sha256", pa.string()),
        ("footnotes_json", pa.string()),
        ("warnings_json", pa.string()),
        ("neardup_group", pa.string()),  # content_sha256 of the first document of its group
        ("minhash", pa.list_(pa.uint32())),
        ("cleaned_at", TS),
        ("shingle_count", pa.int32()),  # distinct word shingles behind `minhash` (containment estimate)
    ]
)

BLOCKS_SCHEMA = pa.schema(
    [
        ("content_sha256", pa.string()),
        ("clean_version", pa.string()),
        ("block_no", pa.int32()),
        ("block_type", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("marker", pa.string()),
    ]
)

CRAWL_RUNS_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("site_id", pa.string()),
        ("started_at", TS),
        ("finished_at", TS),
        ("pages_seen", pa.int32()),
        ("pages_new", pa.int32()),
        ("pages_changed", pa.int32()),
        ("pages_unchanged", pa.int32()),
        ("pages_failed", pa.int32()),
        ("requests", pa.int32()),
        ("documents_cleaned", pa.int32()),
        ("pages_not_modified", pa.int32()),  # 304 answers: counted here, no page row
        ("pages_clean_failed", pa.int32()),
        ("revisits", pa.int32()),  # known articles fetched again because they were due
        ("revisits_deferred", pa.int32()),  # due, left for a later night by the budget
        # The raw audit (ingest.raw_audit); parts landed before these columns read them as null.
        ("raw_audited", pa.int32()),  # known URLs whose raw file was checked
        ("raw_lost", pa.int32()),  # of those, found without it: refetched first, without validators
    ]
)

# The registry as it was at each run, so the warehouse knows each site's commune as published.
SITES_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("site_id", pa.string()),
        ("commune", pa.string()),
        ("district", pa.string()),
        ("province", pa.string()),
        ("family", pa.string()),
        ("base_url", pa.string()),
        ("registered_at", TS),
    ]
)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


RUN_DATE = re.compile(r"^(?:[a-z]+-)?(\d{4})(\d{2})(\d{2})T")


def crawl_date_of(run_id: str, started: datetime | None = None) -> str:
    """The one rule for a run's landing night: the date in a `[kind-]YYYYMMDDT...` run id, else
    the run's start date (UTC). Every table a run lands goes under this one `crawl_date`, so a
    run that crosses midnight, or a backfill, never spreads over two nights."""
    m = RUN_DATE.match(run_id)
    if m:
        return f"{m[1]}-{m[2]}-{m[3]}"
    return f"{(started or datetime.now(UTC)).astimezone(UTC):%Y-%m-%d}"


def land_sites(paths: DataPaths, sites: Iterable[Any], *, run_id: str, at: datetime | None = None) -> int:
    """Land the registry entries (`ingest.sites.Site`) of one run under `landing/sites/`, one
    part per site and run; replaying the same call writes nothing new. Returns the parts written
    or found. The warehouse keeps the latest row per site_id."""
    when = at or datetime.now(UTC)
    night = crawl_date_of(run_id, when)
    n = 0
    for s in sites:
        row = {
            "run_id": run_id,
            "site_id": s.id,
            "commune": s.commune,
            "district": s.district,
            "province": s.province,
            "family": s.family,
            "base_url": s.base_url,
            "registered_at": when,
        }
        n += (
            land_part(paths.store, "sites", SITES_SCHEMA, [row], crawl_date=night, site_id=s.id, name=run_id)
            is not None
        )
    return n


# -- the partitioned layout (ingest.paths): one site's or one night's parts, without listing the rest --


def _nights(store: Store, directory: str, since: str | None) -> list[str]:
    nights = [n.split("=", 1)[1] for n in store.ls(directory) if n.startswith("crawl_date=")]
    return [n for n in nights if since is None or n >= since]


def site_parts(store: Store, table: str, site_id: str, *, since: str | None = None) -> list[str]:
    """Keys of the parts of `table` that may hold rows of `site_id` (its own partition, and
    compacted nights), nights on or after `since`; every clean version for documents/blocks.
    Lists the table's night directories and one site directory per night, never other sites'."""
    from ingest.paths import COMPACTED_SITE, VERSIONED_TABLES, landing_dir

    tops = [landing_dir(table)]
    if table in VERSIONED_TABLES:
        tops = [f"{tops[0]}/{v}" for v in store.ls(tops[0]) if v.startswith("clean_version=")]
    keys: list[str] = []
    for top in tops:
        for night in _nights(store, top, since):
            for site in (site_id, COMPACTED_SITE):
                directory = f"{top}/crawl_date={night}/site={site}"
                keys += [f"{directory}/{n}" for n in store.ls(directory) if _is_part(n)]
    return keys


def night_parts(store: Store, table: str, crawl_date: str, clean_version: str | None = None) -> list[str]:
    """Keys of every part of one night of `table`."""
    from ingest.paths import landing_dir

    top = f"{landing_dir(table, clean_version)}/crawl_date={crawl_date}"
    return [k for k in store.files(top) if _is_part(k.rsplit("/", 1)[-1])]


def _is_part(name: str) -> bool:
    return name.startswith("part-") and name.endswith(".parquet")


def part_run_id(key: str) -> str | None:
    """The run id in a part's name (`part-<run_id>[~n].parquet`); None for a compacted part."""
    name = key.rsplit("/", 1)[-1].removeprefix("part-").removesuffix(".parquet")
    return None if name.startswith("compacted-") else name.split("~", 1)[0]


def read_site_rows(
    store: Store,
    table: str,
    site_id: str,
    schema: pa.Schema,
    columns: list[str],
    *,
    since: str | None = None,
    skip_runs: frozenset[str] | set[str] = frozenset(),
) -> list[dict[str, Any]]:
    """Rows of `site_id` in `table` (columns missing from old parts read as null), oldest part first;
    each with `_night`, the crawl_date partition it was read from. Parts named after a run of
    `skip_runs` are not even opened."""
    out: list[dict[str, Any]] = []
    for key in site_parts(store, table, site_id, since=since):
        if part_run_id(key) in skip_runs:
            continue
        night = key.split("crawl_date=", 1)[1].split("/", 1)[0]
        try:
            got = store.read_parquet(key)
        except (OSError, pa.ArrowInvalid) as exc:  # a foreign or torn file: skip it, loudly
            log.warning("skipping unreadable landing part %s: %s", key, exc)
            continue
        names = set(got.column_names)
        for row in got.select([c for c in [*columns, "site_id"] if c in names]).to_pylist():
            if row.get("site_id") == site_id:
                out.append({**{c: row.get(c) for c in columns}, "_night": night})
    return out


def land_part(
    store: Store,
    table: str,
    schema: pa.Schema,
    rows: Iterable[Mapping[str, Any]],
    *,
    crawl_date: str,
    site_id: str,
    name: str,
    clean_version: str | None = None,
) -> str | None:
    """Write rows as the part `name` of one site and night of `table`, whole-or-nothing; returns its
    key, or None when there are no rows. An existing part of that name is left alone (names carry
    the run id: a collision is a replay of the same write)."""
    from ingest.paths import landing_key

    rows = list(rows)
    if not rows:
        return None
    key = landing_key(table, crawl_date=crawl_date, site_id=site_id, name=name, clean_version=clean_version)
    if store.exists(key):
        return key
    table_ = pa.Table.from_pylist([{f.name: r.get(f.name) for f in schema} for r in rows], schema=schema)
    store.write_parquet(key, table_)
    return key


def store_raw(store: Store, body: bytes) -> str:
    """Store raw HTML bytes once under their SHA-256 (gzip, mtime 0); returns the hash. Idempotent."""
    from ingest.paths import raw_key

    digest = sha256_hex(body)
    key = raw_key(digest)
    if not store.exists(key):
        store.write_bytes(key, gzip.compress(body, compresslevel=6, mtime=0))
    return digest


def read_raw(store: Store, content_sha256: str) -> bytes:
    from ingest.paths import raw_key

    return gzip.decompress(store.read_bytes(raw_key(content_sha256)))


def part_name(run_id: str, n: int) -> str:
    """The n-th part of a run in one site partition: `<run_id>`, then `<run_id>~1`, `~2`, …"""
    return run_id if n == 0 else f"{run_id}~{n}"


def next_part_index(store: Store, run_id: str, crawl_date: str, site_id: str, tables: Iterable[str]) -> int:
    """The first part number of `run_id` not yet used in the site's partition of any of `tables`
    (a replay of a killed run appends parts, never overwrites the ones it already landed)."""
    from ingest.clean import CLEANER_VERSION
    from ingest.paths import VERSIONED_TABLES, landing_dir

    used = -1
    for table in tables:
        version = CLEANER_VERSION if table in VERSIONED_TABLES else None
        directory = f"{landing_dir(table, version)}/crawl_date={crawl_date}/site={site_id}"
        for name in store.ls(directory):
            if part_run_id(name) == run_id:
                stem = name.removeprefix("part-").removesuffix(".parquet")
                used = max(used, int(stem.split("~", 1)[1]) if "~" in stem else 0)
    return used + 1
