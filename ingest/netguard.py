"""The crawler's connections: addresses checked against the SSRF policy and pinned, and a deadline
watchdog that cuts a request off however slowly the server trickles its answer.

`requests` resolves a host name when it connects; checking the name beforehand in a separate
lookup leaves a window in which DNS can answer differently (rebinding). Here the connection
itself resolves the name once, refuses it if any address is not public (unless the operator
allowed that network), and connects to exactly the addresses it checked. TLS still verifies the
certificate against the host name.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterable
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool
from urllib3.exceptions import NewConnectionError
from urllib3.poolmanager import PoolManager
from urllib3.util import connection as urllib3_connection

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """CIDR strings (`127.0.0.0/8`, `10.1.2.3`, `fd00::/8`) as networks; ValueError names the bad one."""
    out = []
    for value in values:
        try:
            out.append(ipaddress.ip_network(str(value).strip(), strict=False))
        except ValueError as exc:
            raise ValueError(f"not an IP network: {value!r} ({exc})") from exc
    return tuple(out)


def is_public(addr: IPAddress) -> bool:
    """Globally routable. Private, loopback, link-local (cloud metadata 169.254.169.254),
    carrier-grade NAT, multicast, reserved and unspecified addresses are not, nor an IPv4
    address hidden in an IPv4-mapped IPv6 one."""
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return addr.is_global and not addr.is_multicast


class AddressPolicy:
    """Which addresses the crawler may connect to: public ones, plus the allowed networks."""

    def __init__(self, allowed: Iterable[IPNetwork] = ()) -> None:
        self.allowed = tuple(allowed)

    def refusal(self, addr: IPAddress) -> str | None:
        """Why `addr` must not be contacted, or None."""
        if is_public(addr):
            return None
        plain = addr.ipv4_mapped if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped else addr
        if any(plain.version == net.version and plain in net for net in self.allowed):
            return None
        return f"non-public address {addr} (allow its network with allow_networks)"

    def resolve(self, host: str, port: int) -> list[str]:
        """The addresses of `host` to connect to, all checked; raises AddressBlocked."""
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
        addresses = list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))
        for text in addresses:
            reason = self.refusal(ipaddress.ip_address(text))
            if reason:
                raise AddressBlocked(f"{host} resolves to {reason}")
        return addresses


class AddressBlocked(OSError):
    """A connection refused by the address policy (the `ssrf_blocked` error class)."""


class Watch:
    """One request attempt: its deadline and the sockets it uses, shut down when it passes."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def start(self) -> Watch:
        self._timer = threading.Timer(max(0.0, self.deadline - time.monotonic()), self.expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def attach(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def expire(self) -> None:
        """Shut the sockets down: a blocked read returns at once, whatever the read timeout."""
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


class ConnectionGuard:
    """Shared by the connections of one fetcher (one thread): the policy, the current watch and
    the last refusal (so the fetcher can tell a refused connection from a failed one)."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self.watch: Watch | None = None
        self.blocked: str | None = None

    def connect(self, conn: HTTPConnection) -> socket.socket:
        host = conn._dns_host
        try:
            addresses = self.policy.resolve(host, conn.port)
        except AddressBlocked as exc:
            self.blocked = str(exc)
            raise NewConnectionError(conn, f"refused: {exc}") from exc
        except socket.gaierror as exc:
            raise NewConnectionError(conn, f"cannot resolve {host}: {exc}") from exc
        last: OSError | None = None
        for address in addresses:
            try:
                sock = urllib3_connection.create_connection(
                    (address, conn.port),
                    conn.timeout,
                    source_address=conn.source_address,
                    socket_options=conn.socket_options,
                )
            except OSError as exc:
                last = exc
                continue
            self.attach(sock)
            return sock
        raise NewConnectionError(conn, f"Failed to establish a new connection to {host}: {last}")

    def attach(self, sock: socket.socket | None) -> None:
        if self.watch is not None:
            self.watch.attach(sock)


class _GuardedMixin:
    _guard: ConnectionGuard
    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:
        return self._guard.connect(self)  # type: ignore[arg-type]

    def request(self, *args: Any, **kwargs: Any) -> None:
        self._guard.attach(self.sock)  # a kept-alive connection: its socket is already open
        super().request(*args, **kwargs)  # type: ignore[misc]


class GuardedHTTPConnection(_GuardedMixin, HTTPConnection):
    def __init__(self, *args: Any, guard: ConnectionGuard, **kwargs: Any) -> None:
        self._guard = guard
        super().__init__(*args, **kwargs)


class GuardedHTTPSConnection(_GuardedMixin, HTTPSConnection):
    def __init__(self, *args: Any, guard: ConnectionGuard, **kwargs: Any) -> None:
        self._guard = guard
        super().__init__(*args, **kwargs)


class _GuardedPoolManager(PoolManager):
    def __init__(self, *args: Any, guard: ConnectionGuard, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guard = guard

    def _new_pool(
        self, scheme: str, host: str, port: int, request_context: dict[str, Any] | None = None
    ) -> HTTPConnectionPool:
        pool = super()._new_pool(scheme, host, port, request_context)
        pool.ConnectionCls = GuardedHTTPSConnection if scheme == "https" else GuardedHTTPConnection
        pool.conn_kw["guard"] = self._guard
        return pool


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose every connection goes through a `ConnectionGuard`."""

    def __init__(self, guard: ConnectionGuard, **kwargs: Any) -> None:
        self.guard = guard
        super().__init__(**kwargs)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        self._pool_connections, self._pool_maxsize, self._pool_block = connections, maxsize, block
        self.poolmanager = _GuardedPoolManager(
            num_pools=connections, maxsize=maxsize, block=block, guard=self.guard, **pool_kwargs
        )

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        # Through a proxy the guard would check the proxy's address, not the page's.
        raise requests.exceptions.InvalidURL(
            "the crawler does not use proxies (the SSRF guard needs the real host)"
        )


def guarded_session(guard: ConnectionGuard) -> requests.Session:
    """A session whose connections are all guarded; environment proxies are ignored."""
    session = requests.Session()
    session.trust_env = False
    adapter = GuardedAdapter(guard)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
