"""Page settling: rows another run landed meanwhile are settled, so a (url, content) lands as new once,
on a local store and on S3 alike."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from ingest.land import PAGES_SCHEMA, land_part, read_site_rows
from ingest.landing_settle import PageSettler
from ingest.site_state import SiteState
from ingest.storage import Store

NIGHT = "2026-01-01"
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


def _settler(store: Store, run_id: str, site_id: str = "s1") -> PageSettler:
    return PageSettler.for_state(store, SiteState.load(store, site_id), run_id)


def _land(settler: PageSettler, rows: list[dict], name: str, site_id: str = "s1") -> None:
    settler.land(
        rows,
        lambda r: land_part(
            settler.store, "pages", PAGES_SCHEMA, r, crawl_date=NIGHT, site_id=site_id, name=name
        ),
    )


def _landed(store: Store, run_id: str, site_id: str = "s1") -> list[tuple[str, str, str, int]]:
    rows = read_site_rows(
        store, "pages", site_id, PAGES_SCHEMA, ["run_id", "url", "content_sha256", "change", "version"]
    )
    return sorted(
        (r["url"], r["content_sha256"], r["change"], r["version"]) for r in rows if r["run_id"] == run_id
    )


@pytest.mark.slow  # the S3 variant starts the moto server
def test_two_runs_that_fetched_the_same_pages_land_them_as_new_once(store_url):
    store = Store.at(store_url)
    first, second = _settler(store, "r1"), _settler(store, "r2")  # both loaded before either landed
    _land(first, [_row("r1", "u1", A, "new", 1), _row("r1", "u2", B, "new", 1)], "r1")
    assert not first.overlapped
    _land(
        second,
        [_row("r2", "u1", A, "new", 1), _row("r2", "u2", C, "new", 1), _row("r2", "u3", A, "new", 1)],
        "r2",
    )
    assert _landed(store, "r1") == [("u1", A, "new", 1), ("u2", B, "new", 1)]
    # u1: the same content, a replay; u2: other content after the first run's version 1; u3: untouched.
    assert _landed(store, "r2") == [("u1", A, "unchanged", 1), ("u2", C, "changed", 2), ("u3", A, "new", 1)]
    assert second.overlapped and second.replays == 1


def test_a_run_alone_lands_its_rows_unchanged_and_other_sites_are_not_read(tmp_path):
    store = Store.at(tmp_path / "store")
    land_part(  # an earlier run, folded into the state the settler starts from
        store,
        "pages",
        PAGES_SCHEMA,
        [_row("r0", "u9", C, "new", 1)],
        crawl_date=NIGHT,
        site_id="s1",
        name="r0",
    )
    settler = _settler(store, "r1")
    other_site = _settler(store, "r0", site_id="x-s1")  # another site, same url and content
    _land(other_site, [_row("r0", "u1", A, "new", 1, site_id="x-s1")], "r0", site_id="x-s1")
    _land(settler, [_row("r1", "u1", A, "new", 1), _row("r1", "u9", B, "changed", 2)], "r1")
    _land(settler, [_row("r1", "u2", A, "new", 1)], "r1~1")
    assert _landed(store, "r1") == [("u1", A, "new", 1), ("u2", A, "new", 1), ("u9", B, "changed", 2)]
    assert not settler.overlapped


def test_concurrent_settles_of_one_site_are_serialised(tmp_path):
    """Many runs landing the same page at once: exactly one lands it as new."""
    store = Store.at(tmp_path / "store")
    settlers = [_settler(store, f"r{n}") for n in range(6)]
    start = threading.Barrier(len(settlers))

    def land(n: int) -> None:
        start.wait()
        _land(settlers[n], [_row(f"r{n}", "u1", A, "new", 1)], f"r{n}")

    threads = [threading.Thread(target=land, args=(n,)) for n in range(len(settlers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = read_site_rows(store, "pages", "s1", PAGES_SCHEMA, ["change"])
    assert sorted(r["change"] for r in rows) == ["new"] + ["unchanged"] * 5
