"""The only module that touches the network: polite, bounded, retrying HTTP GETs for one site."""

from __future__ import annotations

import logging
import math
import os
import random
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

from ingest import __version__
from ingest.charset import decode_html
from ingest.netguard import (
    AddressBlocked,
    AddressPolicy,
    ConnectionGuard,
    GuardedAdapter,
    Watch,
    parse_networks,
)
from ingest.politeness import HostGate
from ingest.robots import MAX_ROBOTS_BYTES, RobotsCache, RobotsFetch, RobotsPolicy
from ingest.sites import Site

log = logging.getLogger(__name__)

CONTACT_ENV = "XAETL_CONTACT"
DEFAULT_CONTACT = "unset; operators set XAETL_CONTACT"
# Run-level operator flag: networks (CIDR, comma-separated) whose non-public addresses the crawler
# may contact, on top of each site's `allow_networks` (e.g. "127.0.0.0/8" to crawl a local mirror).
ALLOW_NETWORKS_ENV = "XAETL_ALLOW_NETWORKS"

# Every failure ends in one of these classes (the `error_class` of landing/fetch_errors).
ERROR_CLASSES = {
    "timeout": "no answer within the connect/read timeout after retries, or the page or site deadline passed",
    "connection": "connection refused or reset, or the host name does not resolve, after retries",
    "protocol": "the server sent something that is not valid HTTP",
    "http_5xx": "server error, after retries",
    "http_4xx": "client error such as 404 or 410",
    "rate_limited": "429/503 asking to wait longer than the Retry-After cap; left to the next run",
    "too_large": "body (after decompression) bigger than the configured maximum; cut off",
    "truncated": "connection closed before the declared body length, after retries",
    "empty": "2xx answer with an empty body",
    "robots": "robots.txt disallows the URL (or robots.txt itself is unreachable)",
    "redirect_loop": "redirects that come back to a URL already visited, or too many of them",
    "redirect_offsite": "redirect to a host that is not one of the site's allowed hosts",
    "ssrf_blocked": "target resolves to a private, loopback, link-local or metadata address not allowed",
    "invalid_url": "not an http(s) URL, or a redirect without a usable Location",
    "unsupported_type": "not an HTML page (PDF, image, plain text, ...) or no Content-Type at all",
    "malformed": "an HTML document that opens <html> but never closes it: cut off by the server",
}
RETRYABLE_STATUS = frozenset({500, 502, 503, 504, 429})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml")
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
ACCEPT_ANY = "*/*"
CHUNK = 64 * 1024
HTML_OPEN = re.compile(rb"<html[\s>]", re.IGNORECASE)
HTML_CLOSE = re.compile(rb"</html\s*>", re.IGNORECASE)
DRAIN_BYTES = 256 * 1024  # error/redirect bodies up to this size are read to keep the connection
PROTOCOL_MARKERS = ("BadStatusLine", "LineTooLong", "InvalidHeader", "HeaderParsingError")


def allow_networks_from_env() -> tuple[str, ...]:
    """The run-level allowed networks of $XAETL_ALLOW_NETWORKS."""
    raw = os.environ.get(ALLOW_NETWORKS_ENV, "")
    return tuple(n.strip() for n in raw.split(",") if n.strip())


def user_agent() -> str:
    """`xaetl/<version> (+contact: …)`, the contact from $XAETL_CONTACT."""
    contact = os.environ.get(CONTACT_ENV) or DEFAULT_CONTACT
    return f"xaetl/{__version__} (+contact: {contact})"


