"""clean_pages / reclean: documents + blocks as Parquet, near-duplicates grouped, replays idempotent."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from ingest.clean import CLEANER_VERSION, landing
from ingest.clean.outcome import RAW_UNREADABLE
from ingest.land import BLOCKS_SCHEMA, DOCUMENTS_SCHEMA, PAGES_SCHEMA, read_parts, store_raw, write_part
from ingest.paths import DataPaths
from ingest.simulator.routes import render_article
from ingest.simulator.snapshot import load_sites
from ingest.sites import Site

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
    sha = store_raw(paths, body)
    url = f"http://127.0.0.1:8765{s.prefix}{s.article_path(art)}"
    return {
        "run_id": "r1", "site_id": site_id, "url": url, "final_url": url, "fetched_at": FETCHED,
        "status": 200, "change": change, "content_sha256": sha, "version": 1, "encoding": "utf-8",
        "bytes": len(body),
    }  # fmt: skip


def test_documents_blocks_and_near_duplicate_groups(tmp_path, sim) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    lq = _page(paths, sim, "loc-quang", 0)
    xp = _page(paths, sim, "xuan-phu", 1)
    unchanged = _page(paths, sim, "xuan-phu", 2, change="unchanged")
    assert landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id="r1") == 1
    assert landing.clean_pages(paths, _site("xuan-phu", "thanhhoa"), [xp, unchanged], run_id="r1") == 1
    republished = _page(paths, sim, "lamdong-loc-quang", 0)  # the same notice on a Liferay portal
    assert landing.clean_pages(paths, _site("lamdong-loc-quang", "liferay"), [republished], run_id="r1") == 1

    docs = {r["url"]: r for r in read_parts(paths.documents, DOCUMENTS_SCHEMA).to_pylist()}
    assert len(docs) == 3
    d_lq, d_xp, d_rep = docs[lq["url"]], docs[xp["url"]], docs[republished["url"]]
    assert d_lq["neardup_group"] == lq["content_sha256"]
    assert d_rep["neardup_group"] == lq["content_sha256"]
    assert d_xp["neardup_group"] == xp["content_sha256"]
    assert d_xp["published_at"] == "2023-06-06T08:31:10+07:00"
    assert json.loads(d_xp["footnotes_json"]) == {
        "1": "Theo kế hoạch của Ban Chỉ đạo xây dựng nông thôn mới xã về duy trì các tiêu chí môi trường."
    }
    assert len(d_xp["minhash"]) == 128 and d_xp["shingle_count"] > 0
    assert all(
        p.parts[-3:-1] == (f"clean_version={CLEANER_VERSION}", "crawl_date=2026-11-23")
        for p in paths.documents.rglob("*.parquet")
    )

    blocks = read_parts(paths.blocks, BLOCKS_SCHEMA).to_pylist()
    mine = sorted(
        (b for b in blocks if b["content_sha256"] == xp["content_sha256"]), key=lambda b: b["block_no"]
    )
    lines = d_xp["text"].split("\n")
    assert [d_xp["text"][b["start"] : b["end"]] for b in mine] == lines
    assert mine[-1]["block_type"] == "footnote" and mine[-1]["marker"] == "1"

    # replays (same or another run id) land nothing twice
    assert landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id="r1") == 0
    assert landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id="r2") == 0
    assert len(read_parts(paths.documents, DOCUMENTS_SCHEMA)) == 3
    assert len(read_parts(paths.blocks, BLOCKS_SCHEMA)) == len(blocks)


def test_unreadable_raw_is_a_failed_page_and_an_empty_page_is_an_empty_document(tmp_path) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    empty_sha = store_raw(paths, b"")
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
        paths, _site("s", "generic"), rows, run_id="r1", on_failure=lambda p, o: failed.append((p["url"], o))
    )
    assert n == 1
    docs = {r["url"]: r for r in read_parts(paths.documents, DOCUMENTS_SCHEMA).to_pylist()}
    assert set(docs) == {"http://h/empty"}  # no document row for the page that could not be cleaned
    assert docs["http://h/empty"]["text"] == "" and "empty page" in docs["http://h/empty"]["warnings_json"]
    [(url, outcome)] = failed
    assert url == "http://h/missing" and outcome.failure == RAW_UNREADABLE and "unreadable" in outcome.message


def test_reclean_writes_a_new_version_and_keeps_the_old(tmp_path, sim, monkeypatch) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    rows = [_page(paths, sim, "xuan-phu", 1), _page(paths, sim, "loc-quang", 0)]
    write_part(paths.pages, PAGES_SCHEMA, rows, partition={"crawl_date": "2026-11-23"}, name="r1")
    site = _site("xuan-phu", "thanhhoa")
    assert landing.clean_pages(paths, site, rows[:1], run_id="r1") == 1

    old, new = CLEANER_VERSION, f"{CLEANER_VERSION}.next"
    monkeypatch.setattr(landing, "CLEANER_VERSION", new)
    assert landing.reclean(paths, sites={"xuan-phu": site}) == 2
    assert landing.reclean(paths, sites={"xuan-phu": site}) == 0
    docs = read_parts(paths.documents, DOCUMENTS_SCHEMA).to_pylist()
    assert sorted(d["clean_version"] for d in docs) == [old, new, new]
    v1 = next(d for d in docs if d["clean_version"] == old)
    v2 = next(d for d in docs if d["clean_version"] == new and d["url"] == v1["url"])
    assert v1["text"] == v2["text"] and v1["content_sha256"] == v2["content_sha256"]
    assert (paths.blocks / f"clean_version={new}").is_dir() and (
        paths.blocks / f"clean_version={old}"
    ).is_dir()
