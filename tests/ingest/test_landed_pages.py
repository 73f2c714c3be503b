"""Page ledger: rows another run landed meanwhile are settled, so a (url, content) lands as new once."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from ingest.land import PAGES_SCHEMA, read_parts
from ingest.landed_pages import PageLedger
from ingest.paths import DataPaths

PARTITION = {"crawl_date": "2026-01-01"}
A, B, C = "a" * 64, "b" * 64, "c" * 64


def _row(run_id: str, url: str, sha: str, change: str, version: int, site_id: str = "s1") -> dict:
    return {
        "run_id": run_id,
        "site_id": site_id,
        "url": url,
        "fetched_at": datetime(2026, 1, 1, tzinfo=UTC),
        "status": 200,
        "change": change,
        "content_sha256": sha,
        "version": version,
    }


def _landed(paths: DataPaths, run_id: str) -> list[tuple[str, str, str, int]]:
    rows = read_parts(paths.pages, PAGES_SCHEMA).to_pylist()
    return sorted(
        (r["url"], r["content_sha256"], r["change"], r["version"]) for r in rows if r["run_id"] == run_id
    )


def test_two_runs_that_fetched_the_same_pages_land_them_as_new_once(tmp_path):
    paths = DataPaths.at(tmp_path).ensure()
    first, second = PageLedger(paths, "s1"), PageLedger(paths, "s1")  # both loaded before either landed
    first.write(
        [_row("r1", "u1", A, "new", 1), _row("r1", "u2", B, "new", 1)],
        partition=PARTITION,
        name="r1-s1-00000",
    )
    second.write(
        [_row("r2", "u1", A, "new", 1), _row("r2", "u2", C, "new", 1), _row("r2", "u3", A, "new", 1)],
        partition=PARTITION,
        name="r2-s1-00000",
    )
    assert _landed(paths, "r1") == [("u1", A, "new", 1), ("u2", B, "new", 1)]
    # u1: the same content, a replay; u2: other content after the first run's version 1; u3: untouched.
    assert _landed(paths, "r2") == [("u1", A, "unchanged", 1), ("u2", C, "changed", 2), ("u3", A, "new", 1)]


def test_a_run_alone_lands_its_rows_unchanged_and_other_sites_are_not_read(tmp_path):
    paths = DataPaths.at(tmp_path).ensure()
    ledger = PageLedger(paths, "s1")
    ledger.seed({"u9": {C: 1}})
    # Another site (same url and content, a name that ends like ours) lands meanwhile.
    other_site = PageLedger(paths, "x-s1")
    other_site.write(
        [_row("r0", "u1", A, "new", 1, site_id="x-s1")], partition=PARTITION, name="r0-x-s1-00000"
    )
    rows = [_row("r1", "u1", A, "new", 1), _row("r1", "u9", B, "changed", 2)]
    ledger.write(rows, partition=PARTITION, name="r1-s1-00000")
    ledger.write([_row("r1", "u2", A, "new", 1)], partition=PARTITION, name="r1-s1-00001")
    assert _landed(paths, "r1") == [("u1", A, "new", 1), ("u2", A, "new", 1), ("u9", B, "changed", 2)]


def test_a_part_landed_within_one_mtime_tick_of_the_last_listing_is_still_read(tmp_path):
    paths = DataPaths.at(tmp_path).ensure()
    partition = paths.pages / "crawl_date=2026-01-01"
    PageLedger(paths, "s1").write([_row("r0", "u0", C, "new", 1)], partition=PARTITION, name="r0-s1-00000")
    ledger = PageLedger(paths, "s1")  # lists the partition just after its last change
    before = partition.stat().st_mtime_ns
    PageLedger(paths, "s1").write([_row("r1", "u1", A, "new", 1)], partition=PARTITION, name="r1-s1-00000")
    os.utime(partition, ns=(before, before))  # the second write fell in the same timestamp tick
    ledger.write([_row("r2", "u1", A, "new", 1)], partition=PARTITION, name="r2-s1-00000")
    assert _landed(paths, "r2") == [("u1", A, "unchanged", 1)]
