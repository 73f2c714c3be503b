"""End-to-end crawls of the portal simulator: landing, incremental runs, every fault class, recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import psutil
import pytest

from ingest.clean import clean_html
from ingest.crawl import Observer, SiteCrawlResult, crawl_site, crawl_sites
from ingest.crawl_config import CrawlConfig
from ingest.fetch import FetchConfig
from ingest.land import read_raw as read_stored
from ingest.paths import DataPaths, raw_key
from ingest.revisit import RevisitPolicy
from ingest.simulator.faults import Fault
from ingest.simulator.server import PortalSimulator
from ingest.site_state import SiteState
from ingest.sites import Site, load_registry
from tests.helpers.landing import part_keys, rows_of

FAST = FetchConfig(
    connect_timeout_s=1.0,
    read_timeout_s=0.5,
    retries=1,
    backoff_base_s=0.01,
    backoff_max_s=0.02,
    retry_after_cap_s=2.0,
    max_body_bytes=512 * 1024,
)
CRAWL = CrawlConfig(flush_every=3)
# every known article due again (a month later) and no nightly cap on revisits
ALL_DUE = CrawlConfig(flush_every=3, revisit=RevisitPolicy(revisit_budget=10_000), request_budget=10_000)
SITE = "xuan-phu"  # a Thanh Hóa portal: no validators, a visitor counter on every page
VALIDATED = "lamdong-loc-quang"  # a Liferay portal: ETag, Last-Modified, 304


@pytest.fixture
def sim() -> Iterator[PortalSimulator]:
    with PortalSimulator() as s:
        yield s


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths.at(tmp_path / "data").ensure()


def sites_of(
    sim: PortalSimulator, tmp_path: Path, ids: list[str] | None = None, delay_s: float = 0.0
) -> list[Site]:
    return load_registry(sim.write_registry(tmp_path / "registry.yaml", delay_s=delay_s, site_ids=ids))


def run(
    sim, paths, tmp_path, run_id, ids=(SITE,), config=FAST, crawl=CRAWL, now=None
) -> list[SiteCrawlResult]:
    sites = sites_of(sim, tmp_path, list(ids))
    return crawl_sites(sites, paths, run_id=run_id, config=config, crawl=crawl, now=now)


def pages(paths: DataPaths) -> list[dict]:
    return rows_of(paths, "pages")


def errors(paths: DataPaths) -> list[dict]:
    return rows_of(paths, "fetch_errors")


def read_raw(paths: DataPaths, sha: str) -> bytes:
    return read_stored(paths.store, sha)


def later(days: float) -> datetime:
    return datetime.now(UTC) + timedelta(days=days)


def assert_no_duplicate_versions(rows: list[dict]) -> None:
    by_hash: dict[tuple[str, str], set[int]] = {}
    by_version: dict[tuple[str, int], set[str]] = {}
    for r in rows:
        by_hash.setdefault((r["url"], r["content_sha256"]), set()).add(r["version"])
        by_version.setdefault((r["url"], r["version"]), set()).add(r["content_sha256"])
    assert all(len(v) == 1 for v in by_hash.values()), by_hash
    assert all(len(v) == 1 for v in by_version.values()), by_version
    firsts = Counter(r["url"] for r in rows if r["change"] == "new")
    assert all(n == 1 for n in firsts.values()), firsts


def test_first_run_lands_every_article_of_every_family(sim, paths, tmp_path):
    ids = [s.id for s in sim.sites]
    results = run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa", ids=ids)
    rows = pages(paths)
    for site_id, res in zip(ids, results, strict=True):
        expected = set(sim.article_urls(site_id))
        landed = {r["url"] for r in rows if r["site_id"] == site_id}
        assert landed == expected, site_id
        assert res.pages_new == len(expected) and res.pages_failed == 0 and res.errors == []
    assert {r["change"] for r in rows} == {"new"} and {r["version"] for r in rows} == {1}
    with_validators = {s.id for s in sim.sites if s.validators}
    assert with_validators and with_validators != set(ids)  # Thanh Hóa portals send none
    for r in rows:
        assert paths.store.exists(raw_key(r["content_sha256"]))
        assert r["status"] == 200 and r["encoding"] == "utf-8"
        assert bool(r["etag"] and r["last_modified"]) == (r["site_id"] in with_validators)
    # partitioned by the run's night and the site; parts named by run (`~n` per further batch)
    for table in ("pages", "documents", "crawl_runs"):
        keys = part_keys(paths, table)
        assert {k.split("/site=")[1].split("/")[0] for k in keys} == set(ids), table
        assert all("/crawl_date=2025-07-01/" in k for k in keys), table
        names = {k.rsplit("/", 1)[1].split("~")[0].removesuffix(".parquet") for k in keys}
        assert names == {"part-20250701T010000Z-aaaaaa"}, table
    runs = rows_of(paths, "crawl_runs")
    assert sorted(r["site_id"] for r in runs) == sorted(ids)
    assert all(r["requests"] > r["pages_new"] for r in runs)
    # one part per site, run and table once a run's rows fit one batch
    paths2 = DataPaths.at(tmp_path / "data2")
    run(sim, paths2, tmp_path, "20250701T010000Z-aaaaaa", ids=ids, crawl=CrawlConfig())
    assert len(part_keys(paths2, "pages")) == len(ids) == len(part_keys(paths2, "documents"))


def test_incremental_runs_fetch_only_new_or_due_pages(sim, paths, tmp_path):
    run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa", ids=[VALIDATED])
    articles = sim.article_urls(VALIDATED)
    extra: list[str] = []

    def article_gets(status: int) -> int:
        return sum(
            1
            for r in sim.request_log
            if r.status == status and any(u.endswith(r.path) for u in articles + extra)
        )

    # minutes later: no known article is due, nothing is fetched but the first listing page
    sim.reset_log()
    [res] = run(sim, paths, tmp_path, "20250702T010000Z-bbbbbb", ids=[VALIDATED])
    assert article_gets(200) == article_gets(304) == 0 and res.pages_seen == 0
    listing_path = urlsplit(sim.listing_urls(VALIDATED)[0]).path
    listing = [r.path for r in sim.request_log if r.path.split("?")[0] == listing_path]
    assert listing == [listing_path]  # the walk stopped at a page of known articles

    # a month later every article is due: conditional GETs, 304 but for the one edited
    slug = sim.site(VALIDATED).articles[-1].slug  # the oldest article, deep in the listing
    sim.mutate(VALIDATED, slug)
    sim.reset_log()
    [res] = run(
        sim, paths, tmp_path, "20250803T010000Z-cccccc", ids=[VALIDATED], crawl=ALL_DUE, now=later(31)
    )
    assert article_gets(200) == 1 and article_gets(304) == len(articles) - 1
    assert res.pages_changed == 1 and res.pages_new == 0 and res.pages_not_modified == len(articles) - 1
    assert res.revisits == len(articles)
    rows = pages(paths)
    changed = [r for r in rows if r["change"] == "changed"]
    assert changed[0]["url"] == sim.article_url(VALIDATED, slug)
    assert len(changed) == 1 and changed[0]["version"] == 2
    old = next(r for r in rows if r["url"] == changed[0]["url"] and r["version"] == 1)
    assert read_raw(paths, old["content_sha256"]) != read_raw(paths, changed[0]["content_sha256"])
    assert len(rows) == len(articles) + 1  # 304s are counts in crawl_runs, not page rows
    cr = {r["run_id"]: r for r in rows_of(paths, "crawl_runs")}
    assert cr["20250803T010000Z-cccccc"]["pages_not_modified"] == len(articles) - 1

    # a new article is found on the first listing page; the articles just checked are not due
    new_url = sim.add_article(
        VALIDATED,
        title="Hội nghị sơ kết công tác 9 tháng đầu năm 2025",
        body_html="<p>Tổng thu ngân sách xã đạt 4.250 triệu đồng, bằng 112% cùng kỳ.</p>",
        published=datetime(2025, 9, 30, 8, 0),
    )
    extra.append(new_url)
    sim.reset_log()
    [res] = run(sim, paths, tmp_path, "20250804T010000Z-dddddd", ids=[VALIDATED], now=later(32))
    assert res.pages_new == 1 and res.pages_seen == 1
    assert article_gets(200) == 1 and article_gets(304) == 0
    rows = pages(paths)
    assert [r["version"] for r in rows if r["url"] == new_url] == [1]
    assert_no_duplicate_versions(rows)


def test_a_refetch_with_a_new_visitor_counter_is_no_new_version(sim, paths, tmp_path):
    """A Thanh Hóa portal (no validators, a counter that changes on every request): a second run
    fetches nothing it fetched minutes ago; a month later every article is refetched, every body
    differs from the stored one, and still no raw file, no version and no document is new —
    except for the article whose text an editor changed."""
    articles = sim.article_urls(SITE)
    [first] = run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa")
    raw_before = set(paths.store.files("raw"))
    docs_before = rows_of(paths, "documents")
    assert first.pages_new == len(articles) == len(docs_before) == len(raw_before)
    article_paths = {urlsplit(u).path for u in articles}

    sim.reset_log()
    [second] = run(sim, paths, tmp_path, "20250701T013000Z-bbbbbb")  # minutes later
    assert [r for r in sim.request_log if r.path in article_paths] == []
    assert second.pages_seen == 0 and len(rows_of(paths, "documents")) == len(docs_before)

    edited = sim.site(SITE).articles[0].slug
    sim.mutate(SITE, edited, replace=("đạt 1.936 tấn", "đạt 1.963 tấn"))
    sim.reset_log()
    [third] = run(sim, paths, tmp_path, "20250801T010000Z-cccccc", crawl=ALL_DUE, now=later(31))
    served = [r for r in sim.request_log if r.path in article_paths]
    assert len(served) == len(articles) and {r.status for r in served} == {200}
    assert not any(r.conditional for r in served)  # no validators to send
    assert (third.pages_changed, third.pages_unchanged, third.pages_new) == (1, len(articles) - 1, 0)
    third_rows = [r for r in rows_of(paths, "pages") if r["run_id"] == "20250801T010000Z-cccccc"]
    same = [r for r in third_rows if r["change"] == "unchanged"]
    assert len(same) == len(articles) - 1
    assert all(r["body_sha256"] != r["content_sha256"] and r["version"] == 1 for r in same)  # new bytes
    assert set(paths.store.files("raw")) - raw_before == {
        raw_key(r["content_sha256"]) for r in third_rows if r["change"] == "changed"
    }  # one new raw file: the edited article's
    docs = rows_of(paths, "documents")
    assert len(docs) == len(docs_before) + 1
    assert [d["url"] for d in docs if d["version"] == 2] == [sim.article_url(SITE, edited)]


def test_the_nightly_revisit_budget_bounds_the_requests(sim, paths, tmp_path):
    run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa", ids=[VALIDATED])
    n = len(sim.article_urls(VALIDATED))
    assert n >= 3
    budget = CrawlConfig(revisit=RevisitPolicy(revisit_budget=1))
    sim.reset_log()
    [res] = run(sim, paths, tmp_path, "20250801T010000Z-bbbbbb", ids=[VALIDATED], crawl=budget, now=later(31))
    assert res.revisits == 1 and res.revisits_deferred == n - 1
    assert sim.count(conditional=True) == 1
    sim.reset_log()
    [res] = run(sim, paths, tmp_path, "20250802T010000Z-cccccc", ids=[VALIDATED], crawl=budget, now=later(32))
    assert res.revisits == 1 and res.revisits_deferred == n - 2  # the next most overdue one


# fault kind, its parameters, the error class the crawler must record
FAULTS = [
    ("status", {"code": 500}, "http_5xx"),
    ("status", {"code": 503}, "http_5xx"),
    ("status", {"code": 404}, "http_4xx"),
    ("retry_after", {"code": 429, "seconds": 3600}, "rate_limited"),
    ("retry_after", {"code": 503, "seconds": 3600, "http_date": True}, "rate_limited"),
    ("slow", {"delay_s": 2.0}, "timeout"),
    ("slow", {"delay_s": 2.0, "mode": "during"}, "timeout"),
    ("truncate", {"fraction": 0.3}, "truncated"),
    ("redirect_loop", {}, "redirect_loop"),
    ("redirect_offsite", {}, "redirect_offsite"),
    ("oversize", {"mb": 2.0}, "too_large"),
    ("oversize", {"mb": 2.0, "content_length": False}, "too_large"),
    ("oversize", {"mb": 20.0, "gzip": True}, "too_large"),
    ("robots_disallow", {}, "robots"),
    ("empty", {}, "empty"),
    ("malformed", {}, "malformed"),
]


@pytest.mark.parametrize(
    ("kind", "params", "error_class"), FAULTS, ids=[f"{f[0]}-{f[2]}-{i}" for i, f in enumerate(FAULTS)]
)
def test_fault_is_recorded_and_recovered_next_run(sim, paths, tmp_path, kind, params, error_class):
    site = sim.site(SITE)
    victim = site.articles[1]
    url = sim.article_url(SITE, victim.slug)
    sim.faults.add(site.prefix + site.article_path(victim), Fault(kind, **params))

    [res] = run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa")
    errs = [e for e in errors(paths) if e["url"] == url]
    assert [e["error_class"] for e in errs] == [error_class], errs
    assert errs[0]["kind"] == "article" and errs[0]["attempt"] == 1 and errs[0]["message"]
    assert url not in {r["url"] for r in pages(paths)}
    assert res.pages_failed >= 1 and any(error_class in e for e in res.errors)
    if kind != "retry_after":  # a long Retry-After leaves the whole host for the next run
        others = set(sim.article_urls(SITE)) - {url}
        assert others <= {r["url"] for r in pages(paths)}
    assert url in SiteState.load(paths.store, SITE).retry_urls(CRAWL.max_failed_runs)

    sim.faults.clear()
    [res2] = run(sim, paths, tmp_path, "20250702T010000Z-bbbbbb")
    rows = pages(paths)
    assert url in {
        r["url"] for r in rows if r["run_id"] == "20250702T010000Z-bbbbbb" and r["change"] == "new"
    }
    assert {r["url"] for r in rows} == set(sim.article_urls(SITE))
    assert res2.pages_failed == 0
    assert SiteState.load(paths.store, SITE).retry_urls(CRAWL.max_failed_runs) == []
    assert_no_duplicate_versions(rows)


def test_short_retry_after_and_transient_5xx_recover_within_the_run(sim, paths, tmp_path):
    site = sim.site(SITE)
    a, b = site.articles[0], site.articles[1]
    sim.faults.add(site.prefix + site.article_path(a), Fault("retry_after", times=1, seconds=1))
    sim.faults.add(site.prefix + site.article_path(b), Fault("status", times=1, code=502))
    [res] = run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa")
    assert res.pages_failed == 0 and errors(paths) == []
    assert {r["url"] for r in pages(paths)} == set(sim.article_urls(SITE))
    assert sim.count(status=429) == 1 and sim.count(status=502) == 1


def test_wrong_charset_header_is_decoded_correctly(sim, paths, tmp_path):
    site = sim.site(SITE)
    victim = site.articles[0]
    sim.faults.add(site.prefix + site.article_path(victim), Fault("wrong_charset"))  # 1258 body, utf-8 header
    run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa")
    [row] = [r for r in pages(paths) if r["url"] == sim.article_url(SITE, victim.slug)]
    assert row["encoding"] == "cp1258" and "charset=utf-8" in row["content_type"]
    text = unicodedata.normalize("NFC", read_raw(paths, row["content_sha256"]).decode(row["encoding"]))
    assert unicodedata.normalize("NFC", victim.title) in text


def test_repeated_failures_count_attempts_and_stop_after_the_limit(sim, paths, tmp_path):
    site = sim.site(SITE)
    victim = site.articles[0]
    url = sim.article_url(SITE, victim.slug)
    sim.faults.add(site.prefix + site.article_path(victim), Fault("status", code=404))
    cfg = CrawlConfig(flush_every=3, max_failed_runs=2)
    for i in range(3):
        run(sim, paths, tmp_path, f"2025070{i + 1}T010000Z-run{i}", crawl=cfg)
    attempts = [
        e["attempt"] for e in sorted(errors(paths), key=lambda e: e["occurred_at"]) if e["url"] == url
    ]
    assert attempts == [1, 2]  # the third run leaves it alone: known, failed twice in a row
    assert url not in SiteState.load(paths.store, SITE).retry_urls(cfg.max_failed_runs)


def test_cleaner_failure_is_recorded_and_pages_kept(sim, paths, tmp_path, monkeypatch):
    import ingest.clean.landing as cleaner

    def boom(*a, **k):
        raise RuntimeError("cleaner exploded")

    monkeypatch.setattr(cleaner, "clean_pages", boom)
    [res] = run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa")
    assert {r["url"] for r in pages(paths)} == set(sim.article_urls(SITE))
    assert any("cleaner exploded" in e for e in res.errors) and res.documents_cleaned == 0


def test_cleaner_gets_new_and_changed_rows_only(sim, paths, tmp_path, monkeypatch):
    import ingest.clean.landing as cleaner

    seen: list[dict] = []
    real = cleaner.clean_pages

    def spy(p, site, rows, *, run_id, prepared=None, **kw):
        seen.extend(rows)
        for r in rows:
            assert read_raw(p, r["content_sha256"])  # the raw HTML is there before cleaning
            out = prepared(r)  # cleaned by the crawl's worker process from the fetched bytes
            assert out.ok and out.doc.text and out.sketch.size > 0
        return real(p, site, rows, run_id=run_id, prepared=prepared, **kw)

    monkeypatch.setattr(cleaner, "clean_pages", spy)
    [res] = run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa")
    assert len(seen) == len(sim.article_urls(SITE)) == res.documents_cleaned
    assert res.pages_clean_failed == 0
    seen.clear()
    run(sim, paths, tmp_path, "20250702T010000Z-bbbbbb")
    assert seen == []  # every landed version has its document: nothing to clean again


def test_replaying_the_same_run_id_adds_nothing(sim, paths, tmp_path):
    run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa")
    before = pages(paths)
    sim.reset_log()
    [res] = run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa")
    assert pages(paths) == before and res.pages_seen == 0
    assert len(rows_of(paths, "crawl_runs")) == 1


def test_crawl_site_single_site_entry_point(sim, paths, tmp_path):
    [site] = sites_of(sim, tmp_path, ["lamdong-loc-quang"])
    res = crawl_site(site, paths, run_id="20250701T010000Z-aaaaaa", config=FAST, crawl=CRAWL)
    assert res.pages_new == len(sim.article_urls("lamdong-loc-quang")) > 0
    assert res.started_at <= res.finished_at


def test_max_pages_limits_the_listing_walk(sim, paths, tmp_path):
    [res] = crawl_sites(
        sites_of(sim, tmp_path, [SITE]), paths, run_id="r1", max_pages=1, config=FAST, crawl=CRAWL
    )
    per_page = len([u for u in sim.article_urls(SITE)])
    assert 0 < res.pages_new <= per_page
    listing = [r for r in sim.request_log if "page=2" in r.path]
    assert listing == []


def _clean_workers() -> set[int]:
    """PIDs of this process's live cleaning workers (`python -m ingest.clean.worker`)."""
    found = set()
    for child in psutil.Process().children(recursive=True):
        try:
            if "ingest.clean.worker" in child.cmdline() and child.status() != psutil.STATUS_ZOMBIE:
                found.add(child.pid)
        except psutil.Error:
            continue
    return found


