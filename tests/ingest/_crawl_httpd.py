"""A tiny scripted HTTP server on 127.0.0.1 for the fetcher and crawler unit tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# A route answers (status, headers, body); a callable route may also write raw bytes itself
# through the handler and return None.
Answer = tuple[int, dict[str, str], bytes]
Route = Answer | Callable[[BaseHTTPRequestHandler], Answer | None]


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class TinyServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def base(self) -> str:
        return f"http://{self.host}"

    def count(self, path: str | None = None) -> int:
        return sum(1 for h in self.hits if path is None or h.path == path)

    def start(self) -> TinyServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                owner.hits.append(Hit(self.path, dict(self.headers.items()), time.monotonic()))
                route = owner.routes.get(self.path)
                if route is None:
                    route = (404, {"Content-Type": "text/html"}, b"<html>not found</html>")
                answer = route(self) if callable(route) else route
                if answer is None:
                    return
                status, headers, body = answer
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def html(body: str, *, status: int = 200, charset: str | None = "utf-8", **headers: str) -> Answer:
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    return (
        status,
        {"Content-Type": ctype, **{k.replace("_", "-"): v for k, v in headers.items()}},
        body.encode(charset or "utf-8"),
    )
