"""One request being answered by the simulator: status line, headers, body, conditional GET, log record."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.message import Message
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from ingest.simulator.routes import Page


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


def http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC).replace(microsecond=0), usegmt=True)


def etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def not_modified(headers: Message, tag: str, last_modified: datetime | None) -> bool:
    """Whether a conditional GET with these request headers gets 304 for a body with `tag`."""
    inm = headers.get("If-None-Match")
    if inm is not None:  # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or tag in tags
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


class Exchange:
    """The answer to one request, written through the handler.

    The request is logged when its status line goes out (`write_head`), so a client that has its
    response always finds its request in the log; `finish` logs a request nothing was sent for.
    """

    def __init__(
        self,
        handler: BaseHTTPRequestHandler,
        log: Callable[[RequestRecord], None],
        stopping: threading.Event,
        *,
        head: bool,
    ) -> None:
        self.handler = handler
        self.head = head
        parts = urlsplit(handler.path)
        self.path, self.query = parts.path or "/", parts.query
        address = handler.server.server_address
        assert isinstance(address, tuple)  # an AF_INET server, never a Unix socket
        self.netloc = f"{address[0]!s}:{address[1]}"  # `host:port` of the server answering
        conditional = bool(handler.headers.get("If-None-Match") or handler.headers.get("If-Modified-Since"))
        self._pending: RequestRecord | None = RequestRecord(
            method="HEAD" if head else "GET",
            path=handler.path,
            host=self.netloc,
            status=0,
            conditional=conditional,
            at=datetime.now(UTC),
        )
        self._log = log
        self._stopping = stopping

    def tag(self, *, site_id: str | None, fault: str | None) -> None:
        """Note in the log record which site the request was for and which fault answers it."""
        if self._pending is not None:
            self._pending = replace(self._pending, site_id=site_id, fault=fault)

    @property
    def port(self) -> int:
        return int(self.netloc.rsplit(":", 1)[1])

    @property
    def host(self) -> str:
        return self.netloc.rsplit(":", 1)[0]

    def write_head(self, status: int, headers: dict[str, str]) -> None:
        if self._pending is not None:
            length = int(headers.get("Content-Length", 0) or 0)
            self._log(replace(self._pending, status=status, content_length=length))
            self._pending = None
        self.handler.send_response(status)
        for k, v in headers.items():
            self.handler.send_header(k, v)
        self.handler.end_headers()

    def write(self, data: bytes, *, flush: bool = False) -> None:
        """Body bytes; nothing for a HEAD request."""
        if not self.head:
            self.handler.wfile.write(data)
            if flush:
                self.handler.wfile.flush()

    def close(self) -> None:
        """Close the connection after this answer (the body is cut short or has no length)."""
        self.handler.close_connection = True

    def sleep(self, seconds: float) -> None:
        """Wait, but wake up at once when the simulator stops."""
        self._stopping.wait(seconds)

    def send_page(self, page: Page, *, body: bytes | None = None, content_type: str | None = None) -> None:
        """The page as is (or with another body / content type), with validators and 304 on a match
        (unless the page's portal sends no validators)."""
        body = page.body if body is None else body
        headers = {"Content-Type": content_type or page.content_type, **page.headers}
        if page.status == 200 and page.validators:
            tag = etag(body)
            headers["ETag"] = tag
            if page.last_modified is not None:
                headers["Last-Modified"] = http_date(page.last_modified)
            headers["Cache-Control"] = "private, max-age=0"
            if not_modified(self.handler.headers, tag, page.last_modified):
                headers.pop("Content-Type")
                self.write_head(304, headers)
                return
        headers["Content-Length"] = str(len(body))
        self.write_head(page.status, headers)
        self.write(body)

    def finish(self) -> None:
        """Log the request if no status line went out (the client left first)."""
        if self._pending is not None:
            self._log(self._pending)
            self._pending = None


class RequestLog:
    """The requests a simulator answered, appended from its handler threads."""

    def __init__(self) -> None:
        self.records: list[RequestRecord] = []
        self._lock = threading.Lock()

    def append(self, record: RequestRecord) -> None:
        with self._lock:
            self.records.append(record)

    def clear(self) -> None:
        with self._lock:
            self.records.clear()

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
        with self._lock:
            return sum(
                1
                for r in self.records
                if (path_prefix is None or r.path.startswith(path_prefix))
                and (status is None or r.status == status)
                and (host is None or r.host == host)
                and (conditional is None or r.conditional == conditional)
                and (site_id is None or r.site_id == site_id)
            )
