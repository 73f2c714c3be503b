"""The crawl's own knobs (how many sites at once, landing batches, budgets, revisits), apart from
`FetchConfig`'s HTTP ones (timeouts, retries, sizes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.revisit import RevisitPolicy


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
