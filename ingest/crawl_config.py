"""The crawl's own knobs (how many sites at once, landing batches, budgets, revisits, raw audit), apart from
`FetchConfig`'s HTTP ones (timeouts, retries, sizes)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ingest.revisit import RevisitPolicy

RAW_AUDIT_NIGHTS = 7  # default: every raw file on an object store checked once a week
RAW_AUDIT_NIGHTS_ENV = "XAETL_RAW_AUDIT_NIGHTS"


@dataclass(frozen=True)
class CrawlConfig:
    """Every knob of a crawl run that is not about one HTTP request."""

    workers: int = 32  # sites (hosts) crawled at once by one process; each host one request at a time
    flush_every: int = 1000  # rows per landing part: one part per site, run and table below that
    max_failed_runs: int = 10  # stop retrying a URL after this many runs in a row failed
    clean: bool = True  # clean new and changed pages and land their documents (off: crawl only)
    revisit_known: bool = True  # refetch known articles when the revisit policy finds them due
    revisit: RevisitPolicy = field(default_factory=RevisitPolicy)
    request_budget: int = 300  # requests per site per night (robots, listings, sitemaps, articles)
    # On an object store, the nightly raw-file check (a HEAD request per known URL) covers one
    # slice of the known URLs, every URL once in this many nights (1: every URL every night).
    # A local store checks every URL every night (a stat is cheap). See ingest.raw_audit.
    raw_audit_nights: int = RAW_AUDIT_NIGHTS

    def __post_init__(self) -> None:
        if isinstance(self.raw_audit_nights, bool) or not isinstance(self.raw_audit_nights, int):
            raise ValueError(f"raw_audit_nights must be a whole number, got {self.raw_audit_nights!r}")
        if self.raw_audit_nights < 1:
            raise ValueError(
                f"raw_audit_nights must be at least 1 (1: every URL every night), got {self.raw_audit_nights}"
            )


def crawl_config(raw_audit_nights: int | None = None) -> CrawlConfig:
    """A run's crawl knobs: `raw_audit_nights` as given (CLI option, DAG param), else
    `$XAETL_RAW_AUDIT_NIGHTS`, else 7; the rest their defaults. A bad value is a ValueError."""
    if raw_audit_nights is None:
        raw = os.environ.get(RAW_AUDIT_NIGHTS_ENV, "").strip()
        try:
            raw_audit_nights = int(raw) if raw else RAW_AUDIT_NIGHTS
        except ValueError:
            raise ValueError(f"{RAW_AUDIT_NIGHTS_ENV} must be a whole number, got {raw!r}") from None
    return CrawlConfig(raw_audit_nights=raw_audit_nights)