def test_crawl_cleans_in_worker_processes_and_lands_every_document(sim, paths, tmp_path):
    ids = ["xuan-phu", "lamdong-loc-quang"]
    before = _clean_workers()
    results = run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa", ids=ids)
    assert _clean_workers() <= before  # the cleaning pool is shut down
    docs = rows_of(paths, "documents")
    expected = {u for sid in ids for u in sim.article_urls(sid)}
    assert {d["url"] for d in docs} == expected and len(docs) == len(expected)
    assert sum(r.documents_cleaned for r in results) == len(expected)
    assert all((d["text"] and d["warnings_json"] == "[]") or "empty" not in d["warnings_json"] for d in docs)
    # the same documents as the inline cleaner makes from the raw files
    site = next(s for s in sites_of(sim, tmp_path, ids) if s.id == "xuan-phu")
    for d in (d for d in docs if d["site_id"] == "xuan-phu"):
        doc = clean_html(read_raw(paths, d["content_sha256"]), family=site.adapter, url=d["url"])
        assert (d["text"], d["title"], d["published_at"]) == (doc.text, doc.title, doc.published_at)


def test_keyboard_interrupt_shuts_the_cleaning_pool_down(sim, paths, tmp_path):
    class Interrupt(Observer):
        def page_done(self, site_id: str) -> None:
            if _clean_workers():  # the pool is running: interrupt the crawl now
                raise KeyboardInterrupt

    before = _clean_workers()
    with pytest.raises(KeyboardInterrupt):
        crawl_sites(
            sites_of(sim, tmp_path, [SITE]),
            paths,
            run_id="r1",
            config=FAST,
            crawl=CRAWL,
            observer=Interrupt(),
        )
    assert _clean_workers() <= before
    # nothing landed half-way: the re-run lands every page and document once
    run(sim, paths, tmp_path, "r2")
    rows = pages(paths)
    assert Counter(r["url"] for r in rows if r["change"] == "new") == Counter(sim.article_urls(SITE))
    docs = rows_of(paths, "documents")
    assert Counter(d["url"] for d in docs) == Counter(sim.article_urls(SITE))


