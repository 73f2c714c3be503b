"""A lease on the store that works across hosts: create-if-absent generations with an owner and expiry.

`locks/<name>/<generation>` objects hold `{owner, expires_at}`. The holder is the highest
generation; it is free when that one has expired or was released. Taking it means creating the
next generation with create-if-absent (`O_EXCL` on local disk, `If-None-Match: *` on S3/MinIO),
so of two hosts racing for an expired lease exactly one wins, and nothing is ever deleted under
a live holder. Releasing rewrites one's own generation as expired; older generations are
removed by the next holder.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from datetime import UTC, datetime, timedelta
from types import TracebackType

from ingest.storage import Store

log = logging.getLogger(__name__)


class LeaseBusy(RuntimeError):
    """Someone else holds the lease."""

    def __init__(self, name: str, owner: str, expires_at: datetime) -> None:
        super().__init__(f"lease {name!r} is held by {owner} until {expires_at:%Y-%m-%d %H:%M:%S} UTC")
        self.owner, self.expires_at = owner, expires_at


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Lease:
    """`with Lease(store, name):` holds `name` for at most `ttl_s` (renew() to extend) or raises
    LeaseBusy (after waiting up to `wait_s` for the holder to finish)."""

    def __init__(
        self,
        store: Store,
        name: str,
        *,
        owner: str | None = None,
        ttl_s: float = 3600.0,
        wait_s: float = 0.0,
        poll_s: float = 0.5,
    ) -> None:
        self.store, self.name = store, name
        self.owner = owner or default_owner()
        self.ttl_s, self.wait_s, self.poll_s = ttl_s, wait_s, poll_s
        self.generation: int | None = None

    @property
    def _dir(self) -> str:
        return f"locks/{self.name}"

    def _key(self, generation: int) -> str:
        return f"{self._dir}/{generation:012d}"

    def _body(self, expires_at: datetime) -> bytes:
        return json.dumps({"owner": self.owner, "expires_at": expires_at.isoformat()}).encode()

    def _holder(self) -> tuple[int, str, datetime] | None:
        gens = sorted(int(n) for n in self.store.ls(self._dir) if n.isdigit())
        if not gens:
            return None
        try:
            doc = json.loads(self.store.read_bytes(self._key(gens[-1])))
            return gens[-1], str(doc["owner"]), datetime.fromisoformat(doc["expires_at"])
        except (FileNotFoundError, ValueError, KeyError):  # removed or torn: treat as expired
            return gens[-1], "?", datetime.min.replace(tzinfo=UTC)

    def try_acquire(self) -> bool:
        holder = self._holder()
        now = datetime.now(UTC)
        if holder is not None and holder[2] > now:
            if holder[1] == self.owner:  # re-entrant for the same owner
                self.generation = holder[0]
                return True
            raise LeaseBusy(self.name, holder[1], holder[2])
        generation = 0 if holder is None else holder[0] + 1
        if not self.store.create(self._key(generation), self._body(now + timedelta(seconds=self.ttl_s))):
            return False  # another host took this generation first
        self.generation = generation
        for old in range(max(0, generation - 8), generation):  # tidy a few older generations
            self.store.delete(self._key(old))
        return True

    def acquire(self) -> Lease:
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                if self.try_acquire():
                    return self
            except LeaseBusy:
                if time.monotonic() >= deadline:
                    raise
            time.sleep(self.poll_s)

    def renew(self) -> None:
        if self.generation is None:
            raise RuntimeError(f"lease {self.name!r} is not held")
        self.store.write_bytes(
            self._key(self.generation), self._body(datetime.now(UTC) + timedelta(seconds=self.ttl_s))
        )

    def release(self) -> None:
        if self.generation is not None:
            holder = self._holder()
            if holder is not None and holder[0] == self.generation:
                self.store.write_bytes(
                    self._key(self.generation), self._body(datetime.now(UTC) - timedelta(seconds=1))
                )
            self.generation = None

    def __enter__(self) -> Lease:
        return self.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
