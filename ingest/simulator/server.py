"""`PortalSimulator`: serve simulated commune portals over real HTTP on 127.0.0.1, with faults.

Pages are rendered at request time from the stored content and the family templates; every
page has a strong ETag (hash of the body) and a Last-Modified date and conditional GETs get
304. The bundled snapshot mounts every site under its own path prefix on one port; synthetic
(benchmark) mode gives each site its own port, since politeness is per host:port.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ingest.simulator import routes
from ingest.simulator.encoding import encode_as
from ingest.simulator.faults import Fault, FaultPlan, robots_pattern
from ingest.simulator.model import VN_TZ, SimArticle, SimSite, slugify
from ingest.simulator.snapshot import load_sites, summary_of
from ingest.simulator.wordhtml import render_body

log = logging.getLogger(__name__)

META_CHARSET = re.compile(rb"<meta[^>]+charset=[^>]*>", re.I)
CLOSING_TAGS = re.compile(r"</(div|p|span|li|ul|table|tr|td|b|i|a)>", re.I)
UPDATE_NOTE = (
    "Cập nhật lúc {at:%H:%M} ngày {at:%d/%m/%Y}: bài viết đã được biên tập lại và bổ sung thông tin."
)


@dataclass(frozen=True)
class RequestRecord:
    """One request the simulator answered (what the tests and benchmarks count)."""

    method: str
    path: str  # path with query string, as requested
    host: str  # `host:port` of the server that answered (the crawler's politeness key)
    status: int
    conditional: bool  # If-None-Match or If-Modified-Since was sent
    at: datetime
    site_id: str | None = None
    fault: str | None = None  # kind of the fault that answered, if any
    content_length: int = 0  # Content-Length announced (a `truncate` fault sends less)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], sim: PortalSimulator, sites: list[SimSite]) -> None:
        super().__init__(addr, _Handler)
        self.sim = sim
        self.sites = sorted(sites, key=lambda s: len(s.prefix), reverse=True)  # longest prefix first
        self.thread: threading.Thread | None = None

    @property
    def netloc(self) -> str:
        host, port = self.server_address[:2]
        return f"{host!s}:{port}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Apache/2.4.41 (Ubuntu)"
    sys_version = ""

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self.server.sim._handle(self, head=False)  # type: ignore[attr-defined]

    def do_HEAD(self) -> None:
        self.server.sim._handle(self, head=True)  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)


def _http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC).replace(microsecond=0), usegmt=True)


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _not_modified(headers: Any, etag: str, last_modified: datetime | None) -> bool:
    inm = headers.get("If-None-Match")
    if inm is not None:  # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or etag in tags
    ims = headers.get("If-Modified-Since")
    if ims and last_modified is not None:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return last_modified.replace(microsecond=0) <= since
    return False


@lru_cache(maxsize=4)
def _gzip_bomb(mb: float) -> bytes:
    """A small gzip stream that inflates to `mb` MB of HTML."""
    filler = b"<p>" + b"\xc4\x90\xe1\xba\xa3ng b\xe1\xbb\x99 x\xc3\xa3 " * 64 + b"</p>\n"
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [comp.compress(b"<!DOCTYPE html><html><body>")]
    total, target = 0, int(mb * 1024 * 1024)
    while total < target:
        out.append(comp.compress(filler))
        total += len(filler)
    out.append(comp.compress(b"</body></html>") + comp.flush())
    return b"".join(out)


def _oversize_chunks(size: int) -> Iterator[bytes]:
    head = b'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
    yield head
    block = (b"<p>" + b"x" * 1020 + b"</p>\n") * 64
    left = size - len(head)
    while left > 0:
        piece = block[:left]
        left -= len(piece)
        yield piece


class PortalSimulator:
    """Local HTTP server of simulated commune portals (see module doc)."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        sites: list[SimSite] | None = None,
        separate_ports: bool = False,
    ) -> None:
        self.host = host
        self.port = port
        self.sites: list[SimSite] = sites if sites is not None else load_sites()
        ids = [s.id for s in self.sites]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate site ids: {ids}")
        self.separate_ports = separate_ports
        self.faults = FaultPlan()
        self.request_log: list[RequestRecord] = []
        self._log_lock = threading.Lock()
        self._state_lock = threading.RLock()
        self._servers: list[_Server] = []
        self._stopping = threading.Event()

    # -- life cycle ---------------------------------------------------------------------
    def start(self) -> PortalSimulator:
        if self._servers:
            return self
        self._stopping.clear()
        groups = [[s] for s in self.sites] if self.separate_ports else [self.sites]
        try:
            for i, group in enumerate(groups):
                port = self.port + i if self.port else 0
                server = _Server((self.host, port), self, group)
                server.thread = threading.Thread(
                    target=server.serve_forever,
                    kwargs={"poll_interval": 0.1},
                    daemon=True,
                    name=f"portal-sim-{server.netloc}",
                )
                server.thread.start()
                self._servers.append(server)
        except OSError:
            self.stop()
            raise
        log.info("portal simulator serving %d site(s) at %s", len(self.sites), self.base_url)
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping in a `slow` fault
        for server in self._servers:
            server.shutdown()
            server.server_close()
            if server.thread:
                server.thread.join(timeout=5)
        self._servers = []

    def __enter__(self) -> PortalSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- addresses ----------------------------------------------------------------------
    def _require_started(self) -> None:
        if not self._servers:
            raise RuntimeError("the simulator is not started; call start() or use it as a context manager")

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT` of the (first) server."""
        self._require_started()
        return f"http://{self._servers[0].netloc}"

    @property
    def base_urls(self) -> list[str]:
        self._require_started()
        return [f"http://{s.netloc}" for s in self._servers]

    def _server_of(self, site_id: str) -> _Server:
        self._require_started()
        for server in self._servers:
            if any(s.id == site_id for s in server.sites):
                return server
        raise KeyError(f"unknown site id {site_id!r}; served: {[s.id for s in self.sites]}")

    def site(self, site_id: str) -> SimSite:
        for s in self.sites:
            if s.id == site_id:
                return s
        raise KeyError(f"unknown site id {site_id!r}; served: {[s.id for s in self.sites]}")

    def site_base_url(self, site_id: str) -> str:
        """Base URL of one site, prefix included (`http://127.0.0.1:PORT/xuanphu`)."""
        return f"http://{self._server_of(site_id).netloc}{self.site(site_id).prefix}"

    def site_host(self, site_id: str) -> str:
        """`host:port` serving the site."""
        return self._server_of(site_id).netloc

    def article_url(self, site_id: str, slug: str) -> str:
        site = self.site(site_id)
        return self.site_base_url(site_id) + site.article_path(site.article(slug))

    def listing_urls(self, site_id: str) -> list[str]:
        return [self.site_base_url(site_id) + p for p in self.site(site_id).listing_paths()]

    def article_urls(self, site_id: str) -> list[str]:
        site = self.site(site_id)
        return [self.site_base_url(site_id) + site.article_path(a) for a in site.articles]

    # -- registry -----------------------------------------------------------------------
    def registry_dict(self, *, delay_s: float = 0.0, site_ids: list[str] | None = None) -> dict[str, Any]:
        """The registry document (DESIGN §4 schema) of the served sites."""
        out = []
        for site in self.sites:
            if site_ids is not None and site.id not in site_ids:
                continue
            entry: dict[str, Any] = {"id": site.id, "commune": site.commune}
            if site.district:
                entry["district"] = site.district
            entry |= {
                "province": site.province,
                "family": site.family,
                "base_url": self.site_base_url(site.id),
                "listing_urls": site.listing_paths(),
                "allowed_hosts": [self.site_host(site.id)],
                "delay_s": delay_s,
                # the crawler refuses loopback addresses unless the operator allows them
                "allow_networks": [self.site_host(site.id).rsplit(":", 1)[0] + "/32"],
            }
            if site.sitemap_paths:
                entry["sitemap_urls"] = site.sitemap_paths
            if site.feed_paths:
                entry["feed_urls"] = site.feed_paths
            out.append(entry)
        if site_ids is not None:
            missing = set(site_ids) - {e["id"] for e in out}
            if missing:
                raise KeyError(f"unknown site id(s): {sorted(missing)}")
        return {"sites": out}

    def write_registry(
        self, path: str | Path, *, delay_s: float = 0.0, site_ids: list[str] | None = None
    ) -> Path:
        """Write the registry YAML of the served sites; it loads with `ingest.sites.load_registry`."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "# Site registry of the portal simulator (generated by ingest.simulator).\n" + yaml.safe_dump(
            self.registry_dict(delay_s=delay_s, site_ids=site_ids), allow_unicode=True, sort_keys=False
        )
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        return path

    # -- request log --------------------------------------------------------------------
    def count(
        self,
        *,
        path_prefix: str | None = None,
        status: int | None = None,
        host: str | None = None,
        conditional: bool | None = None,
        site_id: str | None = None,
    ) -> int:
        """Requests answered so far matching every given filter."""
        with self._log_lock:
            return sum(
                1
                for r in self.request_log
                if (path_prefix is None or r.path.startswith(path_prefix))
                and (status is None or r.status == status)
                and (host is None or r.host == host)
                and (conditional is None or r.conditional == conditional)
                and (site_id is None or r.site_id == site_id)
            )

    def reset_log(self) -> None:
        with self._log_lock:
            self.request_log.clear()

    def _record(self, rec: RequestRecord) -> None:
        with self._log_lock:
            self.request_log.append(rec)

    # -- content changes ----------------------------------------------------------------
    def _next_stamp(self, after: datetime | None) -> datetime:
        now = datetime.now(VN_TZ).replace(microsecond=0)
        if after is not None and now <= after:
            now = after.replace(microsecond=0) + timedelta(seconds=1)
        return now

    def mutate(
        self,
        site_id: str,
        article_slug: str,
        *,
        replace: tuple[str, str] | None = None,
        note: str | None = None,
    ) -> None:
        """Change an article as editors do: optionally correct a passage (`replace=(old, new)`),
        and append a dated `Cập nhật` paragraph. Next GET: new body, new ETag and Last-Modified."""
        site = self.site(site_id)
        with self._state_lock:
            art = site.article(article_slug)
            stamp = self._next_stamp(art.last_modified)
            if replace is not None:
                old, new = replace
                if art.source_format == "html":
                    if old not in art.body_html:
                        raise ValueError(f"{site_id}/{article_slug}: text to replace not found: {old!r}")
                    art.body_html = art.body_html.replace(old, new, 1)
                else:
                    if art.source_text is None or old not in art.source_text:
                        raise ValueError(f"{site_id}/{article_slug}: text to replace not found: {old!r}")
                    art.source_text = art.source_text.replace(old, new, 1)
                    art.body_html = render_body(
                        art.source_text,
                        fmt=art.source_format,
                        seed=f"{site_id}/{art.slug}",
                        footnotes=art.footnotes,
                    )
            art.updates.append(note or UPDATE_NOTE.format(at=stamp))
            art.version += 1
            art.modified = stamp

    def add_article(
        self,
        site_id: str,
        *,
        title: str,
        body_html: str,
        published: datetime,
        slug: str | None = None,
        category: str | None = None,
    ) -> str:
        """Publish a new article at the top of its category listing; returns its absolute URL."""
        site = self.site(site_id)
        if published.tzinfo is None:
            published = published.replace(tzinfo=VN_TZ)
        with self._state_lock:
            base = slug or slugify(title, drop_d=site.family == "liferay") or "bai-viet"
            taken = {a.slug for a in site.articles}
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            key = category or site.categories[0].key
            if site.category(key) is None:
                raise KeyError(f"site {site_id!r} has no category {key!r}")
            art = SimArticle(
                slug=slug,
                title=title,
                published=published,
                body_html=body_html,
                category=key,
                post_id=site.next_post_id(),
                summary=summary_of(re.sub(r"<[^>]+>", "\n", body_html)),
                source_text=body_html,
                source_format="html",
            )
            site.articles.insert(0, art)
            site.changed_at = self._next_stamp(site.changed_at)
        return self.site_base_url(site_id) + site.article_path(art)

    # -- robots.txt ---------------------------------------------------------------------
    def _robots(self, server: _Server, only: SimSite | None, base: str) -> str:
        sites = [only] if only else server.sites
        lines = ["User-agent: *"]
        delays = [s.crawl_delay for s in sites if s.crawl_delay]
        if delays:
            lines.append(f"Crawl-delay: {max(delays):g}")
        rules = [s.prefix + p for s in sites for p in s.robots_disallow]
        rules += [s.prefix + "/wp-admin/" for s in sites if s.family == "generic"]
        rules += [robots_pattern(g) for g in self.faults.take_robots()]
        lines += [f"Disallow: {r}" for r in rules] or ["Disallow:"]
        lines += [f"Sitemap: {base}{s.prefix}{p}" for s in sites for p in s.sitemap_paths]
        return "\n".join(lines) + "\n"

    # -- request handling ---------------------------------------------------------------
    def _route(self, server: _Server, path: str, query: str) -> tuple[SimSite | None, routes.Page]:
        base = f"http://{server.netloc}"
        if path == "/robots.txt":
            return None, routes.Page(
                200, self._robots(server, None, base).encode(), "text/plain; charset=utf-8"
            )
        for site in server.sites:
            if site.prefix and path != site.prefix and not path.startswith(site.prefix + "/"):
                continue
            rel = path[len(site.prefix) :]
            if rel == "/robots.txt":
                return site, routes.Page(
                    200, self._robots(server, site, base).encode(), "text/plain; charset=utf-8"
                )
            with self._state_lock:
                return site, routes.resolve(site, rel, query, base)
        return None, routes.not_found()

    def _handle(self, handler: BaseHTTPRequestHandler, *, head: bool) -> None:
        server: _Server = handler.server  # type: ignore[assignment]
        parts = urlsplit(handler.path)
        path, query = parts.path or "/", parts.query
        conditional = bool(handler.headers.get("If-None-Match") or handler.headers.get("If-Modified-Since"))
        site, page = self._route(server, path, query)
        fault = self.faults.take(path, query)
        # the record is appended when the status line goes out (see _write_head), so a client that
        # has its response always finds its request in the log
        handler._sim_record = RequestRecord(  # type: ignore[attr-defined]
            method="HEAD" if head else "GET",
            path=handler.path,
            host=server.netloc,
            status=0,
            conditional=conditional,
            at=datetime.now(UTC),
            site_id=site.id if site else None,
            fault=fault.kind if fault else None,
        )
        try:
            if fault is not None:
                self._send_fault(handler, fault, page, path, query, server, head=head)
            else:
                self._send_page(handler, page, head=head)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) as exc:
            log.debug("client went away during %s: %s", handler.path, exc)
            handler.close_connection = True
        finally:
            pending = getattr(handler, "_sim_record", None)
            if pending is not None:  # nothing was sent (client gone before the status line)
                self._record(pending)
                handler._sim_record = None  # type: ignore[attr-defined]

    def _write_head(self, handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
        pending = getattr(handler, "_sim_record", None)
        if pending is not None:
            self._record(
                replace(pending, status=status, content_length=int(headers.get("Content-Length", 0) or 0))
            )
            handler._sim_record = None  # type: ignore[attr-defined]
        handler.send_response(status)
        for k, v in headers.items():
            handler.send_header(k, v)
        handler.end_headers()

    def _send_page(
        self,
        handler: BaseHTTPRequestHandler,
        page: routes.Page,
        *,
        head: bool,
        body: bytes | None = None,
        content_type: str | None = None,
    ) -> tuple[int, int]:
        body = page.body if body is None else body
        headers = {"Content-Type": content_type or page.content_type, **page.headers}
        if page.status == 200:
            etag = _etag(body)
            headers["ETag"] = etag
            if page.last_modified is not None:
                headers["Last-Modified"] = _http_date(page.last_modified)
            headers["Cache-Control"] = "private, max-age=0"
            if _not_modified(handler.headers, etag, page.last_modified):
                headers.pop("Content-Type")
                self._write_head(handler, 304, headers)
                return 304, 0
        headers["Content-Length"] = str(len(body))
        self._write_head(handler, page.status, headers)
        if not head:
            handler.wfile.write(body)
        return page.status, 0 if head else len(body)

    def _sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)

    def _send_fault(
        self,
        handler: BaseHTTPRequestHandler,
        fault: Fault,
        page: routes.Page,
        path: str,
        query: str,
        server: _Server,
        *,
        head: bool,
    ) -> tuple[int, int]:
        kind = fault.kind
        if kind in ("status", "retry_after"):
            code = int(fault.code)
            body = (
                f"<html><head><title>{code}</title></head><body><h1>{code}</h1>"
                "<p>Máy chủ đang bận, vui lòng thử lại sau.</p></body></html>"
            ).encode()
            headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}
            if kind == "retry_after":
                secs = float(fault.seconds)
                headers["Retry-After"] = (
                    _http_date(datetime.now(UTC) + timedelta(seconds=secs))
                    if fault.http_date
                    else f"{secs:g}"
                )
            self._write_head(handler, code, headers)
            if not head:
                handler.wfile.write(body)
            return code, len(body)
        if kind == "slow":
            if fault.mode == "during" and page.status == 200 and not head:
                cut = max(1, len(page.body) // 10)
                self._write_head(
                    handler,
                    200,
                    {
                        "Content-Type": page.content_type,
                        "Content-Length": str(len(page.body)),
                        "ETag": _etag(page.body),
                    },
                )
                handler.wfile.write(page.body[:cut])
                handler.wfile.flush()
                self._sleep(float(fault.delay_s))
                handler.wfile.write(page.body[cut:])
                return 200, len(page.body)
            self._sleep(float(fault.delay_s))
            return self._send_page(handler, page, head=head)
        if kind == "truncate":
            body = page.body or b"<html><body>" + b"x" * 4096
            cut = int(len(body) * float(fault.fraction))
            self._write_head(
                handler,
                200,
                {"Content-Type": page.content_type, "Content-Length": str(len(body)), "Connection": "close"},
            )
            if not head:
                handler.wfile.write(body[:cut])
                handler.wfile.flush()
            handler.close_connection = True
            return 200, cut
        if kind in ("redirect_loop", "redirect_offsite"):
            if kind == "redirect_loop":
                location = path if "_loop=1" in query else f"{path}?_loop=1"
            else:
                location = str(fault.target).format(port=server.server_address[1], path=path, host=self.host)
            self._write_head(handler, int(fault.code), {"Location": location, "Content-Length": "0"})
            return int(fault.code), 0
        if kind == "oversize":
            return self._send_oversize(handler, fault, head=head)
        if kind == "wrong_charset":
            text = page.body.decode("utf-8")
            raw = encode_as(text, str(fault.body_charset))
            raw = META_CHARSET.sub(
                f'<meta charset="{fault.meta_charset}">'.encode() if fault.meta_charset else b"", raw
            )
            ctype = page.content_type.split(";")[0] + f"; charset={fault.header_charset}"
            return self._send_page(handler, page, head=head, body=raw, content_type=ctype)
        if kind == "empty":
            self._write_head(
                handler, 200, {"Content-Type": "text/html; charset=utf-8", "Content-Length": "0"}
            )
            return 200, 0
        if kind == "malformed":
            text = page.body.decode("utf-8")
            broken = CLOSING_TAGS.sub("", text)
            broken = broken[: int(len(broken) * float(fault.fraction))] + '<div class="news-content"><p'
            return self._send_page(handler, page, head=head, body=broken.encode("utf-8"))
        raise AssertionError(f"unhandled fault kind {kind}")  # FaultPlan validated the kind

    def _send_oversize(self, handler: BaseHTTPRequestHandler, fault: Fault, *, head: bool) -> tuple[int, int]:
        size = int(float(fault.mb) * 1024 * 1024)
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if fault.gzip:
            body = _gzip_bomb(float(fault.mb))
            headers |= {"Content-Encoding": "gzip", "Content-Length": str(len(body))}
            self._write_head(handler, 200, headers)
            if not head:
                handler.wfile.write(body)
            return 200, len(body)
        if fault.content_length:
            headers["Content-Length"] = str(size)
        else:
            headers["Connection"] = "close"
            handler.close_connection = True
        self._write_head(handler, 200, headers)
        sent = 0
        if not head:
            for chunk in _oversize_chunks(size):
                handler.wfile.write(chunk)
                sent += len(chunk)
        return 200, sent

    # -- benchmark mode -----------------------------------------------------------------
    @classmethod
    def synthetic(
        cls,
        *,
        n_sites: int = 20,
        articles_per_site: int = 50,
        host: str = "127.0.0.1",
        port: int = 0,
        families: tuple[str, ...] = ("thanhhoa", "liferay", "generic"),
        page_size: int = 10,
        seed: int = 0,
        crawl_delay: float | None = None,
    ) -> PortalSimulator:
        """Many sites, each on its OWN port, with realistic article text built from the seeds."""
        from ingest.simulator.synthetic import synthetic_sites

        sites = synthetic_sites(
            n_sites=n_sites,
            articles_per_site=articles_per_site,
            families=families,
            page_size=page_size,
            seed=seed,
            crawl_delay=crawl_delay,
        )
        return cls(host=host, port=port, sites=sites, separate_ports=True)