@dataclass(frozen=True)
class FetchConfig:
    """Every timing and size knob of one HTTP fetch, so tests can shrink them (the crawl's own
    knobs — sites at once, landing batches, budgets, revisits — are `ingest.crawl_config`)."""

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    retries: int = 3  # further tries after the first on 5xx, timeouts, connection errors, truncation
    backoff_base_s: float = 1.0  # the n-th retry waits base × 2^(n-1), ± jitter, at most backoff_max_s
    backoff_max_s: float = 60.0
    jitter: float = 0.5  # fraction of the backoff drawn at random
    retry_after_cap_s: float = 120.0  # a longer Retry-After is recorded and left to the next run
    max_body_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    max_crawl_delay_s: float = 60.0  # a robots.txt Crawl-delay above this is capped
    user_agent: str = field(default_factory=user_agent)
    # Total time for one URL (every try, redirect and wait): a server trickling one byte at a time
    # is cut off here, whatever the read timeout, and the host's other pages are fetched next.
    page_deadline_s: float = 120.0
    # Total time for one site per run (a registry entry's `deadline_s` may shorten it); the pages
    # not fetched by then are recorded as `timeout` and retried next run.
    site_deadline_s: float = 4 * 3600.0
    # Networks whose non-public addresses may be contacted (operator flag, see ALLOW_NETWORKS_ENV).
    allow_networks: tuple[str, ...] = field(default_factory=allow_networks_from_env)

    def __post_init__(self) -> None:
        for name in ("connect_timeout_s", "read_timeout_s", "page_deadline_s", "site_deadline_s"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ValueError(f"FetchConfig.{name} must be a finite positive number, got {value!r}")
        parse_networks(self.allow_networks)


@dataclass
class FetchResult:
    """A successful fetch (2xx with a body, or 304)."""

    url: str
    final_url: str
    status: int
    body: bytes
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    encoding: str | None = None
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A failed fetch with its class (one of ERROR_CLASSES) and the HTTP status if any."""

    def __init__(self, error_class: str, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(f"{error_class}: {message}")
        self.error_class = error_class
        self.message = message
        self.url = url
        self.status = status


class _Retry(Exception):
    """One try failed in a way worth retrying; carries the error to raise if tries run out."""

    def __init__(self, error: FetchError, wait_s: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.wait_s = wait_s


def normalize_url(url: str) -> str:
    """Drop the fragment and lower-case scheme and host; the crawler's identity of a page."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _netloc(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return host if port in (None, default) else f"{host}:{port}"


def _norm_host(host: str) -> str:
    return _netloc(f"http://{host}") if "://" not in host else _netloc(host)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Fetcher:
    """Fetches the pages of one site through a shared host gate and robots cache.

    Not thread-safe (one `requests.Session`); make one per site thread. `requests` counts every
    HTTP request made, retries, redirects and robots.txt included.
    """

    def __init__(
        self,
        site: Site,
        config: FetchConfig | None = None,
        *,
        gate: HostGate | None = None,
        robots: RobotsCache | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.site = site
        self.config = config or FetchConfig()
        self.gate = gate or HostGate()
        self.robots = robots or RobotsCache()
        # Every connection is checked and pinned by the guard, IP literals of the registry too:
        # a non-public address needs the operator's allow_networks (site or run).
        networks = parse_networks((*self.config.allow_networks, *site.allow_networks))
        self.guard = ConnectionGuard(AddressPolicy(networks))
        self.session = session or requests.Session()
        self.session.trust_env = False  # no environment proxies: the guard must see the real host
        adapter = GuardedAdapter(self.guard)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = self.config.user_agent
        self.requests = 0
        self.allowed_hosts = frozenset(_norm_host(h) for h in site.hosts)
        site_budget = min(self.config.site_deadline_s, site.deadline_s or math.inf)
        self.site_deadline = time.monotonic() + site_budget
        self._site_budget = site_budget
        self._deadline = math.inf  # of the fetch() in progress
        self._resolved: dict[str, str | None] = {}
        self._blocked_until: dict[str, float] = {}
        self._extra_delay: dict[str, float] = {}

    def close(self) -> None:
        self.session.close()

    # -- guards -------------------------------------------------------------------------------

    def _ssrf_reason(self, host: str, hostname: str, port: int) -> str | None:
        """Why `hostname` must not be contacted, or None: an early, clear refusal before robots.txt
        or the politeness wait. Cached per host; the connection itself checks again (pinned)."""
        if host in self._resolved:
            return self._resolved[host]
        reason = None
        try:
            self.guard.policy.resolve(hostname, port)
        except AddressBlocked as exc:
            reason = str(exc)
        except OSError:
            pass  # resolution failures surface as connection errors
        self._resolved[host] = reason
        return reason

    def check_target(self, url: str, *, redirect_from: str | None = None) -> None:
        """Refuse URLs outside the site's allowed hosts and non-public addresses of other hosts."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("invalid_url", f"not an http(s) URL: {url!r}", url=url)
        host = _netloc(url)
        if host not in self.allowed_hosts:
            cls = "redirect_offsite" if redirect_from else "invalid_url"
            where = f"redirect from {redirect_from} to" if redirect_from else "URL on"
            raise FetchError(
                cls, f"{where} host {host} not in allowed hosts {sorted(self.allowed_hosts)}", url=url
            )
        port = parts.port or (443 if parts.scheme == "https" else 80)
        reason = self._ssrf_reason(host, parts.hostname, port)
        if reason:
            raise FetchError("ssrf_blocked", reason, url=url)

    def delay_for(self, host: str) -> float:
        return max(self.site.delay_s, self._extra_delay.get(host, 0.0))

    def robots_policy(self, url: str) -> RobotsPolicy:
        try:
            self.check_target(url)
        except FetchError as exc:
            if exc.error_class != "ssrf_blocked":
                raise
            # The host itself is refused: none of its pages will be fetched either (each is
            # recorded as ssrf_blocked), so there is no robots.txt to honour or to record.
            return RobotsPolicy(_netloc(url), None, allow_all=True, reason=f"not fetched: {exc.message}")
        policy = self.robots.policy(url, self._fetch_robots)
        delay = policy.crawl_delay()
        if delay:
            self._extra_delay[_netloc(url)] = min(delay, self.config.max_crawl_delay_s)
        return policy

    def _fetch_robots(self, url: str) -> RobotsFetch:
        try:
            got = self.fetch(
                url, check_robots=False, max_bytes=MAX_ROBOTS_BYTES, truncate_ok=True, accept=ACCEPT_ANY
            )
        except FetchError as exc:
            return RobotsFetch(exc.status, error_class=exc.error_class, message=exc.message)
        return RobotsFetch(got.status, got.body)

    # -- fetching -----------------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        check_robots: bool = True,
        max_bytes: int | None = None,
        truncate_ok: bool = False,
        accept: str = ACCEPT_HTML,
        html_only: bool = False,
    ) -> FetchResult:
        """GET `url`, following redirects within the allowed hosts, all within the page deadline
        (and the site's). Raises FetchError."""
        url = normalize_url(url)
        outer = self._deadline
        self._deadline = min(outer, time.monotonic() + self.config.page_deadline_s, self.site_deadline)
        try:
            return self._fetch(
                url, etag, last_modified, check_robots, max_bytes, truncate_ok, accept, html_only
            )
        finally:
            self._deadline = outer

    def _check_site_deadline(self, url: str) -> None:
        if time.monotonic() >= self.site_deadline:
            raise FetchError(
                "timeout",
                f"the site's crawl deadline of {self._site_budget:g} s has passed; left to the next run",
                url=url,
            )

    def _fetch(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        check_robots: bool,
        max_bytes: int | None,
        truncate_ok: bool,
        accept: str,
        html_only: bool,
    ) -> FetchResult:
        self._check_site_deadline(url)
        current, visited, redirect_from = url, [url], None
        for _hop in range(self.config.max_redirects + 1):
            self.check_target(current, redirect_from=redirect_from)
            host = _netloc(current)
            if check_robots:
                policy = self.robots_policy(current)
                if not policy.allowed(current):
                    why = policy.reason or "disallowed by robots.txt"
                    raise FetchError("robots", f"{current}: {why}", url=url)
            until = self._blocked_until.get(host)
            if until and until > time.monotonic():
                raise FetchError(
                    "rate_limited", f"{host} asked to wait {until - time.monotonic():.0f} s more", url=url
                )
            headers = {"Accept": accept}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, resp_headers, body = self._get_with_retries(
                current, headers, max_bytes or self.config.max_body_bytes, truncate_ok
            )
            if status in REDIRECT_STATUS:
                location = resp_headers.get("Location")
                if not location:
                    raise FetchError("invalid_url", f"{status} without Location", url=url, status=status)
                target = normalize_url(urljoin(current, location))
                if target in visited:
                    raise FetchError(
                        "redirect_loop",
                        f"redirect loop: {' -> '.join([*visited, target])}",
                        url=url,
                        status=status,
                    )
                visited.append(target)
                redirect_from, current = current, target
                continue
            return self._result(url, current, status, resp_headers, body, visited, html_only)
        raise FetchError(
            "redirect_loop",
            f"more than {self.config.max_redirects} redirects: {' -> '.join(visited)}",
            url=url,
        )

    def _result(
        self,
        url: str,
        final: str,
        status: int,
        headers: requests.structures.CaseInsensitiveDict,
        body: bytes,
        visited: list[str],
        html_only: bool,
    ) -> FetchResult:
        if status >= 400:
            raise FetchError(f"http_{status // 100}xx", f"HTTP {status}", url=url, status=status)
        content_type = headers.get("Content-Type")
        if status != 304 and html_only:
            if not content_type:  # guessing HTML would land whatever the server sent
                raise FetchError("unsupported_type", "no Content-Type header", url=url, status=status)
            mime = content_type.split(";", 1)[0].strip().lower()
            if mime not in HTML_TYPES:
                raise FetchError("unsupported_type", f"content type {mime}", url=url, status=status)
        if 200 <= status < 300 and not body:
            raise FetchError("empty", f"HTTP {status} with an empty body", url=url, status=status)
        if html_only and status == 200 and not html_complete(body):
            raise FetchError(
                "malformed", f"HTML ends without </html> after {len(body)} bytes", url=url, status=status
            )
        if status not in (304,) and not 200 <= status < 300:
            raise FetchError("protocol", f"unexpected HTTP {status}", url=url, status=status)
        encoding = decode_html(body, content_type).encoding if status != 304 else None
        return FetchResult(
            url=url,
            final_url=final,
            status=status,
            body=body,
            fetched_at=datetime.now(UTC),
            etag=headers.get("ETag"),
            last_modified=headers.get("Last-Modified"),
            content_type=content_type,
            encoding=encoding,
            redirects=visited[1:],
        )

    def _backoff(self, attempt: int) -> float:
        cfg = self.config
        base = min(cfg.backoff_max_s, cfg.backoff_base_s * 2 ** (attempt - 1))
        return base * (1 - cfg.jitter / 2 + cfg.jitter * random.random())

    def _get_with_retries(
        self, url: str, headers: dict[str, str], max_bytes: int, truncate_ok: bool
    ) -> tuple[int, requests.structures.CaseInsensitiveDict, bytes]:
        tries = self.config.retries + 1
        for attempt in range(1, tries + 1):
            try:
                return self._get_once(url, headers, max_bytes, truncate_ok)
            except _Retry as retry:
                if attempt == tries:
                    err = retry.error
                    raise FetchError(
                        err.error_class,
                        f"{err.message} (after {tries} tries)",
                        url=err.url,
                        status=err.status,
                    ) from None
                wait = retry.wait_s if retry.wait_s is not None else self._backoff(attempt)
                if time.monotonic() + wait >= self._deadline:
                    err = retry.error
                    raise FetchError(
                        err.error_class,
                        f"{err.message} (after {attempt} tries; another would pass the deadline)",
                        url=err.url,
                        status=err.status,
                    ) from None
                log.debug("retrying %s in %.2f s: %s", url, wait, retry.error)
                if retry.wait_s is not None:
                    self.gate.defer(_netloc(url), wait)  # Retry-After binds every request to the host
                else:
                    time.sleep(wait)
        raise AssertionError("unreachable")

    def _get_once(
        self, url: str, headers: dict[str, str], max_bytes: int, truncate_ok: bool
    ) -> tuple[int, requests.structures.CaseInsensitiveDict, bytes]:
        host = _netloc(url)
        timeout = (self.config.connect_timeout_s, self.config.read_timeout_s)
        with self.gate.slot(host, self.delay_for(host)):
            self._check_site_deadline(url)
            if time.monotonic() >= self._deadline:
                raise self._deadline_error(url)
            self.requests += 1
            watch = Watch(self._deadline).start()
            self.guard.watch, self.guard.blocked = watch, None
            try:
                return self._request(url, headers, timeout, max_bytes, truncate_ok)
            except (_Retry, FetchError) as exc:
                if self.guard.blocked:
                    raise FetchError("ssrf_blocked", self.guard.blocked, url=url) from None
                if watch.expired:
                    raise self._deadline_error(url) from exc
                raise
            finally:
                watch.cancel()
                self.guard.watch = None

    def _deadline_error(self, url: str) -> FetchError:
        if self._deadline >= self.site_deadline:
            return FetchError(
                "timeout",
                f"the site's crawl deadline of {self._site_budget:g} s passed during the request; "
                "left to the next run",
                url=url,
            )
        return FetchError(
            "timeout",
            f"no complete answer within the page deadline of {self.config.page_deadline_s:g} s",
            url=url,
        )

    def _request(
        self,
        url: str,
        headers: dict[str, str],
        timeout: tuple[float, float],
        max_bytes: int,
        truncate_ok: bool,
    ) -> tuple[int, requests.structures.CaseInsensitiveDict, bytes]:
        try:
            resp = self.session.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=False)
        except requests.Timeout as exc:
            raise _Retry(FetchError("timeout", f"no answer: {exc}", url=url)) from exc
        except requests.exceptions.InvalidURL as exc:
            raise FetchError("invalid_url", str(exc), url=url) from exc
        except requests.ConnectionError as exc:
            cls = "protocol" if _is_protocol_error(exc) else "connection"
            raise _Retry(FetchError(cls, _short(exc), url=url)) from exc
        with resp:
            status = resp.status_code
            if status in REDIRECT_STATUS or status == 304 or status >= 400:
                _drain(resp)  # read the small error body so the connection can be reused
                if self.guard.watch is not None and self.guard.watch.expired:
                    raise self._deadline_error(url)
                if status in RETRYABLE_STATUS:
                    self._retryable_status(url, resp)
                return status, resp.headers, b""
            body = self._read_body(url, resp, max_bytes, truncate_ok)
            if self.guard.watch is not None and self.guard.watch.expired:
                # a body without Content-Length ends at EOF, which the watchdog's shutdown also is
                raise self._deadline_error(url)
            return status, resp.headers, body

    def _retryable_status(self, url: str, resp: requests.Response) -> None:
        status = resp.status_code
        host = _netloc(url)
        wait = parse_retry_after(resp.headers.get("Retry-After"))
        cls = "rate_limited" if status == 429 else "http_5xx"
        if wait is None:
            raise _Retry(FetchError(cls, f"HTTP {status}", url=url, status=status))
        cap = self.config.retry_after_cap_s
        if wait > cap:
            self._blocked_until[host] = time.monotonic() + wait
            raise FetchError(
                "rate_limited",
                f"HTTP {status} with Retry-After {wait:.0f} s, above the cap of {cap:.0f} s; "
                "left to the next run",
                url=url,
                status=status,
            )
        raise _Retry(
            FetchError(cls, f"HTTP {status} (Retry-After {wait:.1f} s)", url=url, status=status), wait
        )

    def _read_body(self, url: str, resp: requests.Response, max_bytes: int, truncate_ok: bool) -> bytes:
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes and not truncate_ok:
            raise FetchError(
                "too_large", f"Content-Length {declared} above the limit of {max_bytes} bytes", url=url
            )
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in resp.iter_content(CHUNK):
                size += len(chunk)
                chunks.append(chunk)
                if size > max_bytes:
                    if truncate_ok:
                        return b"".join(chunks)[:max_bytes]
                    enc = resp.headers.get("Content-Encoding")
                    how = f" after {enc} decoding" if enc else ""
                    raise FetchError(
                        "too_large", f"body above the limit of {max_bytes} bytes{how}; cut off", url=url
                    )
        except requests.Timeout as exc:
            raise _Retry(FetchError("timeout", f"body not finished: {_short(exc)}", url=url)) from exc
        except requests.exceptions.ContentDecodingError as exc:
            raise _Retry(FetchError("protocol", f"undecodable body: {_short(exc)}", url=url)) from exc
        except requests.exceptions.ChunkedEncodingError as exc:
            raise _Retry(FetchError("truncated", f"after {size} bytes: {_short(exc)}", url=url)) from exc
        except requests.ConnectionError as exc:
            cls = "timeout" if "timed out" in str(exc).lower() else "truncated"
            raise _Retry(FetchError(cls, f"after {size} bytes: {_short(exc)}", url=url)) from exc
        return b"".join(chunks)


def html_complete(body: bytes) -> bool:
    """False for a document that opens `<html` but has no `</html>` near its end: a page the
    server cut off (with a Content-Length that matched the cut), which must not become a version."""
    if HTML_OPEN.search(body[:4096]) is None:
        return True
    return HTML_CLOSE.search(body[-4096:]) is not None


def _drain(resp: requests.Response, limit: int = DRAIN_BYTES) -> None:
    try:
        size = 0
        for chunk in resp.iter_content(CHUNK):
            size += len(chunk)
            if size > limit:
                break
    except (requests.RequestException, OSError):
        pass  # the connection is closed instead of reused; nothing to record


def _is_protocol_error(exc: BaseException) -> bool:
    """A malformed answer (bad status line, broken headers) rather than a network failure."""
    text = repr(exc)
    return any(marker in text for marker in PROTOCOL_MARKERS)


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 300 else text[:297] + "..."
