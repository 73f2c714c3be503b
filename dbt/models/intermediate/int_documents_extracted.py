"""Metadata and indicator mentions of every new document version, by the `ingest.extract` library.

Why a dbt Python model and not a DuckDB UDF from a dbt-duckdb plugin: extraction is one call per
document that needs the document's metadata first (default period, terms) and returns a list
of mentions; a Python model expresses that directly, shows up in lineage as a node between the
documents and the facts, and can be incremental (`dbt.is_incremental`) so each build only
extracts document versions (content_sha256 + clean_version) it has not extracted before. A
scalar UDF would run per row inside a SQL model, which cannot skip finished rows by itself
and would hide the Python dependency from dbt.

One row per document version; mentions are a list column unnested by int_mentions_unnested,
so a document with no mention is still recorded as done. A document whose extraction raises
is recorded with `extraction_error` and retried by the next build.
"""

import datetime as dt
import logging

import pyarrow as pa

log = logging.getLogger("xaetl.dbt.extract")

MENTION_TYPE = pa.struct(
    [
        ("indicator", pa.string()),
        ("indicator_id", pa.string()),
        ("value", pa.float64()),
        ("value_high", pa.float64()),
        ("of_total", pa.float64()),
        ("unit", pa.string()),
        ("base_value", pa.float64()),
        ("base_unit", pa.string()),
        ("plan_pct", pa.float64()),
        ("yoy_pct", pa.float64()),
        ("approx", pa.bool_()),
        ("kind", pa.string()),
        ("period", pa.string()),
        ("quote", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)

SCHEMA = pa.schema(
    [
        ("document_version_id", pa.string()),
        ("content_sha256", pa.string()),
        ("clean_version", pa.string()),
        ("issuer", pa.string()),
        ("metadata_commune", pa.string()),
        ("metadata_district", pa.string()),
        ("metadata_province", pa.string()),
        ("doc_type", pa.string()),
        ("doc_number", pa.string()),
        ("issue_place", pa.string()),
        ("issue_date", pa.date32()),
        ("issue_year", pa.int32()),
        ("issue_month", pa.int32()),
        ("terms", pa.list_(pa.string())),
        ("default_period", pa.string()),
        ("mentions", pa.list_(MENTION_TYPE)),
        ("n_mentions", pa.int32()),
        ("extraction_error", pa.string()),
    ]
)

COLUMNS = "document_version_id, content_sha256, clean_version, document_text, title, published_at_text"
BATCH_ROWS = 500


def _iso_date(value):
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _extract(extract, doc):
    """One output row for one document version; errors are recorded, not raised."""
    row = {name: None for name in SCHEMA.names}
    row.update(
        document_version_id=doc["document_version_id"],
        content_sha256=doc["content_sha256"],
        clean_version=doc["clean_version"],
        terms=[],
        mentions=[],
        n_mentions=0,
    )
    text, title, published_at = doc["document_text"] or "", doc["title"], doc["published_at_text"]
    try:
        meta = extract.extract_metadata(text, title=title, published_at=published_at)
        mentions = extract.extract_mentions(text, title=title, published_at=published_at, metadata=meta)
    except Exception as exc:  # one bad document must not stop the build
        log.warning("extraction failed for %s: %r", doc["document_version_id"], exc)
        row["extraction_error"] = f"{type(exc).__name__}: {exc}"[:2000]
        return row
    row.update(
        issuer=meta.issuer,
        metadata_commune=meta.commune,
        metadata_district=meta.district,
        metadata_province=meta.province,
        doc_type=meta.doc_type,
        doc_number=meta.doc_number,
        issue_place=meta.issue_place,
        issue_date=_iso_date(meta.issue_date),
        issue_year=meta.issue_year,
        issue_month=meta.issue_month,
        terms=list(meta.terms or []),
        default_period=meta.default_period,
        mentions=[m.to_dict() for m in mentions],
        n_mentions=len(mentions),
    )
    return row


def model(dbt, session):
    dbt.config(
        materialized="incremental",
        unique_key="document_version_id",
        incremental_strategy="delete+insert",
        on_schema_change="fail",
    )
    # Imported here, not at module top, so that parsing the project never imports the library;
    # attribute access at call time (extract.extract_mentions) keeps the real library swappable.
    import ingest.extract as extract

    current = dbt.ref("int_documents_latest").select("document_version_id")
    if dbt.is_incremental:
        current = current.filter(
            f"document_version_id not in (select document_version_id from {dbt.this}"
            " where extraction_error is null)"
        )
    todo = current.select("document_version_id as todo_version_id")
    texts = dbt.ref("stg_landing__documents")  # the text is read from the landing view only here
    documents = texts.join(todo, "document_version_id = todo_version_id")
    reader = documents.select(COLUMNS).order("document_version_id").fetch_record_batch(BATCH_ROWS)
    batches = []
    n_docs = n_mentions = 0
    for batch in reader:
        rows = [_extract(extract, doc) for doc in batch.to_pylist()]
        n_docs += len(rows)
        n_mentions += sum(r["n_mentions"] for r in rows)
        batches.append(pa.Table.from_pylist(rows, schema=SCHEMA))
    log.info("extracted %d mentions from %d document versions", n_mentions, n_docs)
    return pa.concat_tables(batches) if batches else SCHEMA.empty_table()
