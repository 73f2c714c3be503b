"""`PortalSimulator`: serve simulated commune portals over real HTTP on 127.0.0.1, with faults.

Pages are rendered at request time from the stored content and the family templates; every
page has a strong ETag (hash of the body) and a Last-Modified date and conditional GETs get
304. The bundled snapshot mounts every site under its own path prefix on one port; synthetic
(benchmark) mode gives each site its own port, since politeness is per host:port.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ingest.simulator import routes, snapshot
from ingest.simulator.exchange import Exchange, RequestLog, RequestRecord
from ingest.simulator.faults import FaultPlan, robots_pattern
from ingest.simulator.model import SimSite
from ingest.simulator.snapshot import load_sites
from ingest.simulator.synthetic import synthetic_sites

log = logging.getLogger(__name__)
POLL_S = 0.05  # how often an idle server checks for shutdown (the latency of stop())


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
    server: _Server

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self.server.sim._handle(self, head=False)

    def do_HEAD(self) -> None:
        self.server.sim._handle(self, head=True)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)


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
        self.requests = RequestLog()
        self.request_log: list[RequestRecord] = self.requests.records  # the same list, read by tests
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
                    kwargs={"poll_interval": POLL_S},
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
        # shutdown() waits up to POLL_S for its loop to notice: stop every server at once
        with ThreadPoolExecutor(max_workers=max(1, len(self._servers))) as pool:
            list(pool.map(lambda s: s.shutdown(), self._servers))
        for server in self._servers:
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
        """The registry document (docs/registry.md schema) of the served sites."""
        if site_ids is not None:
            missing = set(site_ids) - {s.id for s in self.sites}
            if missing:
                raise KeyError(f"unknown site id(s): {sorted(missing)}")
        entries = [
            snapshot.registry_entry(
                s, base_url=self.site_base_url(s.id), host=self.site_host(s.id), delay_s=delay_s
            )
            for s in self.sites
            if site_ids is None or s.id in site_ids
        ]
        return {"sites": entries}

    def write_registry(
        self, path: str | Path, *, delay_s: float = 0.0, site_ids: list[str] | None = None
    ) -> Path:
        """Write the registry YAML of the served sites; it loads with `ingest.sites.load_registry`."""
        return snapshot.write_registry(path, self.registry_dict(delay_s=delay_s, site_ids=site_ids)["sites"])

    # -- request log --------------------------------------------------------------------
    def count(self, **filters: Any) -> int:
        """Requests answered so far matching every given filter (`RequestLog.count`)."""
        return self.requests.count(**filters)

    def reset_log(self) -> None:
        self.requests.clear()

    # -- content changes ----------------------------------------------------------------
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
            site.edit_article(article_slug, replace=replace, note=note)

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
        with self._state_lock:
            art = site.publish_article(
                title=title, body_html=body_html, published=published, slug=slug, category=category
            )
        return self.site_base_url(site_id) + site.article_path(art)

    # -- request handling ---------------------------------------------------------------
    def _robots(self, server: _Server, sites: list[SimSite]) -> routes.Page:
        extra = [robots_pattern(g) for g in self.faults.take_robots()]
        return routes.robots_txt(sites, f"http://{server.netloc}", extra)

    def _route(self, server: _Server, path: str, query: str) -> tuple[SimSite | None, routes.Page]:
        if path == "/robots.txt":
            return None, self._robots(server, server.sites)
        for site in server.sites:
            if site.prefix and path != site.prefix and not path.startswith(site.prefix + "/"):
                continue
            rel = path[len(site.prefix) :]
            if rel == "/robots.txt":
                return site, self._robots(server, [site])
            with self._state_lock:
                return site, routes.resolve(site, rel, query, f"http://{server.netloc}")
        return None, routes.not_found()

    def _handle(self, handler: _Handler, *, head: bool) -> None:
        ex = Exchange(handler, self.requests.append, self._stopping, head=head)
        site, page = self._route(handler.server, ex.path, ex.query)
        fault = self.faults.take(ex.path, ex.query)
        ex.tag(site_id=site.id if site else None, fault=fault.kind if fault else None)
        try:
            if fault is not None:
                fault.responder.respond(ex, page)
            else:
                ex.send_page(page)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) as exc:
            log.debug("client went away during %s: %s", handler.path, exc)
            ex.close()
        finally:
            ex.finish()

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
        sites = synthetic_sites(
            n_sites=n_sites,
            articles_per_site=articles_per_site,
            families=families,
            page_size=page_size,
            seed=seed,
            crawl_delay=crawl_delay,
        )
        return cls(host=host, port=port, sites=sites, separate_ports=True)
