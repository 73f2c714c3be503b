"""Fault injection of the simulator: one responder per kind of misbehaviour, and the plan of which
paths misbehave, how, and for how many requests.

A responder is a frozen dataclass whose fields are the fault's parameters (typed, with
defaults) and whose `respond` writes the bad answer. A new kind is one more class here and one
entry in FAULT_KINDS.
"""

from __future__ import annotations

import fnmatch
import re
import threading
import types
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, ClassVar, Literal, Union, get_args, get_origin, get_type_hints

from ingest.simulator.encoding import encode_as
from ingest.simulator.exchange import Exchange, etag, http_date
from ingest.simulator.routes import Page

HTML_UTF8 = "text/html; charset=utf-8"
META_CHARSET = re.compile(rb"<meta[^>]+charset=[^>]*>", re.I)
CLOSING_TAGS = re.compile(r"</(div|p|span|li|ul|table|tr|td|b|i|a)>", re.I)
BUSY_PAGE = (
    "<html><head><title>{code}</title></head><body><h1>{code}</h1>"
    "<p>Máy chủ đang bận, vui lòng thử lại sau.</p></body></html>"
)


def _accepts(hint: Any, value: object) -> bool:
    """Whether `value` fits a parameter annotation (bool is not a number here)."""
    origin = get_origin(hint)
    if origin is Literal:
        return value in get_args(hint)
    if origin in (Union, types.UnionType):
        return any(_accepts(h, value) for h in get_args(hint))
    if hint is type(None):
        return value is None
    if hint in (int, float):
        numbers = (int,) if hint is int else (int, float)
        return isinstance(value, numbers) and not isinstance(value, bool)
    return isinstance(value, hint)


@dataclass(frozen=True)
class Responder:
    """Base of the fault kinds: typed parameters, checked when the fault is made."""

    kind: ClassVar[str] = ""

    def __post_init__(self) -> None:
        hints = get_type_hints(type(self))
        for f in fields(self):
            value = getattr(self, f.name)
            if not _accepts(hints[f.name], value):
                raise ValueError(f"fault {self.kind!r}: {f.name} must be {f.type}, got {value!r}")

    def respond(self, ex: Exchange, page: Page) -> None:
        """Answer the request in `ex` badly; `page` is what a good answer would have been."""
        raise NotImplementedError


def _busy_page(ex: Exchange, code: int, extra: dict[str, str]) -> None:
    body = BUSY_PAGE.format(code=code).encode()
    ex.write_head(code, {"Content-Type": HTML_UTF8, "Content-Length": str(len(body)), **extra})
    ex.write(body)


@dataclass(frozen=True)
class Status(Responder):
    """This HTTP status with a short error page."""

    kind: ClassVar[str] = "status"
    code: int = 500

    def respond(self, ex: Exchange, page: Page) -> None:
        _busy_page(ex, self.code, {})


@dataclass(frozen=True)
class RetryAfter(Responder):
    """A 429/503 asking the client to come back later: seconds, or an HTTP date."""

    kind: ClassVar[str] = "retry_after"
    code: int = 429
    seconds: float = 1
    http_date: bool = False

    def respond(self, ex: Exchange, page: Page) -> None:
        when = datetime.now(UTC) + timedelta(seconds=self.seconds)
        _busy_page(ex, self.code, {"Retry-After": http_date(when) if self.http_date else f"{self.seconds:g}"})


