"""`xaetl docs`: serve dbt docs, Great Expectations Data Docs and the report over local HTTP, offline."""

from __future__ import annotations

import html
import logging
import mimetypes
import posixpath
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ingest.paths import DataPaths
from ingest.report.datadocs import ASSETS_DIR, VENDOR_SUBDIR, localize_html, page_prefix, site_dir
from ingest.report.facts import bilingual

log = logging.getLogger(__name__)
# The dbt docs site is these three files; the rest of dbt's target (compiled SQL, run results)
# is not served.
DBT_DOCS_FILES = ("index.html", "manifest.json", "catalog.json")


@dataclass(frozen=True)
class DocsSite:
    """What one `xaetl docs` serves; a missing part is shown as such on the landing page."""

    paths: DataPaths
    dbt_dir: Path | None
    data_docs: Path | None
    report: Path | None = None

    @classmethod
    def of(cls, paths: DataPaths, report: Path | None = None) -> DocsSite:
        from ingest.warehouse.build import target_dir

        target = target_dir(paths)
        dbt = target if all((target / f).exists() for f in DBT_DOCS_FILES) else None
        gx = site_dir(paths)
        return cls(paths, dbt, gx if (gx / "index.html").exists() else None, report)


def dbt_docs_stale(paths: DataPaths) -> bool:
    """No dbt docs yet, or older than the published warehouse."""
    from ingest.warehouse.build import target_dir

    catalog = target_dir(paths) / "catalog.json"
    if not all((target_dir(paths) / f).exists() for f in DBT_DOCS_FILES):
        return True
    return paths.published.exists() and catalog.stat().st_mtime < paths.published.stat().st_mtime


def make_server(site: DocsSite, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server for `site` (port 0: any free port; read `server.server_address`)."""
    handler = type("DocsHandler", (_Handler,), {"site": site})
    return ThreadingHTTPServer((host, port), handler)


class _Handler(BaseHTTPRequestHandler):
    site: DocsSite
    server_version = "xaetl-docs"

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, *, head: bool) -> None:
        raw = unquote(urlsplit(self.path).path)
        # normpath drops a trailing slash, which relative links of a directory page need
        path = posixpath.normpath(raw) + ("/" if raw.endswith("/") and raw != "/" else "")
        if path in ("/", "/index.html"):
            return self._send(_landing(self.site).encode("utf-8"), "text/html; charset=utf-8", head)
        if path == "/report.html" and self.site.report is not None:
            return self._file(self.site.report, head)
        if path.startswith("/dbt/") and self.site.dbt_dir is not None:
            name = path.removeprefix("/dbt/") or "index.html"
            if name in DBT_DOCS_FILES:
                return self._file(self.site.dbt_dir / name, head)
        if path == "/dbt" or path == "/gx":
            return self._redirect(path + "/")
        if path.startswith("/gx/") and self.site.data_docs is not None:
            return self._data_docs(path.removeprefix("/gx/") or "index.html", head)
        self.send_error(HTTPStatus.NOT_FOUND)

    def _data_docs(self, relative: str, head: bool) -> None:
        site = self.site.data_docs
        assert site is not None
        if relative.startswith(VENDOR_SUBDIR + "/"):
            # vendored assets come from the package unless the site holds its own copy
            local = _inside(site, relative)
            return self._file(
                local
                if local and local.is_file()
                else _inside(ASSETS_DIR, relative[len(VENDOR_SUBDIR) + 1 :]),
                head,
            )
        target = _inside(site, relative)
        if target is not None and target.is_dir():
            target = target / "index.html"
        if target is None or not target.is_file():
            return self.send_error(HTTPStatus.NOT_FOUND)
        if target.suffix != ".html":
            return self._file(target, head)
        prefix = page_prefix(target, site)
        page = localize_html(
            target.read_text(encoding="utf-8"),
            vendor_prefix=f"{prefix}{VENDOR_SUBDIR}/",
            images_prefix=f"{prefix}static/images/",
        )
        if page.unknown:
            log.warning("Data Docs page %s still loads %s", relative, ", ".join(page.unknown))
        self._send(page.text.encode("utf-8"), "text/html; charset=utf-8", head)

    def _file(self, path: Path | None, head: bool) -> None:
        if path is None or not path.is_file():
            return self.send_error(HTTPStatus.NOT_FOUND)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/json", "application/javascript"):
            kind += "; charset=utf-8"
        self._send(path.read_bytes(), kind, head)

    def _send(self, body: bytes, kind: str, head: bool) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _inside(root: Path, relative: str) -> Path | None:
    """`root / relative` if it stays inside `root` (no `..` escape, no symlink out)."""
    candidate = (root / relative).resolve()
    base = root.resolve()
    return candidate if candidate == base or base in candidate.parents else None


def _landing(site: DocsSite) -> str:
    def entry(href: str, available: bool, title: str, missing: str) -> str:
        if available:
            return f'<li><a href="{href}">{html.escape(title)}</a></li>'
        return f"<li>{html.escape(title)} — <em>{html.escape(missing)}</em></li>"

    items = [
        entry(
            "/dbt/",
            site.dbt_dir is not None,
            "Tài liệu mô hình dbt · dbt docs (models, columns, lineage, tests)",
            "not generated: run `xaetl docs --generate`",
        ),
        entry(
            "/gx/",
            site.data_docs is not None,
            "Kết quả kiểm tra chất lượng · Great Expectations Data Docs",
            "no checks have run in this data directory yet",
        ),
        entry(
            "/report.html",
            site.report is not None,
            bilingual("title") + " — xaetl report",
            "no published warehouse yet",
        ),
    ]
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>xaetl docs</title>'
        "<style>body{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;margin:40px;color:#1d2530}"
        "li{margin:8px 0;font-size:17px}code{background:#eef2f7;padding:1px 4px}</style></head><body>"
        "<h1>xaetl docs</h1><p>Thư mục dữ liệu · Data directory: "
        f"<code>{html.escape(str(site.paths.root))}</code></p>"
        f"<ul>{''.join(items)}</ul></body></html>"
    )
