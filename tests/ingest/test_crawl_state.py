"""Incremental state rebuilt from landing parts: versions, validators, unrecovered errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ingest.crawl_state import CrawlState
from ingest.land import FETCH_ERRORS_SCHEMA, PAGES_SCHEMA, write_part
from ingest.paths import DataPaths

T0 = datetime(2025, 7, 1, 1, 0, tzinfo=UTC)


def page(url: str, sha: str, version: int, at: datetime, change: str = "new", **kw: object) -> dict:
    return {
        "run_id": f"run-{at:%d}",
        "site_id": "s",
        "url": url,
        "final_url": url,
        "fetched_at": at,
        "status": 200,
        "change": change,
        "content_sha256": sha,
        "version": version,
        "etag": kw.get("etag"),
        "last_modified": kw.get("last_modified"),
    }


def error(url: str, at: datetime, cls: str = "timeout", attempt: int = 1, kind: str = "article") -> dict:
    return {
        "run_id": "r",
        "site_id": "s",
        "url": url,
        "error_class": cls,
        "message": "m",
        "attempt": attempt,
        "occurred_at": at,
        "kind": kind,
    }


def land(paths: DataPaths, pages: list[dict], errors: list[dict], name: str) -> None:
    write_part(paths.pages, PAGES_SCHEMA, pages, partition={"crawl_date": "2025-07-01"}, name=name)
    write_part(
        paths.fetch_errors, FETCH_ERRORS_SCHEMA, errors, partition={"crawl_date": "2025-07-01"}, name=name
    )


def test_state_from_landing(tmp_path):
    paths = DataPaths.at(tmp_path).ensure()
    a, b, c, d = (f"http://h/{x}.html" for x in "abcd")
    land(
        paths,
        [
            page(a, "h1", 1, T0, etag='"1"'),
            page(a, "h2", 2, T0 + timedelta(days=1), "changed", etag='"2"', last_modified="LM"),
            page(b, "hb", 1, T0),
            {**page(c, "hc", 1, T0), "site_id": "other-site"},
        ],
        [
            error(b, T0 - timedelta(hours=1)),  # recovered by the later fetch
            {**error(c, T0 + timedelta(days=1)), "site_id": "other-site"},  # another site's
            error(d, T0 + timedelta(days=1), "http_5xx", attempt=2),
            error("http://h/listing", T0 + timedelta(days=1), kind="listing"),
        ],
        "x",
    )
    st = CrawlState.load(paths, "s")
    assert set(st.urls) == {a, b}
    assert st.validators(a) == ('"2"', "LM")
    assert st.classify(a, "h2") == ("unchanged", 2)
    assert st.classify(a, "h3") == ("changed", 3)
    assert st.classify(a, "h1") == ("changed", 1)  # back to an earlier content: its old version
    assert st.classify(c, "hc") == ("new", 1)
    assert st.retry_urls(10) == [d] and st.next_attempt(d) == 3
    assert st.retry_urls(2) == []  # attempts exhausted
    assert st.known(d) and not st.known(c)


def test_in_run_updates_and_replay_detection(tmp_path):
    paths = DataPaths.at(tmp_path).ensure()
    st = CrawlState.load(paths, "s")
    assert st.urls == {} and st.retry_urls(5) == []
    url = "http://h/a.html"
    st.record_error(url, "timeout", 1, T0)
    assert st.retry_urls(5) == [url]
    st.record_page(page(url, "h1", 1, T0 + timedelta(minutes=1)))
    assert st.retry_urls(5) == [] and st.done_in_run("run-01") == {url}


def test_permanent_errors_are_not_retried(tmp_path):
    paths = DataPaths.at(tmp_path).ensure()
    land(paths, [], [error("http://h/x.pdf", T0, "unsupported_type")], "p")
    assert CrawlState.load(paths, "s").retry_urls(10) == []