@dataclass(frozen=True)
class Slow(Responder):
    """Sleep `delay_s` before answering (`before`), or after headers and a tenth of the body (`during`)."""

    kind: ClassVar[str] = "slow"
    delay_s: float = 3.0
    mode: Literal["before", "during"] = "before"

    def respond(self, ex: Exchange, page: Page) -> None:
        if self.mode == "during" and page.status == 200 and not ex.head:
            cut = max(1, len(page.body) // 10)
            headers = {
                "Content-Type": page.content_type,
                "Content-Length": str(len(page.body)),
                "ETag": etag(page.body),
            }
            ex.write_head(200, headers)
            ex.write(page.body[:cut], flush=True)
            ex.sleep(self.delay_s)
            ex.write(page.body[cut:])
            return
        ex.sleep(self.delay_s)
        ex.send_page(page)


@dataclass(frozen=True)
class Truncate(Responder):
    """Announce the whole body's Content-Length, send only `fraction` of it, then close."""

    kind: ClassVar[str] = "truncate"
    fraction: float = 0.5

    def respond(self, ex: Exchange, page: Page) -> None:
        body = page.body or b"<html><body>" + b"x" * 4096
        headers = {"Content-Type": page.content_type, "Content-Length": str(len(body)), "Connection": "close"}
        ex.write_head(200, headers)
        ex.write(body[: int(len(body) * self.fraction)], flush=True)
        ex.close()


@dataclass(frozen=True)
class RedirectLoop(Responder):
    """Redirect A → A?_loop=1 → A → …"""

    kind: ClassVar[str] = "redirect_loop"
    code: int = 302

    def respond(self, ex: Exchange, page: Page) -> None:
        location = ex.path if "_loop=1" in ex.query else f"{ex.path}?_loop=1"
        ex.write_head(self.code, {"Location": location, "Content-Length": "0"})


@dataclass(frozen=True)
class RedirectOffsite(Responder):
    """Redirect to another host; `target` may use `{host}`, `{port}` and `{path}` of this request."""

    kind: ClassVar[str] = "redirect_offsite"
    code: int = 302
    target: str = "http://127.0.0.2:{port}{path}"

    def respond(self, ex: Exchange, page: Page) -> None:
        location = self.target.format(port=ex.port, path=ex.path, host=ex.host)
        ex.write_head(self.code, {"Location": location, "Content-Length": "0"})


@lru_cache(maxsize=4)
def gzip_bomb(mb: float) -> bytes:
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


@dataclass(frozen=True)
class Oversize(Responder):
    """A body of `mb` MB: plain (with or without Content-Length) or a small gzip bomb inflating to it."""

    kind: ClassVar[str] = "oversize"
    mb: float = 20.0
    gzip: bool = False
    content_length: bool = True

    def respond(self, ex: Exchange, page: Page) -> None:
        headers = {"Content-Type": HTML_UTF8}
        if self.gzip:
            body = gzip_bomb(self.mb)
            ex.write_head(200, headers | {"Content-Encoding": "gzip", "Content-Length": str(len(body))})
            ex.write(body)
            return
        size = int(self.mb * 1024 * 1024)
        if self.content_length:
            headers["Content-Length"] = str(size)
        else:
            headers["Connection"] = "close"
            ex.close()
        ex.write_head(200, headers)
        if not ex.head:
            for chunk in _oversize_chunks(size):
                ex.write(chunk)


@dataclass(frozen=True)
class WrongCharset(Responder):
    """The body in one charset, the Content-Type header (and optionally a `<meta>`) naming another."""

    kind: ClassVar[str] = "wrong_charset"
    body_charset: str = "windows-1258"
    header_charset: str = "utf-8"
    meta_charset: str | None = None

    def respond(self, ex: Exchange, page: Page) -> None:
        raw = encode_as(page.body.decode("utf-8"), self.body_charset)
        meta = f'<meta charset="{self.meta_charset}">'.encode() if self.meta_charset else b""
        raw = META_CHARSET.sub(meta, raw)
        ctype = page.content_type.split(";")[0] + f"; charset={self.header_charset}"
        ex.send_page(page, body=raw, content_type=ctype)


@dataclass(frozen=True)
class RobotsDisallow(Responder):
    """robots.txt disallows the path (see `FaultPlan.take_robots`); the page itself is served."""

    kind: ClassVar[str] = "robots_disallow"

    def respond(self, ex: Exchange, page: Page) -> None:
        ex.send_page(page)


@dataclass(frozen=True)
class Empty(Responder):
    """200 with an empty body."""

    kind: ClassVar[str] = "empty"

    def respond(self, ex: Exchange, page: Page) -> None:
        ex.write_head(200, {"Content-Type": HTML_UTF8, "Content-Length": "0"})


@dataclass(frozen=True)
class Malformed(Responder):
    """The page without its closing tags, cut at `fraction` in the middle of a tag."""

    kind: ClassVar[str] = "malformed"
    fraction: float = 0.8

    def respond(self, ex: Exchange, page: Page) -> None:
        broken = CLOSING_TAGS.sub("", page.body.decode("utf-8"))
        broken = broken[: int(len(broken) * self.fraction)] + '<div class="news-content"><p'
        ex.send_page(page, body=broken.encode("utf-8"))


FAULT_KINDS: dict[str, type[Responder]] = {
    r.kind: r
    for r in (
        Status,
        RetryAfter,
        Slow,
        Truncate,
        RedirectLoop,
        RedirectOffsite,
        Oversize,
        WrongCharset,
        RobotsDisallow,
        Empty,
        Malformed,
    )
}


class Fault:
    """One misbehaviour. `times=None` forever, else only for the first `times` matching requests.

    `Fault("status", code=503)` or `Fault(Status(code=503))`; unknown kinds, unknown parameters
    and parameters of the wrong type are a clear error here, not at request time.
    """

    def __init__(self, kind: str | Responder, times: int | None = None, **params: Any) -> None:
        if isinstance(kind, Responder):
            if params:
                raise ValueError("give the parameters to the responder, not to Fault")
            responder = kind
        else:
            cls = FAULT_KINDS.get(kind)
            if cls is None:
                raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(FAULT_KINDS)}")
            known = sorted(f.name for f in fields(cls))
            unknown = set(params) - set(known)
            if unknown:
                raise ValueError(f"fault {kind!r} has no parameter(s) {sorted(unknown)}; known: {known}")
            responder = cls(**params)
        if times is not None and times < 0:
            raise ValueError("times must be None or >= 0")
        self.responder = responder
        self.kind = responder.kind
        self.times = times
        self.hits = 0  # requests this fault has answered so far

    @property
    def params(self) -> dict[str, Any]:
        return asdict(self.responder)

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.hits >= self.times

    def __repr__(self) -> str:
        return f"Fault({self.responder!r}, times={self.times}, hits={self.hits})"


