"""robots.txt per host (RFC 9309, protego): fetched once per run, cached, checked before each request."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

log = logging.getLogger(__name__)

PRODUCT_TOKEN = "xaetl"  # the user-agent token robots.txt groups are matched against
MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309: parse at least the first 500 KiB


@dataclass(frozen=True)
class RobotsFetch:
    """What fetching /robots.txt gave: a status and a body, or a failure class."""

    status: int | None
    body: bytes = b""
    error_class: str | None = None
    message: str = ""


@dataclass(frozen=True)
class RobotsPolicy:
    """The rules of one host. `reason` explains a blanket allow or disallow."""

    host: str
    parser: Protego | None
    allow_all: bool
    reason: str = ""

    def allowed(self, url: str, agent: str = PRODUCT_TOKEN) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str = PRODUCT_TOKEN) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        if delay is None:
            return None
        value = float(delay)
        # "Crawl-delay: nan" or a negative value must not switch the politeness delay off
        # (infinity stays: the fetcher caps it at FetchConfig.max_crawl_delay_s)
        return value if value >= 0 else None

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def policy_from_fetch(host: str, got: RobotsFetch) -> RobotsPolicy:
    """RFC 9309 §2.3.1: 2xx → the rules; 4xx (unavailable) → allow all; 5xx or unreachable →
    disallow all (the server may be protecting itself; the pages are retried next run)."""
    if got.status is not None and 200 <= got.status < 300:
        text = got.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return RobotsPolicy(host, Protego.parse(text), allow_all=False)
    if got.status is not None and 400 <= got.status < 500:
        return RobotsPolicy(host, None, allow_all=True, reason=f"robots.txt answered {got.status}")
    why = got.message or (f"robots.txt answered {got.status}" if got.status else "robots.txt unreachable")
    return RobotsPolicy(host, None, allow_all=False, reason=f"{why}; host treated as disallowed")


class RobotsCache:
    """Policies per host for one crawl; thread-safe, each robots.txt fetched once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._policies: dict[str, RobotsPolicy] = {}

    def policy(self, url: str, fetch: Callable[[str], RobotsFetch]) -> RobotsPolicy:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host in self._policies:
                return self._policies[host]
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:
            with self._lock:
                if host in self._policies:
                    return self._policies[host]
            policy = policy_from_fetch(host, fetch(robots_url(url)))
            if policy.reason:
                log.info("robots.txt of %s: %s", host, policy.reason)
            with self._lock:
                self._policies[host] = policy
            return policy
