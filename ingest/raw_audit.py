"""The nightly raw-integrity audit: which known URLs' raw files are checked tonight, and which are lost.

On a local store every known URL is checked every night (a stat is cheap). On an object store a
check is a HEAD request, so each night checks one slice of the known URLs: a URL belongs to slice
`hash(url) % nights`, and a night checks the slice equal to its date's ordinal `% nights`, so
`nights` consecutive nightly runs check every URL exactly once (`nights` = 1: all, every night).
Versions that still need cleaning are checked every night whatever their slice: their raw file is
read tonight. A raw file lost on an object store is therefore found at most `nights` nights
after it went.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

from ingest.paths import raw_key
from ingest.storage import Store

RAW_CHECKS = 16  # raw-file existence checks at a time on an object store (HEAD requests)


@dataclass(frozen=True)
class RawAudit:
    """One night's audit of one site: how many known URLs it checked, which had lost their raw file."""

    known: int  # known URLs with a landed version
    checked: frozenset[str]  # of them, those whose raw file was checked tonight
    lost: frozenset[str]  # of those, the ones whose raw file is gone


def audit_slice(url: str, nights: int) -> int:
    """The slice of `url` among `nights` (stable across processes and runs)."""
    return int.from_bytes(hashlib.sha256(url.encode()).digest()[:8], "big") % nights


def night_slice(night: str, nights: int) -> int:
    """The slice a night (`YYYY-MM-DD`, a run's crawl date) audits: consecutive nights, consecutive slices."""
    return date.fromisoformat(night).toordinal() % nights


def audit_raw(
    store: Store,
    known: Iterable[tuple[str, str]],
    *,
    night: str,
    nights: int,
    always: Iterable[str] = (),
) -> RawAudit:
    """Check which of the known `(url, latest_sha)` have no raw file any more: all of them on a
    local store, tonight's slice (plus the URLs in `always`) on an object store."""
    if nights < 1:
        raise ValueError(f"raw_audit_nights must be at least 1, got {nights}")
    known = list(known)
    if store.is_local or nights == 1:
        tonight = known
    else:
        slice_, must = night_slice(night, nights), set(always)
        tonight = [(url, sha) for url, sha in known if url in must or audit_slice(url, nights) == slice_]
    if store.is_local or not tonight:
        there = [store.exists(raw_key(sha)) for _, sha in tonight]
    else:
        with ThreadPoolExecutor(max_workers=RAW_CHECKS, thread_name_prefix="raw-check") as pool:
            there = list(pool.map(lambda k: store.exists(raw_key(k[1])), tonight))
    lost = frozenset(url for (url, _), found in zip(tonight, there, strict=True) if not found)
    return RawAudit(known=len(known), checked=frozenset(url for url, _ in tonight), lost=lost)
