"""How many workers, pool slots and hours a nightly crawl needs, from the registry's size.

A site's night is serial (one request at a time per host, `delay_s` apart), so the night's wall
time is `sites × requests per site × delay / hosts crawled at once`. A steady night makes the
discovery requests (robots.txt, the first listing page or two, sitemaps) plus the revisits the
policy finds due (at most its budget) plus the new articles; a site's first night makes up to
its request budget (its backlog, spread over nights when larger).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from ingest.crawl_config import CrawlConfig

DISCOVERY_REQUESTS = 3  # robots.txt, listing page 1 (and the sitemap or a second page)
NEW_ARTICLES_PER_NIGHT = 1.0
SITES_PER_TASK = 100  # sites per mapped Airflow task (far under core.max_map_length = 1024)


@dataclass(frozen=True)
class Sizing:
    """A sizing for `sites` sites."""

    sites: int
    tasks: int  # mapped crawl tasks per night
    sites_per_task: int
    hosts_per_task: int  # sites crawled at once inside one task
    pool_slots: int  # crawl tasks at once (the `xaetl_crawl` pool)
    requests_per_site: float  # a steady night
    steady_hours: float  # wall time of a steady night
    first_night_hours: float  # wall time of the first night (every site at its request budget)
    window_hours: float

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def requests_per_site(config: CrawlConfig) -> float:
    return DISCOVERY_REQUESTS + config.revisit.revisit_budget + NEW_ARTICLES_PER_NIGHT


def hours(sites: int, requests: float, delay_s: float, concurrency: int) -> float:
    return sites * requests * delay_s / max(1, concurrency) / 3600


def size(
    sites: int,
    *,
    config: CrawlConfig | None = None,
    delay_s: float = 1.0,
    window_hours: float = 6.0,
    sites_per_task: int = SITES_PER_TASK,
    requests: float | None = None,
) -> Sizing:
    """The smallest pool that fits a night into the window even when every site spends its
    whole request budget (a first crawl); steady nights then take a fraction of it."""
    config = config or CrawlConfig()
    per_site = requests_per_site(config) if requests is None else requests
    per_task = max(1, min(sites_per_task, sites))
    tasks = max(1, math.ceil(sites / per_task))
    hosts = max(1, min(config.workers, per_task))
    # hosts busy all window long on a night where every site spends its budget
    needed = sites * max(per_site, config.request_budget) * delay_s / (window_hours * 3600)
    slots = max(1, min(tasks, math.ceil(needed / hosts)))
    return Sizing(
        sites=sites,
        tasks=tasks,
        sites_per_task=per_task,
        hosts_per_task=hosts,
        pool_slots=slots,
        requests_per_site=round(per_site, 2),
        steady_hours=round(hours(sites, per_site, delay_s, slots * hosts), 2),
        first_night_hours=round(hours(sites, config.request_budget, delay_s, slots * hosts), 2),
        window_hours=window_hours,
    )
