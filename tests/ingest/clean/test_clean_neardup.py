"""The near-duplicate index: incremental refresh, LSH lookup, groups across threads and processes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest.clean import CLEANER_VERSION, landing, neardup
from ingest.clean.minhash import sketch
from ingest.land import DOCUMENTS_SCHEMA, read_parts, store_raw
from ingest.paths import DataPaths
from ingest.simulator.routes import render_article
from ingest.simulator.snapshot import load_sites
from ingest.sites import Site

FETCHED = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
WORKER = Path(__file__).with_name("landing_worker.py")
SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
LQ = (SEEDS / "loc-quang-notice-2023-h1.txt").read_text(encoding="utf-8")
XP = (SEEDS / "xuan-phu-portal-page-2023-h1.txt").read_text(encoding="utf-8")
BTD = (SEEDS / "binh-thanh-dong-term-report-2020-2025.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _fresh_indexes():
    neardup.forget_indexes()
    yield
    neardup.forget_indexes()


@pytest.fixture(scope="module")
def sim() -> dict:
    return {s.id: s for s in load_sites()}


def _site(sid: str, family: str) -> Site:
    return Site(id=sid, commune="x", province="y", family=family, base_url="http://h/", listing_urls=())


def _page(paths: DataPaths, sim: dict, site_id: str, index: int) -> dict:
    s = sim[site_id]
    art = s.articles[index]
    body = render_article(s, art).encode("utf-8")
    url = f"http://127.0.0.1:8765{s.prefix}{s.article_path(art)}"
    return {
        "site_id": site_id, "url": url, "fetched_at": FETCHED, "change": "new",
        "content_sha256": store_raw(paths, body), "version": 1, "encoding": "utf-8",
    }  # fmt: skip


def _groups(paths: DataPaths) -> dict[str, str]:
    return {r["url"]: r["neardup_group"] for r in read_parts(paths.documents, DOCUMENTS_SCHEMA).to_pylist()}


def _worker(paths: DataPaths, rows: list[dict], site_id: str, family: str, *extra: str) -> subprocess.Popen:
    spec = paths.root / f"rows-{site_id}.json"
    spec.write_text(json.dumps([{**r, "fetched_at": r["fetched_at"].isoformat()} for r in rows]))
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(paths.root), str(spec), site_id, family, *extra],
        stdout=subprocess.PIPE,
        text=True,
    )


# --- the index itself -------------------------------------------------------------------------
def test_lsh_finds_near_duplicates_and_ties_do_not_depend_on_insert_order(tmp_path) -> None:
    edited = LQ.replace("Bảo Lâm, ngày 09 tháng 8 năm 2023", "") + "\nNguồn: Huyện ủy Bảo Lâm"
    chosen = set()
    for order in ((("a", LQ), ("b", LQ), ("x", XP)), (("x", XP), ("b", LQ), ("a", LQ))):
        index = neardup.NearDupIndex(tmp_path / "docs", tmp_path / "lock")
        for name, text in order:
            index._insert(sketch(text).minhash, sketch(text).size, name)
        assert len(index.candidates(sketch(edited))) >= 2  # both copies of the notice share bands
        chosen.add(index.match(sketch(edited)))
        assert index.match(sketch(BTD)) is None
        assert index.match(sketch("Thông báo nghỉ lễ")) is None
        # a third of a long report, contained in it, is found through the bands as well
        index._insert(sketch(BTD).minhash, sketch(BTD).size, "btd")
        assert index.match(sketch(BTD[12000:24000])) == "btd"
    assert chosen == {"a"}  # equal similarity: the smaller group name, whatever the order


def test_refresh_reads_only_new_parts_and_reloads_when_parts_vanish(tmp_path, sim) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    lq, xp = _page(paths, sim, "loc-quang", 0), _page(paths, sim, "xuan-phu", 1)
    assert landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id="r1") == 1
    index = neardup.index_for(paths.documents, CLEANER_VERSION)
    with index.lock:
        assert index.refresh() == 0  # its own part was indexed when written
        assert len(index) == 1
    # a part written by someone else is picked up by the next refresh, once
    _land_elsewhere(paths, sim)
    with index.lock:
        assert index.refresh() == 1 and len(index) == 2
        assert index.refresh() == 0
    assert landing.clean_pages(paths, _site("xuan-phu", "thanhhoa"), [xp], run_id="r1") == 1
    # the landing is wiped under the running process: the index must not keep old identities
    for part in paths.documents.rglob("*.parquet"):
        part.unlink()
    assert landing.clean_pages(paths, _site("xuan-phu", "thanhhoa"), [xp], run_id="r2") == 1


def _land_elsewhere(paths: DataPaths, sim: dict) -> None:
    proc = _worker(paths, [_page(paths, sim, "binh-thanh-dong", 0)], "binh-thanh-dong", "thanhhoa")
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out.strip() == "1"


def test_a_failed_write_leaves_no_phantom_document(tmp_path, sim, monkeypatch) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    lq = _page(paths, sim, "loc-quang", 0)
    original = landing.write_part

    def failing(directory, schema, rows, **kw):
        if schema is DOCUMENTS_SCHEMA:
            raise OSError("disk full")
        return original(directory, schema, rows, **kw)

    monkeypatch.setattr(landing, "write_part", failing)
    with pytest.raises(OSError):
        landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id="r1")
    monkeypatch.setattr(landing, "write_part", original)
    # not skipped as "already landed": the failed attempt left nothing behind in the index
    assert landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id="r1") == 1
    assert list(_groups(paths).values()) == [lq["content_sha256"]]


# --- groups across threads and processes ---------------------------------------------------------
def test_near_duplicates_cleaned_concurrently_by_two_threads_share_a_group(
    tmp_path, sim, monkeypatch
) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    lq = _page(paths, sim, "loc-quang", 0)
    rep = _page(paths, sim, "lamdong-loc-quang", 0)  # the same notice on a Liferay portal
    both_cleaning = threading.Barrier(2, timeout=30)
    original = landing._clean_one

    def clean_together(*args):
        doc = original(*args)
        both_cleaning.wait()  # neither has assigned a group yet: both are past the replay check
        return doc

    monkeypatch.setattr(landing, "_clean_one", clean_together)
    errors: list[BaseException] = []

    def run(site: Site, row: dict) -> None:
        try:
            landing.clean_pages(paths, site, [row], run_id="r1")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(_site("loc-quang", "thanhhoa"), lq)),
        threading.Thread(target=run, args=(_site("lamdong-loc-quang", "liferay"), rep)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    groups = _groups(paths)
    assert len(groups) == 2 and len(set(groups.values())) == 1
    assert set(groups.values()) <= {lq["content_sha256"], rep["content_sha256"]}


def test_a_later_process_sees_the_groups_an_earlier_one_landed(tmp_path, sim) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    lq = _page(paths, sim, "loc-quang", 0)
    proc = _worker(paths, [lq], "loc-quang", "thanhhoa")
    assert proc.communicate(timeout=60)[0].strip() == "1"
    rep = _page(paths, sim, "lamdong-loc-quang", 0)
    assert landing.clean_pages(paths, _site("lamdong-loc-quang", "liferay"), [rep], run_id="r2") == 1
    assert _groups(paths)[rep["url"]] == lq["content_sha256"]
    # and a replay in this process of what the other one landed writes nothing
    assert landing.clean_pages(paths, _site("loc-quang", "thanhhoa"), [lq], run_id="r3") == 0


def test_a_process_waits_for_another_that_assigned_but_has_not_written_yet(tmp_path, sim) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    lq = _page(paths, sim, "loc-quang", 0)
    rep = _page(paths, sim, "lamdong-loc-quang", 0)
    writing = tmp_path / "writing"
    proc = _worker(paths, [lq], "loc-quang", "thanhhoa", "--write-delay", "1.5", "--writing", str(writing))
    deadline = time.monotonic() + 60
    while not writing.exists():
        assert proc.poll() is None and time.monotonic() < deadline, "worker never reached its write"
        time.sleep(0.02)
    # the worker has assigned its group and sleeps before writing it: without the data dir lock
    # this process would not see its document and would open a second group
    assert landing.clean_pages(paths, _site("lamdong-loc-quang", "liferay"), [rep], run_id="r2") == 1
    assert proc.communicate(timeout=60)[0].strip() == "1"
    assert _groups(paths) == {lq["url"]: lq["content_sha256"], rep["url"]: lq["content_sha256"]}
