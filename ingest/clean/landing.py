"""Clean newly fetched page versions and land their text and blocks as Parquet, one part per site run.

A page that could not be cleaned (its `CleanOutcome` carries a failure class) lands no document
row: the caller's `on_failure(page, outcome)` records it (the crawler writes it to
`landing/fetch_errors` with kind `clean`), and the next crawl re-cleans that version from its raw
HTML, because the site's state sees a landed version without a document.

Documents land with their MinHash signature and no near-duplicate group: the nightly grouping
step (`ingest.clean.neardup`) assigns groups against the persistent index, so crawl workers on
many hosts never coordinate. Which versions already have a document is the crawler's state's
business (`SiteState`); a replay of the same run finds its part names taken and writes nothing.

`reclean` never replaces a good text with an empty one: a content whose earlier clean version
has text and that the current cleaner finds empty (a cleaner regression, a damaged raw file)
lands no new document; it is reported like a failed page (`KEPT_TEXT`), and the warehouse keeps
reading the earlier version.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ingest.clean import CLEANER_VERSION
from ingest.clean.minhash import Sketch
from ingest.clean.outcome import RAW_UNREADABLE, CleanOutcome, clean_body
from ingest.land import BLOCKS_SCHEMA, DOCUMENTS_SCHEMA, crawl_date_of, land_part, read_raw
from ingest.paths import DataPaths, landing_glob
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


@dataclass(frozen=True)
class LandedDocument:
    """What the crawler's state keeps of a landed document."""

    url: str
    content_sha256: str
    text_sha256: str
    published_at: str | None


@dataclass
class Landed:
    """The documents one call landed."""

    documents: list[LandedDocument] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.documents)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_stored(paths: DataPaths, family: Family, page: dict[str, Any]) -> CleanOutcome:
    """Clean a page from its stored raw HTML; never raises for bad content (a failed outcome)."""
    sha = page["content_sha256"]
    try:
        raw = read_raw(paths.store, sha)
    except (OSError, EOFError, ValueError) as exc:
        log.warning("raw HTML of %s (%s) unreadable: %s", page.get("url"), sha, exc)
        return CleanOutcome.failed(RAW_UNREADABLE, f"raw HTML unreadable: {exc}")
    return clean_body(raw, family, page.get("url"), page.get("encoding"))


