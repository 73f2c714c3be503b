"""pipeline.crawl: a killed cleaning worker fails its page, never an empty document; next run recovers it."""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass, fields
from pathlib import Path

from ingest import pipeline
from ingest.clean import clean_html
from ingest.clean.outcome import WORKER_DIED
from ingest.land import read_raw
from ingest.paths import DataPaths
from ingest.sites import Site, load_registry
from ingest.sites.families import Family
from tests.helpers.landing import rows_of

SITE = "xuan-phu"


def _stall_then(family: Family, marker: str) -> Family:
    """Runs in the worker while it unpickles a page's job: the first page to claim `marker`
    stalls there (its worker's PID written beside the marker) until the test kills the worker."""
    try:
        os.rename(marker, marker + ".claimed")
    except FileNotFoundError:
        return family
    Path(marker + ".pid").write_text(str(os.getpid()))
    time.sleep(120)
    return family


@dataclass(frozen=True)
class StallingFamily(Family):
    marker: str = ""

    def __reduce__(self):
        plain = Family(**{f.name: getattr(self, f.name) for f in fields(Family)})
        return _stall_then, (plain, self.marker)


@dataclass(frozen=True)
class StallingSite(Site):
    marker: str = ""

    @property
    def adapter(self) -> Family:
        family = super().adapter
        return StallingFamily(**{f.name: getattr(family, f.name) for f in fields(Family)}, marker=self.marker)


def _documents(paths: DataPaths) -> list[dict]:
    return rows_of(paths, "documents")


def test_killed_cleaning_worker_fails_its_page_and_the_next_run_recovers_it(simulator, tmp_path) -> None:
    registry = simulator.write_registry(tmp_path / "sites.yaml", delay_s=0, site_ids=[SITE])
    (site,) = load_registry(registry)
    marker = tmp_path / "stall"
    marker.touch()
    stalling = StallingSite(**{f.name: getattr(site, f.name) for f in fields(Site)}, marker=str(marker))
    paths = DataPaths.at(tmp_path / "data").ensure()
    articles = set(simulator.article_urls(SITE))

    outcome: dict = {}
    crawl = threading.Thread(
        target=lambda: outcome.update(
            result=pipeline.crawl([stalling], paths, run_id="20260101T010000Z-first")
        )
    )
    crawl.start()
    pid_file = Path(f"{marker}.pid")
    deadline = time.monotonic() + 60
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(int(pid_file.read_text()), signal.SIGKILL)
    crawl.join(120)
    assert not crawl.is_alive()

    first = outcome["result"]
    assert first.pages_clean_failed == 1 and first.counts()["pages_clean_failed"] == 1
    assert first.documents_cleaned == len(articles) - 1 and first.pages_fetched == len(articles)
    [error] = [e for e in rows_of(paths, "fetch_errors") if e["kind"] == "clean"]
    assert error["error_class"] == WORKER_DIED and "killed by SIGKILL" in error["message"]
    assert error["url"] in articles and error["run_id"] == "20260101T010000Z-first"
    assert any(error["url"] in line and WORKER_DIED in line for line in first.sites[0].errors)
    docs = _documents(paths)
    assert {d["url"] for d in docs} == articles - {error["url"]}  # no document for the failed page
    assert all(d["text"] for d in docs)  # and never an empty one in its place

    # Next night: the pages are unchanged, but the version without a document is re-cleaned from raw.
    second = pipeline.crawl([site], paths, run_id="20260102T010000Z-second")
    assert second.pages_clean_failed == 0 and second.pages_fetched == 0
    assert second.documents_cleaned == 1
    docs = _documents(paths)
    assert sorted(d["url"] for d in docs) == sorted(articles)  # each page once
    [recovered] = [d for d in docs if d["url"] == error["url"]]
    expected = clean_html(
        read_raw(paths.store, recovered["content_sha256"]), family=site.adapter, url=error["url"]
    )
    assert recovered["text"] == expected.text and recovered["text"]

    # A third run has nothing left to clean.
    third = pipeline.crawl([site], paths, run_id="20260103T010000Z-third")
    assert third.documents_cleaned == 0 and third.pages_clean_failed == 0
