"""Where raw HTML, landing and crawl state live: a local directory or `s3://bucket/prefix`, via fsspec.

A `Store` is a root URL plus the fsspec filesystem behind it. Local disk is the embedded default
(`/abs/dir` or `file:///abs/dir`); `s3://bucket/prefix` is any S3-compatible object store (AWS,
MinIO, a test server), with credentials and endpoint from the usual AWS variables
(`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_ENDPOINT_URL`) so Airflow workers on several
hosts share raw HTML, landing and state.

Every write is whole-or-nothing: on local disk a temp file in the same directory, fsync, rename;
on S3 a single PUT (an object appears complete or not at all). `create` writes only when the key
is absent (`O_EXCL` link locally, `If-None-Match: *` on S3): the primitive behind leases.
DuckDB reads the same URLs: local paths directly, `s3://` through `register(con)` (fsspec),
because DuckDB's httpfs extension cannot be installed offline here.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

ENDPOINT_ENV = ("XAETL_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")
_S3_CACHE: dict[tuple[str, str | None, str | None], Any] = {}
_S3_LOCK = threading.Lock()


def s3_endpoint() -> str | None:
    """The S3 endpoint from the environment (None: AWS itself)."""
    return next((os.environ[k] for k in ENDPOINT_ENV if os.environ.get(k)), None)


def _s3_cached(kind: str, make: Any) -> Any:
    """One client of `kind` per endpoint and key, so tests that start a new server, or a process
    that changes its environment, never reuse a stale client."""
    endpoint = s3_endpoint()
    key = (kind, endpoint, os.environ.get("AWS_ACCESS_KEY_ID"))
    with _S3_LOCK:
        client = _S3_CACHE.get(key)
        if client is None:
            client = _S3_CACHE[key] = make(endpoint)
        return client


def s3_filesystem() -> Any:
    """An s3fs filesystem for the current endpoint and key."""
    import s3fs

    def make(endpoint: str | None) -> Any:
        kwargs: dict[str, Any] = {"skip_instance_cache": True}
        if endpoint:
            kwargs["endpoint_url"] = endpoint
        return s3fs.S3FileSystem(**kwargs)

    return _s3_cached("s3fs", make)


def s3_client() -> Any:
    """A synchronous botocore S3 client for the current endpoint and key (s3fs's own client is
    asynchronous): for the conditional requests of the lock store."""
    import botocore.session

    return _s3_cached(
        "botocore", lambda endpoint: botocore.session.get_session().create_client("s3", endpoint_url=endpoint)
    )


@dataclass(frozen=True)
class Store:
    """A root on a filesystem; paths given to its methods are relative to the root, `/`-separated."""

    url: str  # as given, normalised: `/abs/dir` or `s3://bucket/prefix`

    @classmethod
    def at(cls, url: str | Path) -> Store:
        text = str(url)
        if text.startswith("file://"):
            text = text[len("file://") :]
        if "://" in text:
            protocol = text.split("://", 1)[0]
            if protocol != "s3":
                raise ValueError(f"unsupported storage URL {text!r}: use a local directory or s3://bucket/…")
            bucket = text[len("s3://") :].strip("/").split("/", 1)[0]
            if len(bucket) < 3:
                raise ValueError(f"storage URL {text!r} has no bucket (s3://bucket/prefix)")
            return cls("s3://" + text[len("s3://") :].strip("/"))
        return cls(str(Path(text).expanduser().resolve()))

    # -- names ------------------------------------------------------------------------------
    @property
    def is_local(self) -> bool:
        return not self.url.startswith("s3://")

    @property
    def fs(self) -> Any:
        return fsspec.filesystem("file") if self.is_local else s3_filesystem()

    def _root(self) -> str:
        return self.url if self.is_local else self.url[len("s3://") :]

    def path(self, rel: str = "") -> str:
        """The filesystem path of `rel` (no protocol), for fsspec calls."""
        rel = rel.strip("/")
        return f"{self._root()}/{rel}" if rel else self._root()

    def uri(self, rel: str = "") -> str:
        """The URL of `rel` as DuckDB and humans see it (`/abs/…` or `s3://bucket/…`)."""
        p = self.path(rel)
        return p if self.is_local else f"s3://{p}"

    def child(self, rel: str) -> Store:
        return Store(self.uri(rel))

    # -- reads ------------------------------------------------------------------------------
    def exists(self, rel: str) -> bool:
        if self.is_local:
            return os.path.exists(self.path(rel))
        return bool(self.fs.exists(self.path(rel)))

    def read_bytes(self, rel: str) -> bytes:
        """The object's bytes; FileNotFoundError when absent."""
        if self.is_local:
            return Path(self.path(rel)).read_bytes()
        return bytes(self.fs.cat_file(self.path(rel)))

    def ls(self, rel: str = "") -> list[str]:
        """Names (not paths) directly under `rel`, sorted; [] when it does not exist."""
        if self.is_local:
            try:
                return sorted(os.listdir(self.path(rel)))
            except (FileNotFoundError, NotADirectoryError):
                return []
        try:
            entries = self.fs.ls(self.path(rel), detail=False, refresh=True)
        except FileNotFoundError:
            return []
        base = self.path(rel).rstrip("/") + "/"
        return sorted(e[len(base) :] for e in entries if e.startswith(base) and e != base)

    def files(self, rel: str = "", suffix: str = "") -> list[str]:
        """Every file under `rel` (recursive) as paths relative to the root, sorted; temp and
        hidden files (a name starting with `.`) are not listed."""
        root = self.path()
        out = []
        if self.is_local:
            base = Path(self.path(rel))
            if not base.exists():
                return []
            for dirpath, _dirs, names in os.walk(base):
                for name in names:
                    if not name.startswith(".") and name.endswith(suffix):
                        out.append(os.path.relpath(os.path.join(dirpath, name), root))
            return sorted(out)
        try:
            found = self.fs.find(self.path(rel), withdirs=False)
        except FileNotFoundError:
            return []
        for p in found:
            name = p.rsplit("/", 1)[-1]
            if not name.startswith(".") and name.endswith(suffix):
                out.append(p[len(root) + 1 :])
        return sorted(out)

    def read_parquet(self, rel: str, columns: list[str] | None = None) -> pa.Table:
        if self.is_local:
            return pq.read_table(self.path(rel), columns=columns)
        with self.fs.open(self.path(rel), "rb") as fh:
            return pq.read_table(fh, columns=columns)

    # -- writes -----------------------------------------------------------------------------
    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write (or replace) `rel` whole-or-nothing."""
        if self.is_local:
            _local_atomic(Path(self.path(rel)), data, exclusive=False)
        else:
            self.fs.pipe_file(self.path(rel), data)

    def create(self, rel: str, data: bytes) -> bool:
        """Write `rel` only if it does not exist yet; False (nothing written) when it does."""
        if self.is_local:
            return _local_atomic(Path(self.path(rel)), data, exclusive=True)
        try:
            self.fs.pipe_file(self.path(rel), data, IfNoneMatch="*")
        except FileExistsError:
            return False
        return True

    def write_parquet(self, rel: str, table: pa.Table) -> None:
        """One Parquet file, whole-or-nothing (zstd)."""
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, compression="zstd")
        self.write_bytes(rel, sink.getvalue().to_pybytes())

    def delete(self, rel: str) -> None:
        """Remove a file if present."""
        if self.is_local:
            Path(self.path(rel)).unlink(missing_ok=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                self.fs.rm_file(self.path(rel))

    def ensure(self, *dirs: str) -> None:
        """Create directories (local disk only: object stores have no directories)."""
        if self.is_local:
            for d in dirs or ("",):
                Path(self.path(d)).mkdir(parents=True, exist_ok=True)

    # -- DuckDB -----------------------------------------------------------------------------
    def register(self, con: Any) -> None:
        """Let a DuckDB connection read this store's URLs (fsspec for s3://; nothing for local).
        Registering twice on one connection is a no-op."""
        if not self.is_local and "s3" not in con.list_filesystems():
            con.register_filesystem(s3_filesystem())


def _local_atomic(path: Path, data: bytes, *, exclusive: bool) -> bool:
    path.parent.mkdir(parents=True, exist_ok=True)
    if exclusive and path.exists():
        return False
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if exclusive:
            try:
                os.link(tmp, path)  # fails if the name exists: first writer wins, atomically
            except FileExistsError:
                return False
        else:
            os.replace(tmp, path)
        return True
    finally:
        Path(tmp).unlink(missing_ok=True)
