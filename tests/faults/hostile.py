"""A hostile HTTP server on 127.0.0.1 (port 0) for the fault suite: raw sockets, so it can do what
a well-behaved server library would not (trickle bytes, omit headers, lie about types).

A route is a function `(HostileRequest) -> None` that writes whatever bytes it likes to
`request.sock`; helpers build the usual answers.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class HostileRequest:
    path: str
    headers: dict[str, str]
    sock: socket.socket
    stop: threading.Event

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)


Route = Callable[[HostileRequest], None]


def answer(
    status: int = 200,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    *,
    content_type: str | None = "text/html; charset=utf-8",
) -> Route:
    """A complete, honest HTTP/1.1 answer (Content-Length, connection closed after it)."""

    def route(req: HostileRequest) -> None:
        head = [f"HTTP/1.1 {status} X"]
        if content_type is not None:
            head.append(f"Content-Type: {content_type}")
        for k, v in (headers or {}).items():
            head.append(f"{k}: {v}")
        head += [f"Content-Length: {len(body)}", "Connection: close"]
        req.send(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    return route


def trickle(every_s: float, *, in_headers: bool = False, total_s: float = 600.0) -> Route:
    """One byte every `every_s` seconds: each read returns well within any read timeout, and the
    answer never ends (within `total_s`)."""

    def route(req: HostileRequest) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
        if not in_headers:
            req.send(head)
            payload = b"<html><body>" + b"x" * 99_988
        else:
            payload = head + b"<html>"
        started = time.monotonic()
        for i in range(len(payload)):
            if req.stop.wait(every_s) or time.monotonic() - started > total_s:
                return
            req.send(payload[i : i + 1])

    return route


@dataclass
class HostileServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, float]] = field(default_factory=list)
    _sock: socket.socket | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)

    @property
    def port(self) -> int:
        assert self._sock is not None
        return int(self._sock.getsockname()[1])

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def base(self) -> str:
        return f"http://{self.host}"

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.hits if p == path)

    def start(self) -> HostileServer:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        t = threading.Thread(target=self._accept, daemon=True)
        t.start()
        self._threads.append(t)
        return self

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=5)
        if self._sock is not None:
            self._sock.close()

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _accept(self) -> None:
        assert self._sock is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            data = b""
            while b"\r\n\r\n" not in data and len(data) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "/"
            headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
            self.hits.append((path, time.monotonic()))
            route = self.routes.get(path) or answer(404, b"<html>not found</html>")
            route(HostileRequest(path, headers, conn, self._stop))
        except OSError:
            pass  # the client gave up (the deadline under test) or reset the connection
        finally:
            conn.close()


def registry_file(directory: Path, server: HostileServer, listing: str = "/", **site: object) -> Path:
    """A registry YAML with one generic site on `server` (loopback allowed: the operator's flag)."""
    entry = {
        "id": "hostile",
        "commune": "Xuân Phú",
        "province": "Thanh Hóa",
        "family": "generic",
        "base_url": server.base,
        "listing_urls": [listing],
        "delay_s": 0,
        "allow_networks": ["127.0.0.1/32"],
        **site,
    }
    path = directory / "registry.yaml"
    path.write_text(yaml.safe_dump({"sites": [entry]}, allow_unicode=True), encoding="utf-8")
    return path


# Figures of the report pages: each page has facts the extractor finds (the checks want mentions).
REPORT_FIGURES = [("4.271", "105"), ("3.980", "98"), ("12.5", "110"), ("7.310", "101")]


def report_page(n: int) -> bytes:
    """A commune report page with a title and a few indicator sentences (distinct per `n`)."""
    total, pct = REPORT_FIGURES[n % len(REPORT_FIGURES)]
    return (
        f"<html><head><title>Báo cáo kinh tế xã hội số {n}</title></head><body><article>"
        f"<h1>Báo cáo kinh tế xã hội số {n}</h1><p>Năm 2025, thu ngân sách xã đạt {total} triệu đồng, "
        f"bằng {pct}% dự toán huyện giao. Tổng sản lượng lương thực đạt 5.2{n}0 tấn.</p>"
        "</article></body></html>"
    ).encode()


def report_site(
    directory: Path, server: HostileServer, articles: int, route: Callable[[bytes], Route] | None = None
) -> Path:
    """Serve a listing `/danh-sach` of `articles` report pages `/tin-tuc/bao-cao-<n>.html` (each
    through `route(body)`, default a plain answer); returns the registry file of that site."""
    links = "".join(f'<a href="/tin-tuc/bao-cao-{n}.html">Báo cáo {n}</a>' for n in range(articles))
    server.routes["/robots.txt"] = answer(404, b"")
    server.routes["/danh-sach"] = answer(body=f"<html><body>{links}</body></html>".encode())
    for n in range(articles):
        server.routes[f"/tin-tuc/bao-cao-{n}.html"] = (route or (lambda body: answer(body=body)))(
            report_page(n)
        )
    return registry_file(directory, server, "/danh-sach")