def robots_pattern(glob: str) -> str:
    """A path glob as a robots.txt path pattern (`*` wildcard, `$` end anchor)."""
    pattern = glob.replace("?", "*")
    return pattern if pattern.endswith("*") else pattern + "$"


class FaultPlan:
    """Faults keyed by path glob (fnmatch on the request path, also tried with its query string)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[tuple[str, Fault]] = []

    def add(self, path_glob: str, fault: Fault) -> Fault:
        """Make requests matching `path_glob` (e.g. `/xuanphu/web/trang-chu/*/*.html`) misbehave."""
        if not path_glob.startswith(("/", "*")):
            raise ValueError(f"path glob must start with '/' or '*', got {path_glob!r}")
        with self._lock:
            self._faults.append((path_glob, fault))
        return fault

    def clear(self, path_glob: str | None = None) -> None:
        """Remove every fault, or only those added with exactly `path_glob`."""
        with self._lock:
            self._faults = [(g, f) for g, f in self._faults if path_glob is not None and g != path_glob]

    def active(self) -> list[tuple[str, Fault]]:
        with self._lock:
            return [(g, f) for g, f in self._faults if not f.exhausted]

    def __len__(self) -> int:
        return len(self.active())

    def take(self, path: str, query: str = "") -> Fault | None:
        """The first live request fault matching the path, counted as used (robots faults excluded)."""
        full = f"{path}?{query}" if query else path
        with self._lock:
            for glob, fault in self._faults:
                if fault.kind == RobotsDisallow.kind or fault.exhausted:
                    continue
                if fnmatch.fnmatchcase(path, glob) or fnmatch.fnmatchcase(full, glob):
                    fault.hits += 1
                    return fault
        return None

    def take_robots(self) -> list[str]:
        """Globs that robots.txt must disallow now; each live `robots_disallow` fault is counted."""
        out = []
        with self._lock:
            for glob, fault in self._faults:
                if fault.kind == RobotsDisallow.kind and not fault.exhausted:
                    fault.hits += 1
                    out.append(glob)
        return out
