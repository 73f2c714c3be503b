"""Clean newly fetched page versions and land their text, blocks and near-duplicate group as Parquet.

A page that could not be cleaned (its `CleanOutcome` carries a failure class) lands no document
row: the caller's `on_failure(page, outcome)` records it (the crawler writes it to
`landing/fetch_errors` with kind `clean`), and the next crawl re-cleans that version from its raw
HTML, because the crawl state sees a landed version without a document.

`reclean` never replaces a good text with an empty one: a content whose earlier clean version
has text and that the current cleaner finds empty (a cleaner regression, a damaged raw file)
lands no new document; it is reported like a failed page (`KEPT_TEXT`), and the warehouse keeps
reading the earlier version.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

from ingest.clean import CLEANER_VERSION
from ingest.clean.minhash import Sketch
from ingest.clean.neardup import index_for
from ingest.clean.outcome import RAW_UNREADABLE, CleanOutcome, clean_body
from ingest.land import BLOCKS_SCHEMA, DOCUMENTS_SCHEMA, PAGES_SCHEMA, read_parts, read_raw, write_part
from ingest.paths import DataPaths
from ingest.records import CleanDocument
from ingest.sites import Site
from ingest.sites.families import Family, get_family

log = logging.getLogger(__name__)

CLEANED_CHANGES = ("new", "changed")
RECLEAN_BATCH = 200  # pages cleaned and landed per part by `reclean` (bounds its memory)

# A page's outcome cleaned elsewhere (the crawler's worker processes); None: clean it here.
Prepared = Callable[[dict[str, Any]], "CleanOutcome | None"]
# Told about each page that could not be cleaned (no document row is landed for it).
OnFailure = Callable[[dict[str, Any], CleanOutcome], None]
# The class of a re-cleaned page whose new text came out empty where an earlier one was not.
KEPT_TEXT = "kept_earlier_text"
EMPTY_TEXT_SHA256 = hashlib.sha256(b"").hexdigest()


def _crawl_date(value: Any) -> str:
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and len(value) >= 10:
        return value[:10]
    return datetime.now(UTC).date().isoformat()


def _clean_one(paths: DataPaths, family: Family, page: dict[str, Any]) -> CleanOutcome:
    """Never raises for bad content: a missing raw file or a cleaner failure is a failed outcome."""
    sha = page["content_sha256"]
    try:
        raw = read_raw(paths, sha)
    except (OSError, EOFError, ValueError) as exc:
        log.warning("raw HTML of %s (%s) unreadable: %s", page.get("url"), sha, exc)
        return CleanOutcome.failed(RAW_UNREADABLE, f"raw HTML unreadable: {exc}")
    return clean_body(raw, family, page.get("url"), page.get("encoding"))


def _land(
    paths: DataPaths,
    pages: Iterable[dict[str, Any]],
    family_of: dict[str, Family],
    *,
    run_id: str,
    name: str,
    prepared: Prepared | None = None,
    on_failure: OnFailure | None = None,
    has_text: set[str] | None = None,
) -> int:
    """Clean `pages` (no lock held), then assign near-duplicate groups and write the parts of
    those that were cleaned; those that could not be go to `on_failure` (else a warning).
    `has_text`: contents with a non-empty text already landed, which an empty text must not
    replace."""
    version = CLEANER_VERSION
    index = index_for(paths.documents, version)
    with index.lock:
        index.refresh()
        fresh = {(p["content_sha256"], p["url"]): p for p in pages if p["content_sha256"]}
        todo = [p for key, p in fresh.items() if key not in index.pairs]
    if not todo:
        return 0  # everything already landed in this clean version: a replay writes nothing
    generic = get_family(None)
    cleaned: list[tuple[dict[str, Any], CleanDocument, Sketch]] = []
    for page in todo:
        outcome = prepared(page) if prepared is not None else None
        if outcome is None:
            outcome = _clean_one(paths, family_of.get(page.get("site_id") or "", generic), page)
        doc = outcome.doc
        if has_text and doc is not None and not doc.text.strip() and page["content_sha256"] in has_text:
            outcome = CleanOutcome.failed(KEPT_TEXT, f"cleaner {version} found no text; earlier text kept")
        if outcome.doc is None or outcome.sketch is None:
            if on_failure is not None:
                on_failure(page, outcome)
            else:
                log.warning("%s not cleaned (%s): %s", page["url"], outcome.failure, outcome.message)
            continue
        cleaned.append((page, outcome.doc, outcome.sketch))
    if not cleaned:
        return 0

    now = datetime.now(UTC)
    docs: dict[str, list[dict]] = defaultdict(list)
    blocks: dict[str, list[dict]] = defaultdict(list)
    with index.committing():
        with index.lock:
            index.refresh()  # what other processes landed while this batch was being cleaned
            for page, doc, sk in cleaned:
                sha, url = page["content_sha256"], page["url"]
                if (sha, url) in index.pairs:
                    continue  # landed meanwhile by another thread or process
                new_content = sha not in index.hashes
                group = index.assign(sha, url, sk)
                crawl_date = _crawl_date(page.get("fetched_at"))
                docs[crawl_date].append(_document_row(page, doc, sk, group, version, run_id, now))
                if new_content:
                    blocks[crawl_date].extend(_block_rows(sha, doc, version))
        written = 0
        try:
            for crawl_date, rows in sorted(docs.items()):
                partition = {"clean_version": version, "crawl_date": crawl_date}
                # blocks first: a document row is the commit mark of its blocks
                write_part(
                    paths.blocks, BLOCKS_SCHEMA, blocks.get(crawl_date, []), partition=partition, name=name
                )
                part = write_part(paths.documents, DOCUMENTS_SCHEMA, rows, partition=partition, name=name)
                with index.lock:
                    index.mark_read(part)
                written += len(rows)
        except BaseException:
            with index.lock:
                index.reset()  # groups assigned above may name documents that never landed
            raise
    return written


def _document_row(
    page: dict[str, Any], doc: CleanDocument, sk: Sketch, group: str, version: str, run_id: str, now: datetime
) -> dict[str, Any]:
    return {
        "content_sha256": page["content_sha256"],
        "clean_version": version,
        "run_id": run_id,
        "site_id": page.get("site_id"),
        "url": page["url"],
        "final_url": page.get("final_url") or page["url"],
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


def _block_rows(sha: str, doc: CleanDocument, version: str) -> list[dict[str, Any]]:
    return [
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
    ]


def _part_name(run_id: str, site_id: str, pages: list[dict[str, Any]]) -> str:
    digest = hashlib.sha256("\n".join(sorted(f"{p['content_sha256']} {p['url']}" for p in pages)).encode())
    return f"{run_id}-{site_id}-{digest.hexdigest()[:12]}"


def clean_pages(
    paths: DataPaths,
    site: Site,
    pages: list[dict[str, Any]],
    *,
    run_id: str,
    prepared: Prepared | None = None,
    on_failure: OnFailure | None = None,
    changed_only: bool = True,
) -> int:
    """Clean the raw HTML of `pages` (PAGES_SCHEMA rows) and land documents + blocks; returns the count.

    Only rows whose `change` is new/changed are cleaned, unless `changed_only=False` (the
    crawler re-cleaning landed versions that have no document yet). Pages already landed in the
    current clean version are skipped, so a replay writes nothing twice. A page the cleaner
    found empty lands a document with empty text (the checks bound their share); a page that
    could not be cleaned lands nothing and goes to `on_failure(page, outcome)`.
    `prepared(page)`, when given, returns the page's outcome already cleaned elsewhere (the
    crawler's worker processes), or None to clean it here from its raw file; it is called
    outside every lock.
    """
    todo = [
        p
        for p in pages
        if p.get("content_sha256") and (not changed_only or p.get("change", "new") in CLEANED_CHANGES)
    ]
    if not todo:
        return 0
    for p in todo:
        p.setdefault("site_id", site.id)
    return _land(
        paths,
        todo,
        {site.id: site.adapter},
        run_id=run_id,
        name=_part_name(run_id, site.id, todo),
        prepared=prepared,
        on_failure=on_failure,
    )


def reclean(
    paths: DataPaths, *, sites: dict[str, Site] | None = None, on_failure: OnFailure | None = None
) -> int:
    """Re-clean every landed page version with the current CLEANER_VERSION into its own
    clean_version partition (older versions stay). Sites missing from `sites` are cleaned with
    the generic family. Returns the number of documents written; a second call writes none.
    Pages that could not be cleaned, or whose new text is empty where an earlier one was not
    (`KEPT_TEXT`), land nothing and go to `on_failure` (else a warning each)."""
    table = read_parts(paths.pages, PAGES_SCHEMA)
    rows = [r for r in table.to_pylist() if r.get("change") in CLEANED_CHANGES and r.get("content_sha256")]
    rows.sort(key=lambda r: (r.get("fetched_at") or datetime.min.replace(tzinfo=UTC), r["url"]))
    first: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        first.setdefault((r["content_sha256"], r["url"]), r)
    families = {sid: s.adapter for sid, s in (sites or {}).items()}
    run_id = f"reclean-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    todo = list(first.values())
    has_text = _contents_with_text(paths)
    written = 0
    for start in range(0, len(todo), RECLEAN_BATCH):
        batch = todo[start : start + RECLEAN_BATCH]
        name = _part_name(run_id, "all", batch)
        written += _land(
            paths, batch, families, run_id=run_id, name=name, on_failure=on_failure, has_text=has_text
        )
    return written


def _contents_with_text(paths: DataPaths) -> set[str]:
    """Content hashes that some landed clean version gave a non-empty text."""
    table = read_parts(paths.documents, DOCUMENTS_SCHEMA, ["content_sha256", "text_sha256"])
    pairs = zip(table["content_sha256"].to_pylist(), table["text_sha256"].to_pylist(), strict=True)
    return {sha for sha, text_sha in pairs if sha and text_sha and text_sha != EMPTY_TEXT_SHA256}
