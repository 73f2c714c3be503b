"""When a known article is fetched again: intervals that back off with age and stability, a nightly budget.

Listings, sitemaps and feeds drive discovery every night; known articles are only revisited
when due. A URL's interval is the larger of `2 ** stable` days (checks in a row that found
nothing new) and its age divided by `age_divisor` (an article a year old rarely changes), within
[min_days, max_days]. Each due date is spread over the last `spread` of its interval by a
hash of the URL, so the hundreds of articles a first crawl finds do not all come due on the
same night. A night revisits at most `revisit_budget` articles per site, the most overdue
first; the rest wait, still due. A URL that changed starts again at `2 ** 0` = 1 day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RevisitPolicy:
    """The revisit knobs (part of `CrawlConfig`)."""

    min_days: float = 1.0
    max_days: float = 30.0
    age_divisor: float = 8.0  # an article N days old waits at least N / 8 days
    spread: float = 0.2  # due dates fall in the last 20 % of the interval, by URL hash
    grace_hours: float = 6.0  # due "tonight" if due before now + grace (runs start at varying times)
    revisit_budget: int = 12  # known articles refetched per site per night, most overdue first

    def interval_days(self, *, stable: int, age_days: float) -> float:
        backoff = 2.0 ** min(max(stable, 0), 16)
        return min(self.max_days, max(self.min_days, backoff, max(age_days, 0.0) / self.age_divisor))

    def next_due(self, url: str, checked_at: datetime, *, stable: int, age_days: float) -> datetime:
        """When `url`, checked at `checked_at`, is next due."""
        interval = self.interval_days(stable=stable, age_days=age_days)
        unit = int.from_bytes(hashlib.sha256(f"{url}|{checked_at:%Y-%m-%d}".encode()).digest()[:8], "big")
        factor = 1.0 - self.spread * (unit / 2**64)
        return checked_at + timedelta(days=max(self.min_days, interval * factor))

    def is_due(self, due_at: datetime | None, now: datetime) -> bool:
        return due_at is None or due_at <= now + timedelta(hours=self.grace_hours)

    def choose(
        self, due_dates: Iterable[tuple[str, datetime | None]], now: datetime, *, budget: int | None = None
    ) -> tuple[list[str], int]:
        """(URLs to revisit tonight, how many more are due but over budget): due ones, most
        overdue first (never checked counts as most overdue), at most the budget."""
        limit = max(0, self.revisit_budget if budget is None else budget)
        earliest = datetime.min.replace(tzinfo=now.tzinfo)
        due = sorted((d or earliest, u) for u, d in due_dates if self.is_due(d, now))
        return [u for _, u in due[:limit]], max(0, len(due) - limit)
