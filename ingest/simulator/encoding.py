"""Encode Vietnamese text in legacy Windows-1258, which spells most tone marks as combining characters."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _encode_char(ch: str) -> bytes:
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        pass
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    # cp1258 has precomposed â ê ô ơ ư ă (base + one mark) and the five tone marks as combining
    candidates = [
        (unicodedata.normalize("NFC", base + m), marks[:i] + marks[i + 1 :]) for i, m in enumerate(marks)
    ]
    for head, rest in [*candidates, (base, marks)]:
        try:
            return head.encode("cp1258") + rest.encode("cp1258")
        except UnicodeEncodeError:
            continue
    return ch.encode("cp1258", errors="xmlcharrefreplace")


def encode_cp1258(text: str) -> bytes:
    """`text` as Windows-1258 bytes (`ệ` → `ê` + combining dot below), unknown chars as `&#N;`."""
    try:
        return text.encode("cp1258")
    except UnicodeEncodeError:
        return b"".join(_encode_char(ch) for ch in text)


def encode_as(text: str, charset: str) -> bytes:
    """`text` in `charset`; Windows-1258 handled properly, other charsets with `&#N;` fallbacks."""
    if charset.lower().replace("_", "-") in ("windows-1258", "cp1258"):
        return encode_cp1258(text)
    return text.encode(charset, errors="xmlcharrefreplace")
