"""Warehouse-wide totals as SQL aggregates in DuckDB, one row, for the checks that find a hollow build."""

from __future__ import annotations

import duckdb
import pandas as pd

from expectations.rules import MART_FLOOR_PER_SITE

WAREHOUSE_TOTALS = "warehouse_totals"

# Documents are the versions the warehouse holds (dim_document); their text is read through the
# staging view over the landing Parquet (the marts do not copy it). Registered sites are those
# whose registry entry was landed by some run.
TOTALS_SQL = f"""
with doc_text as (
    select coalesce(length(trim(s.document_text)), 0) as chars
    from main.dim_document d
    left join main.stg_landing__documents s using (document_version_id)
)
select
    (select count(*) from main.int_sites_latest where is_registered) as registered_sites,
    (select count(*) from doc_text) as documents,
    (select count(*) from doc_text where chars = 0) as documents_empty_text,
    (select count(*) from doc_text where chars > 0) as documents_with_text,
    (select count(*) from main.fct_indicator_mentions) as mentions,
    (select count(*) from main.fct_commune_indicators) as facts,
    {", ".join(f"(select count(*) from main.{t}) as rows_{t}" for t in MART_FLOOR_PER_SITE)}
"""


def warehouse_totals(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row: registered sites, documents (empty / with text), mentions, facts, rows per floored
    mart, and the share of documents with empty text. Raises duckdb.Error if a relation is missing."""
    frame = con.execute(TOTALS_SQL).df()
    documents = int(frame.at[0, "documents"])
    frame["empty_text_share"] = (int(frame.at[0, "documents_empty_text"]) / documents) if documents else 0.0
    return frame


def mart_floor(table: str, registered_sites: int) -> int:
    """The fewest rows `table` may have for this many registered sites (at least 1)."""
    return max(1, int(registered_sites * MART_FLOOR_PER_SITE[table]))
