"""A local S3-compatible server (moto) for tests: real HTTP on 127.0.0.1, an ephemeral port."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

ENV_KEYS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION")


@dataclass(frozen=True)
class S3Server:
    endpoint: str

    def new_bucket(self, prefix: str = "xaetl") -> str:
        """A fresh bucket (so tests sharing the server never see each other's objects)."""
        from ingest.storage import s3_filesystem

        name = f"{prefix}-{uuid.uuid4().hex[:12]}"
        s3_filesystem().mkdir(name)
        return name


@contextmanager
def s3_server() -> Iterator[S3Server]:
    """Start moto's server, point the AWS variables at it, restore them afterwards."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = {k: os.environ.get(k) for k in ENV_KEYS}
    os.environ.update(
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_ENDPOINT_URL=f"http://{host}:{port}",
        AWS_DEFAULT_REGION="us-east-1",
    )
    try:
        yield S3Server(f"http://{host}:{port}")
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        server.stop()
