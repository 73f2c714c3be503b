"""clean_pages / reclean: documents + blocks as one Parquet part per site run, replays idempotent."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from ingest.clean import CLEANER_VERSION, landing
from ingest.clean.neardup import assign_groups
from ingest.clean.outcome import RAW_UNREADABLE
from ingest.land import PAGES_SCHEMA, land_part, store_raw
from ingest.paths import DataPaths
from ingest.simulator.routes import render_article
from ingest.simulator.snapshot import load_sites
from ingest.sites import Site
from tests.helpers.landing import part_keys, rows_of

RUN = "20261123T010000Z-r1"
FETCHED = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def _site(sid: str, family: str) -> Site:
    return Site(
        id=sid, commune="x", province="y", family=family, base_url="http://127.0.0.1:8765/", listing_urls=()
    )


@pytest.fixture(scope="module")
def sim() -> dict:
    return {s.id: s for s in load_sites()}


def _page(paths: DataPaths, sim: dict, site_id: str, index: int, change: str = "new") -> dict:
    s = sim[site_id]
    art = s.articles[index]
    body = render_article(s, art).encode("utf-8")
    sha = store_raw(paths.store, body)
    url = f"http://127.0.0.1:8765{s.prefix}{s.article_path(art)}"
    return {
        "run_id": RUN, "site_id": site_id, "url": url, "final_url": url, "fetched_at": FETCHED,
        "status": 200, "change": change, "content_sha256": sha, "version": 1, "encoding": "utf-8",
        "bytes": len(body),
    }  # fmt: skip


def test_documents_and_blocks_land_as_one_part_per_site_run(tmp_path, sim) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    lq = _page(paths, sim, "loc-quang", 0)
    xp = _page(paths, sim, "xuan-phu", 1)
    unchanged = _page(paths, sim, "xuan-phu", 2, change="unchanged")
    assert len(landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id=RUN)) == 1
    landed = landing.clean_pages(paths, _site("xuan-phu", "thanhhoa"), [xp, unchanged], run_id=RUN)
    assert [(d.url, d.content_sha256) for d in landed.documents] == [(xp["url"], xp["content_sha256"])]
    republished = _page(paths, sim, "lamdong-loc-quang", 0)  # the same notice on a Liferay portal
    assert (
        len(landing.clean_pages(paths, _site("lamdong-loc-quang", "liferay"), [republished], run_id=RUN)) == 1
    )

    docs = {r["url"]: r for r in rows_of(paths, "documents")}
    assert len(docs) == 3
    d_lq, d_xp, d_rep = docs[lq["url"]], docs[xp["url"]], docs[republished["url"]]
    assert d_xp["published_at"] == "2023-06-06T08:31:10+07:00"
    assert landed.documents[0].text_sha256 == d_xp["text_sha256"]
    assert json.loads(d_xp["footnotes_json"]) == {
        "1": "Theo kế hoạch của Ban Chỉ đạo xây dựng nông thôn mới xã về duy trì các tiêu chí môi trường."
    }
    assert len(d_xp["minhash"]) == 128 and d_xp["shingle_count"] > 0
    keys = part_keys(paths, "documents")
    assert sorted(k.split("/site=")[1] for k in keys) == [
        f"{sid}/part-{RUN}.parquet" for sid in ("lamdong-loc-quang", "loc-quang", "xuan-phu")
    ]
    assert all(f"/clean_version={CLEANER_VERSION}/crawl_date=2026-11-23/" in k for k in keys)
    # groups come from the nightly step, not from the landing
    assert {d["neardup_group"] for d in docs.values()} == {None}
    assert assign_groups(paths.store, CLEANER_VERSION).grouped_with_another == 1
    groups = {r["content_sha256"]: r["neardup_group"] for r in paths_groups(paths)}
    assert groups[d_rep["content_sha256"]] == groups[d_lq["content_sha256"]] == d_lq["content_sha256"]
    assert groups[d_xp["content_sha256"]] == d_xp["content_sha256"]

    blocks = rows_of(paths, "blocks")
    mine = sorted(
        (b for b in blocks if b["content_sha256"] == xp["content_sha256"]), key=lambda b: b["block_no"]
    )
    lines = d_xp["text"].split("\n")
    assert [d_xp["text"][b["start"] : b["end"]] for b in mine] == lines
    assert mine[-1]["block_type"] == "footnote" and mine[-1]["marker"] == "1"

    # a replay of the same run finds its part taken and lands nothing twice
    landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id=RUN)
    assert len(rows_of(paths, "documents")) == 3
    assert len(rows_of(paths, "blocks")) == len(blocks)


def paths_groups(paths: DataPaths) -> list[dict]:
    return [
        row
        for key in paths.store.files(f"neardup/clean_version={CLEANER_VERSION}/docs", suffix=".parquet")
        for row in paths.store.read_parquet(key).to_pylist()
    ]


def test_unreadable_raw_is_a_failed_page_and_an_empty_page_is_an_empty_document(tmp_path) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    empty_sha = store_raw(paths.store, b"")
    rows = [
        {
            "site_id": "s",
            "url": "http://h/missing",
            "fetched_at": FETCHED,
            "change": "new",
            "content_sha256": "ab" * 32,
        },
        {
            "site_id": "s",
            "url": "http://h/empty",
            "fetched_at": FETCHED,
            "change": "changed",
            "content_sha256": empty_sha,
        },
    ]
    failed: list = []
    n = landing.clean_pages(
        paths, _site("s", "generic"), rows, run_id=RUN, on_failure=lambda p, o: failed.append((p["url"], o))
    )
    assert len(n) == 1
    docs = {r["url"]: r for r in rows_of(paths, "documents")}
    assert set(docs) == {"http://h/empty"}  # no document row for the page that could not be cleaned
    assert docs["http://h/empty"]["text"] == "" and "empty page" in docs["http://h/empty"]["warnings_json"]
    [(url, outcome)] = failed
    assert url == "http://h/missing" and outcome.failure == RAW_UNREADABLE and "unreadable" in outcome.message


def test_reclean_writes_a_new_version_and_keeps_the_old(tmp_path, sim, monkeypatch) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    rows = [_page(paths, sim, "xuan-phu", 1), _page(paths, sim, "loc-quang", 0)]
    for row in rows:
        land_part(
            paths.store,
            "pages",
            PAGES_SCHEMA,
            [row],
            crawl_date="2026-11-23",
            site_id=row["site_id"],
            name=RUN,
        )
    site = _site("xuan-phu", "thanhhoa")
    assert len(landing.clean_pages(paths, site, rows[:1], run_id=RUN)) == 1

    old, new = CLEANER_VERSION, f"{CLEANER_VERSION}.next"
    monkeypatch.setattr(landing, "CLEANER_VERSION", new)
    assert landing.reclean(paths, sites={"xuan-phu": site}) == 2
    assert landing.reclean(paths, sites={"xuan-phu": site}) == 0
    docs = rows_of(paths, "documents")
    assert sorted(d["clean_version"] for d in docs) == [old, new, new]
    v1 = next(d for d in docs if d["clean_version"] == old)
    v2 = next(d for d in docs if d["clean_version"] == new and d["url"] == v1["url"])
    assert v1["text"] == v2["text"] and v1["content_sha256"] == v2["content_sha256"]
    versions = {k.split("clean_version=")[1].split("/")[0] for k in part_keys(paths, "blocks")}
    assert versions == {old, new}