def _document_row(
    page: dict[str, Any], doc: CleanDocument, sk: Sketch, version: str, run_id: str, now: datetime
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
        "text_sha256": text_sha256(doc.text),
        "footnotes_json": json.dumps(doc.footnotes, ensure_ascii=False),
        "warnings_json": json.dumps(doc.warnings, ensure_ascii=False),
        "neardup_group": None,  # assigned by the nightly grouping step
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


def clean_pages(
    paths: DataPaths,
    site: Site,
    pages: list[dict[str, Any]],
    *,
    run_id: str,
    name: str | None = None,
    prepared: Prepared | None = None,
    on_failure: OnFailure | None = None,
    changed_only: bool = True,
) -> Landed:
    """Clean the raw HTML of `pages` (PAGES_SCHEMA rows) and land their documents and blocks as one
    part each (`name`, default the run id) under the run's night and the site; returns them.

    Only rows whose `change` is new/changed are cleaned, unless `changed_only=False` (the
    crawler re-cleaning landed versions that have no document yet). A page the cleaner found
    empty lands a document with empty text (the checks bound their share); a page that could not
    be cleaned lands nothing and goes to `on_failure(page, outcome)`. `prepared(page)`, when
    given, returns the page's outcome already cleaned elsewhere, or None to clean it here.
    """
    todo = [
        p
        for p in pages
        if p.get("content_sha256") and (not changed_only or p.get("change", "new") in CLEANED_CHANGES)
    ]
    seen: set[tuple[str, str]] = set()
    unique = []
    for p in todo:
        key = (p["content_sha256"], p["url"])
        if key not in seen:
            seen.add(key)
            unique.append({**p, "site_id": p.get("site_id") or site.id})
    if not unique:
        return Landed()
    return _land(
        paths,
        unique,
        site.adapter,
        run_id=run_id,
        site_id=site.id,
        name=name or run_id,
        prepared=prepared,
        on_failure=on_failure,
    )


def _land(
    paths: DataPaths,
    pages: list[dict[str, Any]],
    family: Family,
    *,
    run_id: str,
    site_id: str,
    name: str,
    prepared: Prepared | None,
    on_failure: OnFailure | None,
    has_text: set[str] | None = None,
) -> Landed:
    """Clean `pages` and land their documents and blocks. `has_text`: contents with a non-empty
    text already landed, which an empty text must not replace."""
    version = CLEANER_VERSION
    now = datetime.now(UTC)
    docs, blocks, landed = [], [], Landed()
    blocks_of: set[str] = set()
    for page in pages:
        outcome = prepared(page) if prepared is not None else None
        if outcome is None:
            outcome = clean_stored(paths, family, page)
        doc = outcome.doc
        if has_text and doc is not None and not doc.text.strip() and page["content_sha256"] in has_text:
            outcome = CleanOutcome.failed(KEPT_TEXT, f"cleaner {version} found no text; earlier text kept")
        if outcome.doc is None or outcome.sketch is None:
            if on_failure is not None:
                on_failure(page, outcome)
            else:
                log.warning("%s not cleaned (%s): %s", page["url"], outcome.failure, outcome.message)
            continue
        row = _document_row(page, outcome.doc, outcome.sketch, version, run_id, now)
        docs.append(row)
        if page["content_sha256"] not in blocks_of:  # the same content at two URLs: blocks once
            blocks_of.add(page["content_sha256"])
            blocks.extend(_block_rows(page["content_sha256"], outcome.doc, version))
        landed.documents.append(
            LandedDocument(page["url"], page["content_sha256"], row["text_sha256"], outcome.doc.published_at)
        )
    if not docs:
        return landed
    night = crawl_date_of(run_id, now)
    store = paths.store
    # blocks first: a document row is the commit mark of its blocks
    land_part(
        store,
        "blocks",
        BLOCKS_SCHEMA,
        blocks,
        crawl_date=night,
        site_id=site_id,
        name=name,
        clean_version=version,
    )
    land_part(
        store,
        "documents",
        DOCUMENTS_SCHEMA,
        docs,
        crawl_date=night,
        site_id=site_id,
        name=name,
        clean_version=version,
    )
    return landed


def reclean(
    paths: DataPaths, *, sites: dict[str, Site] | None = None, on_failure: OnFailure | None = None
) -> int:
    """Re-clean every landed page version with the current CLEANER_VERSION into its own
    clean_version partition (older versions stay). Sites missing from `sites` are cleaned with
    the generic family. Returns the number of documents written; a second call writes none.
    Pages that could not be cleaned (a lost raw file: `raw_unreadable`), or whose new text is
    empty where an earlier one was not (`KEPT_TEXT`), land nothing and go to `on_failure` (else
    a warning each)."""
    import duckdb

    store = paths.store
    con = duckdb.connect()
    store.register(con)
    if not store.files("landing/pages", suffix=".parquet"):
        return 0
    pages_glob = store.uri(landing_glob("pages"))
    done = "select null as content_sha256, null as url where false"
    if store.files(f"landing/documents/clean_version={CLEANER_VERSION}", suffix=".parquet"):
        docs_glob = store.uri(f"landing/documents/clean_version={CLEANER_VERSION}/*/*/part-*.parquet")
        done = f"select content_sha256, url from read_parquet('{docs_glob}', hive_partitioning = false)"
    rows = (
        con.sql(
            f"""
            with done as ({done})
            select p.site_id, p.url, p.final_url, p.fetched_at, p.content_sha256, p.version, p.encoding
            from read_parquet('{pages_glob}', union_by_name = true, hive_partitioning = false) as p
            anti join done on p.content_sha256 = done.content_sha256 and p.url = done.url
            where p.change in ('new', 'changed') and p.content_sha256 is not null
            qualify row_number() over (partition by p.content_sha256, p.url order by p.fetched_at) = 1
            order by p.site_id, p.fetched_at, p.url
            """
        )
        .to_arrow_table()
        .to_pylist()
    )
    has_text = _contents_with_text(con, store)
    con.close()
    run_id = f"reclean-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    generic = get_family(None)
    written = 0
    by_site: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_site.setdefault(r["site_id"] or "unknown", []).append(r)
    for site_id, todo in by_site.items():
        family = sites[site_id].adapter if sites and site_id in sites else generic
        for n, start in enumerate(range(0, len(todo), RECLEAN_BATCH)):
            batch = todo[start : start + RECLEAN_BATCH]
            written += len(
                _land(
                    paths,
                    batch,
                    family,
                    run_id=run_id,
                    site_id=site_id,
                    name=f"{run_id}~{n}",
                    prepared=None,
                    on_failure=on_failure,
                    has_text=has_text,
                )
            )
    return written


def _contents_with_text(con: Any, store: Any) -> set[str]:
    """Content hashes that some landed clean version gave a non-empty text."""
    if not store.files("landing/documents", suffix=".parquet"):
        return set()
    docs = store.uri(landing_glob("documents"))
    found = con.sql(
        f"""
        select distinct content_sha256
        from read_parquet('{docs}', union_by_name = true, hive_partitioning = false)
        where content_sha256 is not null and text_sha256 is not null and text_sha256 <> '{EMPTY_TEXT_SHA256}'
        """
    ).fetchall()
    return {sha for (sha,) in found}
