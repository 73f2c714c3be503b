"""Clean newly fetched page versions and land their text, blocks and near-duplicate group as Parquet."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

import numpy as np

from ingest.clean import CLEANER_VERSION, clean_html
from ingest.clean.minhash import NUM_PERM, Sketch, best_match, sketch
from ingest.land import BLOCKS_SCHEMA, DOCUMENTS_SCHEMA, PAGES_SCHEMA, read_parts, read_raw, write_part
from ingest.paths import DataPaths
from ingest.records import CleanDocument
from ingest.sites import Site
from ingest.sites.families import Family, get_family

log = logging.getLogger(__name__)

CLEANED_CHANGES = ("new", "changed")
# Crawl threads of several sites land concurrently; near-duplicate grouping must see what the
# others just wrote, so "read known documents, decide groups, write" is one critical section.
_LOCK = threading.Lock()


def _crawl_date(value: Any) -> str:
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and len(value) >= 10:
        return value[:10]
    return datetime.now(UTC).date().isoformat()


class _Known:
    """Documents already landed in one clean version: identities and sketches for grouping."""

    def __init__(self, paths: DataPaths, version: str) -> None:
        table = read_parts(
            paths.documents / f"clean_version={version}",
            DOCUMENTS_SCHEMA,
            columns=["content_sha256", "url", "neardup_group", "minhash", "shingle_count"],
        )
        cols = table.to_pydict()
        self.pairs = set(zip(cols["content_sha256"], cols["url"], strict=True))
        self.hashes = set(cols["content_sha256"])
        self.groups: list[str] = []
        sigs: list[np.ndarray] = []
        sizes: list[int] = []
        for sha, group, mh, size in zip(
            cols["content_sha256"], cols["neardup_group"], cols["minhash"], cols["shingle_count"], strict=True
        ):
            if mh is None or len(mh) != NUM_PERM:
                continue
            sigs.append(np.asarray(mh, dtype=np.uint32))
            sizes.append(int(size or 0))
            self.groups.append(group or sha)
        self.sigs = np.stack(sigs) if sigs else np.empty((0, NUM_PERM), dtype=np.uint32)
        self.sizes = np.asarray(sizes, dtype=np.int64)

    def group_for(self, sha: str, sk: Sketch) -> str:
        """The group of the most similar known document, or a new group named after `sha`."""
        idx = best_match(sk, self.sigs, self.sizes)
        group = self.groups[idx] if idx is not None else sha
        self.sigs = np.vstack([self.sigs, sk.minhash[None, :]])
        self.sizes = np.append(self.sizes, sk.size)
        self.groups.append(group)
        return group


def _clean_one(paths: DataPaths, family: Family, page: dict[str, Any]) -> CleanDocument:
    """Never raises for bad content: missing raw files and cleaner failures become warnings."""
    sha = page["content_sha256"]
    try:
        raw = read_raw(paths, sha)
    except (OSError, EOFError, ValueError) as exc:
        log.warning("raw HTML of %s (%s) unreadable: %s", page.get("url"), sha, exc)
        return CleanDocument(text="", warnings=[f"raw HTML unreadable: {exc}"])
    try:
        return clean_html(raw, family=family, url=page.get("url"), declared_encoding=page.get("encoding"))
    except Exception as exc:  # a cleaner bug on one odd page must not stop the crawl of the others
        log.exception("cleaning %s failed", page.get("url"))
        return CleanDocument(text="", warnings=[f"cleaner failed: {type(exc).__name__}: {exc}"])


def _land(
    paths: DataPaths,
    pages: Iterable[dict[str, Any]],
    family_of: dict[str, Family],
    *,
    run_id: str,
    name: str,
) -> int:
    version = CLEANER_VERSION
    now = datetime.now(UTC)
    with _LOCK:
        known = _Known(paths, version)
        docs: dict[str, list[dict]] = defaultdict(list)
        blocks: dict[str, list[dict]] = defaultdict(list)
        for page in pages:
            sha, url = page["content_sha256"], page["url"]
            if not sha or (sha, url) in known.pairs:
                continue  # already landed in this clean version: a replay, never a duplicate
            doc = _clean_one(paths, family_of.get(page.get("site_id") or "", get_family(None)), page)
            sk = sketch(doc.text)
            group = known.group_for(sha, sk)
            crawl_date = _crawl_date(page.get("fetched_at"))
            docs[crawl_date].append(
                {
                    "content_sha256": sha,
                    "clean_version": version,
                    "run_id": run_id,
                    "site_id": page.get("site_id"),
                    "url": url,
                    "final_url": page.get("final_url") or url,
                    "fetched_at": page.get("fetched_at"),
                    "version": page.get("version"),
                    "title": doc.title,
                    "published_at": doc.published_at,
                    "text": doc.text,
                    "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
                    "footnotes_json": json.dumps(doc.footnotes, ensure_ascii=False),
                    "warnings_json": json.dumps(doc.warnings, ensure_ascii=False),
                    "neardup_group": group,
                    "minhash": sk.minhash.tolist(),
                    "cleaned_at": now,
                    "shingle_count": sk.size,
                }
            )
            if sha not in known.hashes:
                blocks[crawl_date].extend(
                    {
                        "content_sha256": sha,
                        "clean_version": version,
                        "block_no": i,
                        "block_type": b.block_type,
                        "start": b.start,
                        "end": b.end,
                        "marker": b.marker,
                    }
                    for i, b in enumerate(doc.blocks)
                )
            known.pairs.add((sha, url))
            known.hashes.add(sha)
        written = 0
        for crawl_date, rows in sorted(docs.items()):
            partition = {"clean_version": version, "crawl_date": crawl_date}
            # blocks first: a document row is the commit mark of its blocks
            write_part(
                paths.blocks, BLOCKS_SCHEMA, blocks.get(crawl_date, []), partition=partition, name=name
            )
            write_part(paths.documents, DOCUMENTS_SCHEMA, rows, partition=partition, name=name)
            written += len(rows)
    return written


def _part_name(run_id: str, site_id: str, pages: list[dict[str, Any]]) -> str:
    digest = hashlib.sha256("\n".join(sorted(f"{p['content_sha256']} {p['url']}" for p in pages)).encode())
    return f"{run_id}-{site_id}-{digest.hexdigest()[:12]}"


def clean_pages(paths: DataPaths, site: Site, pages: list[dict[str, Any]], *, run_id: str) -> int:
    """Clean the raw HTML of `pages` (PAGES_SCHEMA rows) and land documents + blocks; returns the count.

    Only rows whose `change` is new/changed are cleaned. Pages already landed in the current
    clean version are skipped, so a replay writes nothing twice. Empty or malformed pages still
    land a row (empty text and a warning).
    """
    todo = [p for p in pages if p.get("change", "new") in CLEANED_CHANGES and p.get("content_sha256")]
    if not todo:
        return 0
    for p in todo:
        p.setdefault("site_id", site.id)
    return _land(paths, todo, {site.id: site.adapter}, run_id=run_id, name=_part_name(run_id, site.id, todo))


def reclean(paths: DataPaths, *, sites: dict[str, Site] | None = None) -> int:
    """Re-clean every landed page version with the current CLEANER_VERSION into its own
    clean_version partition (older versions stay). Sites missing from `sites` are cleaned with
    the generic family. Returns the number of documents written; a second call writes none."""
    table = read_parts(paths.pages, PAGES_SCHEMA)
    rows = [r for r in table.to_pylist() if r.get("change") in CLEANED_CHANGES and r.get("content_sha256")]
    rows.sort(key=lambda r: (r.get("fetched_at") or datetime.min.replace(tzinfo=UTC), r["url"]))
    first: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        first.setdefault((r["content_sha256"], r["url"]), r)
    families = {sid: s.adapter for sid, s in (sites or {}).items()}
    run_id = f"reclean-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    todo = list(first.values())
    if not todo:
        return 0
    return _land(paths, todo, families, run_id=run_id, name=_part_name(run_id, "all", todo))