CRAWL_SCRIPT = """
import sys
from ingest.crawl import crawl_sites
from ingest.crawl_config import CrawlConfig
from ingest.paths import DataPaths
from ingest.sites import load_registry
registry, data_dir = sys.argv[1:3]
crawl_sites(load_registry(registry), DataPaths.at(data_dir), run_id="r1", crawl=CrawlConfig(flush_every=2))
"""


def test_cleaning_workers_exit_when_the_crawler_is_killed(sim, paths, tmp_path):
    registry = sim.write_registry(tmp_path / "registry.yaml", delay_s=0.3, site_ids=[SITE])
    proc = subprocess.Popen(
        [sys.executable, "-c", CRAWL_SCRIPT, str(registry), str(paths.root)],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        crawler = psutil.Process(proc.pid)
        deadline = time.monotonic() + 60
        workers: list[psutil.Process] = []
        while not workers and time.monotonic() < deadline and proc.poll() is None:
            workers = [c for c in crawler.children() if "ingest.clean.worker" in c.cmdline()]
            time.sleep(0.05)
        assert workers, "no cleaning worker started"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == []
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_backfill_whose_state_was_lost_still_walks_to_the_older_articles(sim, paths, tmp_path):
    """A first crawl cut short lands only the newest articles. If the site's state file is lost
    before it is saved (a kill), the state rebuilt from landing knows only those: a listing walk
    that stops at the first page of known articles would never find the older ones again. A site's
    listings are walked to their end until one complete walk has been saved."""
    from ingest.paths import state_key

    expected = set(sim.article_urls(SITE))
    cut = CrawlConfig(flush_every=3, request_budget=6)  # robots, two listing pages, three articles
    run(sim, paths, tmp_path, "20250701T010000Z-cut", crawl=cut)
    landed = {r["url"] for r in pages(paths)}
    assert 3 <= len(landed) < len(expected)  # the first listing page's articles (3 a page), not all
    paths.store.delete(state_key(SITE))

    run(sim, paths, tmp_path, "20250701T010000Z-retry", crawl=ALL_DUE)
    assert {r["url"] for r in pages(paths)} == expected
    assert SiteState.load(paths.store, SITE).listings_walked
    assert_no_duplicate_versions(pages(paths))


@pytest.mark.slow
def test_overlapping_runs_both_keep_their_304_checks_on_either_store(sim, tmp_path, store_url):
    """Two runs of one site overlap (the run lock bypassed): the second loads its state, waits
    while the first crawls, lands and saves, then lands a page the first landed too. Both
    revalidated every known article (304s: counts, no landing row). The state keeps both runs'
    checks (before: the overlapped run left the state alone and its checks were lost)."""
    import threading

    from ingest.paths import state_key

    paths = DataPaths.at(tmp_path / "data", store_url).ensure()
    run(sim, paths, tmp_path, "20250701T010000Z-aaaaaa", ids=[VALIDATED])
    slug = sim.site(VALIDATED).articles[-1].slug
    sim.mutate(VALIDATED, slug)  # both runs fetch it (changed) and land it: they overlap on landing
    edited = sim.article_url(VALIDATED, slug)
    known = [u for u in sim.article_urls(VALIDATED) if u != edited]  # 304 to both runs
    first_done = threading.Event()

    class WaitForTheFirst(Observer):  # called once its state is loaded and its targets chosen
        def site_started(self, site_id: str, targets: int) -> None:
            assert first_done.wait(120)

    second: list[SiteCrawlResult] = []
    b_now = later(40) + timedelta(hours=1)  # its checks are the later ones
    sites = sites_of(sim, tmp_path, [VALIDATED])
    thread = threading.Thread(
        target=lambda: second.extend(
            crawl_sites(
                sites,
                paths,
                run_id="20250810T010000Z-bbbbbb",
                config=FAST,
                crawl=ALL_DUE,
                observer=WaitForTheFirst(),
                clean_workers=1,
                now=b_now,
            )
        )
    )
    thread.start()
    try:
        time.sleep(0.5)  # the second run has loaded its state (robots, listings, raw audit first)
        [a] = crawl_sites(
            sites,
            paths,
            run_id="20250810T010000Z-cccccc",
            config=FAST,
            crawl=ALL_DUE,
            clean_workers=1,
            now=later(40),
        )
    finally:
        first_done.set()
        thread.join(240)
    [b] = second
    for res in (a, b):
        assert res.failure is None and res.errors == [], res.errors
        assert res.pages_not_modified == len(known) and res.pages_changed == 1, repr(res)
    state = SiteState.from_bytes(paths.store.read_bytes(state_key(VALIDATED)))
    assert {"20250810T010000Z-bbbbbb", "20250810T010000Z-cccccc"} <= set(state.runs)
    for url in known:  # checked by both runs: two checks in a row found nothing new
        st = state.urls[url]
        assert st.stable == 2 and st.checked_at >= b_now - timedelta(minutes=5), url
        assert st.run_id == "20250810T010000Z-bbbbbb"
    rows = pages(paths)
    landed = sorted(r["change"] for r in rows if r["url"] == edited)
    assert landed == ["changed", "new", "unchanged"]  # the second run's fetch settled as a replay
    assert_no_duplicate_versions(rows)

    # the next run is healthy: nothing is due, nothing is refetched, no error, no rebuild
    sim.reset_log()
    [c] = crawl_sites(
        sites,
        paths,
        run_id="20250811T010000Z-dddddd",
        config=FAST,
        crawl=ALL_DUE,
        now=b_now + timedelta(hours=2),
    )
    assert c.failure is None and c.errors == [] and c.pages_seen == 0
    assert not any(r.path in {urlsplit(u).path for u in [*known, edited]} for r in sim.request_log)
    after = SiteState.load(paths.store, VALIDATED)
    assert all(after.urls[u].stable == 2 for u in known) and "20250811T010000Z-dddddd" in after.runs


@pytest.mark.slow
def test_a_run_loaded_while_another_is_landing_leaves_it_whole_on_either_store(sim, tmp_path, store_url):
    """The first crawl of a site lands a part every 2 pages; a second run loads the site's state
    between its first part and its last, then waits until the first has ended and saved. Before:
    the load folded the first part and marked that run folded, so the second run's settle skipped
    its later parts and landed their pages as `new` a second time. Now that load leaves the run
    whole (no crawl_runs row yet, rows minutes old): the second run's fetches settle as replays."""
    import threading

    from ingest.land import site_parts

    paths = DataPaths.at(tmp_path / "data", store_url).ensure()
    urls = sim.article_urls(VALIDATED)  # a Liferay portal: the same bytes on every fetch
    every = CrawlConfig(flush_every=2)
    assert len(urls) > every.flush_every  # at least two page parts
    mid, loaded, first_done = threading.Event(), threading.Event(), threading.Event()

    class PauseAfterTheFirstPart(Observer):
        fetched = 0

        def page_done(self, site_id: str) -> None:
            self.fetched += 1
            if self.fetched == every.flush_every:  # its first part is handed to the lander
                deadline = time.monotonic() + 60
                while not site_parts(paths.store, "pages", VALIDATED) and time.monotonic() < deadline:
                    time.sleep(0.05)
                mid.set()
                assert loaded.wait(120)

    class WaitForTheFirst(Observer):  # called once its state is loaded and its targets chosen
        def site_started(self, site_id: str, targets: int) -> None:
            loaded.set()
            assert first_done.wait(120)

    sites = sites_of(sim, tmp_path, [VALIDATED])
    results: dict[str, list[SiteCrawlResult]] = {}

    def crawl(name: str, run_id: str, observer: Observer) -> None:
        results[name] = crawl_sites(
            sites, paths, run_id=run_id, config=FAST, crawl=every, observer=observer, clean_workers=1
        )

    first = threading.Thread(target=crawl, args=("a", "20250701T010000Z-aaaaaa", PauseAfterTheFirstPart()))
    second = threading.Thread(target=crawl, args=("b", "20250701T020000Z-bbbbbb", WaitForTheFirst()))
    first.start()
    try:
        assert mid.wait(120)
        assert len(site_parts(paths.store, "pages", VALIDATED)) == 1  # one part landed, the run goes on
        second.start()
        assert loaded.wait(120)
    finally:
        loaded.set()
        first.join(240)
        first_done.set()
        if second.ident is not None:  # started
            second.join(240)
    [a], [b] = results["a"], results["b"]
    assert a.failure is None and b.failure is None, (a.errors, b.errors)
    rows = pages(paths)
    assert_no_duplicate_versions(rows)  # before: a's later pages landed as new twice
    assert a.pages_new == len(urls) and b.pages_seen == len(urls)  # b knew none of a's pages
    # b fetched every page (it knew none) and each settled as a replay of a's
    assert Counter(r["change"] for r in rows) == {"new": len(urls), "unchanged": len(urls)}
    state = SiteState.load(paths.store, VALIDATED)
    assert {"20250701T010000Z-aaaaaa", "20250701T020000Z-bbbbbb"} <= set(state.runs)
    assert all(state.urls[u].text_sha for u in urls)  # every page's document folded in

    # the next run is healthy: nothing new, nothing to re-clean
    [c] = run(sim, paths, tmp_path, "20250702T010000Z-cccccc", ids=[VALIDATED])
    assert c.failure is None and c.pages_new == 0 and c.documents_cleaned == 0
    assert_no_duplicate_versions(pages(paths))
