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
is recorded with `extraction_error` and retried by the next build. Each row records the
`extractor_version` that made it: a build with a new extractor re-extracts every document
made by another version (or before versions were recorded), without `--full-refresh`.
Large batches are extracted by worker processes on every core (`ingest.extract.parallel`).
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
        ("part_of", pa.int32()),
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
        ("extractor_version", pa.string()),
    ]
)

COLUMNS = "document_version_id, content_sha256, clean_version, document_text, title, published_at_text"
BATCH_ROWS = 500


def _iso_date(value):
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _row(doc, version, result):
    """One output row for one document version from its extraction result (or error)."""
    meta, mentions, error = result
    row = {name: None for name in SCHEMA.names}
    row.update(
        document_version_id=doc["document_version_id"],
        content_sha256=doc["content_sha256"],
        clean_version=doc["clean_version"],
        terms=[],
        mentions=[],
        n_mentions=0,
        extractor_version=version,
    )
    if error is not None:
        log.warning("extraction failed for %s: %s", doc["document_version_id"], error)
        row["extraction_error"] = error
        return row
    row.update(
        issuer=meta["issuer"],
        metadata_commune=meta["commune"],
        metadata_district=meta["district"],
        metadata_province=meta["province"],
        doc_type=meta["doc_type"],
        doc_number=meta["doc_number"],
        issue_place=meta["issue_place"],
        issue_date=_iso_date(meta["issue_date"]),
        issue_year=meta["issue_year"],
        issue_month=meta["issue_month"],
        terms=list(meta["terms"] or []),
        default_period=meta["default_period"],  # the period its facts fall back to (`own_period`)
        mentions=mentions,
        n_mentions=len(mentions),
    )
    return row


def _has_column(session, relation, column):
    return column in session.sql(f"select * from {relation} limit 0").columns


def model(dbt, session):
    dbt.config(
        materialized="incremental",
        unique_key="document_version_id",
        incremental_strategy="delete+insert",
        # a warehouse built before versions were recorded gains the column (and is re-extracted)
        on_schema_change="append_new_columns",
    )
    # Imported here, not at module top, so that parsing the project never imports the library;
    # attribute access at call time (extract.extract_mentions) keeps the real library swappable.
    import ingest.extract as extract
    from ingest.extract import parallel

    version = extract.EXTRACTOR_VERSION
    if not version.replace(".", "").replace("-", "").isalnum():
        raise ValueError(f"EXTRACTOR_VERSION must be a plain token, got {version!r}")
    current = dbt.ref("int_documents_latest").select("document_version_id, crawl_date")
    if dbt.is_incremental:
        done = f"select document_version_id from {dbt.this} where extraction_error is null"
        if _has_column(session, dbt.this, "extractor_version"):
            current = current.filter(
                f"document_version_id not in ({done} and extractor_version = '{version}')"
            )
    todo = current.select("document_version_id as todo_version_id, crawl_date as todo_night")
    # The text is read from the landing only here, and only from the nights that hold versions to
    # extract: a filter on the partition column prunes the Parquet files of every other night.
    nights = sorted({str(r[0]) for r in todo.select("todo_night").distinct().fetchall() if r[0] is not None})
    texts = dbt.ref("stg_landing__document_texts")
    if nights:
        texts = texts.filter("crawl_date in (" + ", ".join(f"date '{n}'" for n in nights) + ")")
    documents = (
        texts.join(todo, "document_version_id = todo_version_id and crawl_date = todo_night")
        .select(COLUMNS)
        .distinct()  # the same content landed at two URLs on one night: extracted once
    )
    n_todo = documents.aggregate("count(*)").fetchall()[0][0]
    workers = parallel.workers_for(n_todo)
    reader = documents.select(COLUMNS).order("document_version_id").fetch_record_batch(BATCH_ROWS)
    batches = []
    n_docs = n_mentions = 0
    pool = parallel.ExtractPool(workers) if workers else None
    try:
        for batch in reader:
            docs = batch.to_pylist()
            inputs = [(d["document_text"] or "", d["title"], d["published_at_text"]) for d in docs]
            if pool is not None:
                results = pool.map(inputs)
            else:
                functions = (extract.extract_metadata, extract.extract_mentions)
                results = [parallel.extract_one(i, *functions) for i in inputs]
            rows = [_row(doc, version, result) for doc, result in zip(docs, results, strict=True)]
            n_docs += len(rows)
            n_mentions += sum(r["n_mentions"] for r in rows)
            batches.append(pa.Table.from_pylist(rows, schema=SCHEMA))
    finally:
        if pool is not None:
            pool.close()
    log.info(
        "extracted %d mentions from %d document versions (extractor %s, %s)",
        n_mentions,
        n_docs,
        version,
        f"{workers} worker processes" if workers else "in-process",
    )
    return pa.concat_tables(batches) if batches else SCHEMA.empty_table()
