"""Compaction of old landing nights: fewer files, the same rows, the same per-site state."""

from __future__ import annotations

from datetime import date

import duckdb

from ingest.compact import compact, compact_night
from ingest.land import night_parts
from ingest.paths import landing_glob
from ingest.site_state import SiteState
from ingest.storage import Store
from tests.ingest.test_site_state import SITE, comparable, history


def rows(store: Store, table: str) -> list[tuple]:
    con = duckdb.connect()
    store.register(con)
    return sorted(
        con.sql(
            f"select * exclude (filename) from read_parquet('{store.uri(landing_glob(table))}', "
            "union_by_name = true, filename = true, hive_partitioning = false)"
        ).fetchall(),
        key=repr,
    )


def test_old_nights_become_one_file_each_with_the_same_rows_and_state(store_url):
    store = Store.at(store_url)
    kept = history(store)  # nights 2026-11-02 .. 11-04, two sites on the first
    before = {t: rows(store, t) for t in ("pages", "documents", "fetch_errors")}
    assert len(night_parts(store, "pages", "2026-11-02")) == 2
    result = compact(store, older_than_days=1, today=date(2026, 11, 4))
    assert result.nights == 1 and (result.files_before, result.files_after) == (4, 3)
    assert len(night_parts(store, "pages", "2026-11-02")) == 1
    assert len(night_parts(store, "pages", "2026-11-04")) == 1  # inside the window: untouched
    assert {t: rows(store, t) for t in before} == before
    assert comparable(SiteState.rebuild(store, SITE)) == comparable(kept)
    again = compact(store, older_than_days=1, today=date(2026, 11, 4))
    assert again.nights == 0  # idempotent


def test_a_compaction_killed_before_removing_its_inputs_is_finished_next_time(tmp_path):
    store = Store.at(tmp_path)
    history(store)
    inputs = night_parts(store, "pages", "2026-11-02")
    saved = {k: store.read_bytes(k) for k in inputs}
    compact_night(store, "pages", "2026-11-02")
    for k, data in saved.items():  # as if the removals never happened
        store.write_bytes(k, data)
    assert len(night_parts(store, "pages", "2026-11-02")) == 3
    assert compact_night(store, "pages", "2026-11-02") == (1, 1)
    assert len(rows(store, "pages")) == 5
