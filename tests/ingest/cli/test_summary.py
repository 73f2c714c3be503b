"""The end-of-run summaries: the raw audit's figures per site, and a `RAW LOST` line when any."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console

from ingest.cli.summary import failure_lines, print_summary
from ingest.crawl import SiteCrawlResult
from ingest.pipeline import CrawlResult, RunSummary

AT = datetime(2026, 12, 6, 1, tzinfo=UTC)


def _crawl(*lost: int) -> CrawlResult:
    sites = [
        SiteCrawlResult(f"site-{n}", "r1", AT, AT, raw_audited=10 + n, raw_lost=k) for n, k in enumerate(lost)
    ]
    return CrawlResult("r1", sites)


def _printed(summary: RunSummary) -> str:
    console = Console(record=True, width=200)
    print_summary(summary, console)
    return console.export_text()


def test_the_run_summary_shows_raw_files_checked_and_lost() -> None:
    crawl = _crawl(0, 2)
    out = _printed(RunSummary("r1", Path("/d"), crawl=crawl, ok=True, published=Path("/d/p.duckdb")))
    rows = {line.split("│")[1].strip(): line.split("│") for line in out.splitlines() if "site-" in line}
    assert [c.strip() for c in rows["site-0"][-3:-1]] == ["10", "0"]
    assert [c.strip() for c in rows["site-1"][-3:-1]] == ["11", "2"]
    assert "RAW LOST           2 landed page(s) had lost their raw HTML" in out
    assert "2 landed page(s) had lost their raw HTML: refetched without validators" in failure_lines(crawl)


def test_no_raw_lost_line_when_nothing_was_lost() -> None:
    crawl = _crawl(0, 0)
    out = _printed(RunSummary("r1", Path("/d"), crawl=crawl, ok=True, published=Path("/d/p.duckdb")))
    assert "RAW LOST" not in out and "raw lost" in out
    assert failure_lines(crawl) == []
