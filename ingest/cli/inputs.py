"""Reading one document for `xaetl clean` and `xaetl extract`: a size limit, binary data refused."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

# The crawler's limit for a page body (FetchConfig.max_body_bytes) is the default here too:
# a 50 MB page takes ~700 MB to clean.
DEFAULT_MAX_MB = 10
MaxMbOption = Annotated[
    float,
    typer.Option("--max-mb", min=0.001, help="Refuse inputs larger than this many megabytes."),
]

# Leading bytes of formats that are not documents (checked before anything is parsed).
BINARY_MAGIC = {
    b"\x7fELF": "an ELF executable",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive or Office document",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
SNIFF_BYTES = 65536
# Text has none of these control bytes (tab, newlines and form feed excepted); binary data has many.
CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
MAX_CONTROL_SHARE = 0.01


class InputRefused(Exception):
    """The input is too large or not a text/HTML document; the message says which."""


def read_document(path: str, max_bytes: int) -> bytes:
    """The bytes of `path` (`-` for stdin), refused when larger than `max_bytes` or binary."""
    if path == "-":
        data = _read_limited(sys.stdin.buffer, max_bytes, "stdin")
    else:
        with Path(path).open("rb") as f:
            data = _read_limited(f, max_bytes, path)
    why = binary_reason(data)
    if why:
        raise InputRefused(f"{path} is {why}, not an HTML page or a text document")
    return data


def _read_limited(stream: BinaryIO, max_bytes: int, name: str) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputRefused(f"{name} is larger than {max_bytes / 1e6:g} MB; raise --max-mb to clean it anyway")
    return data


def binary_reason(data: bytes) -> str | None:
    """What kind of binary data `data` is, or None when it can be text."""
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 text is full of NUL bytes
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = len(head) - len(head.translate(None, CONTROL))
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        return "binary data (control bytes)"
    return None
