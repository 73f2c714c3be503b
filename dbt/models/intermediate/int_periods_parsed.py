"""Every period code used by a mention or as a document default, parsed by `ingest.period_codes`.

A Python model so that the rules of the codes (docs/periods.md: granularity, first and last
day, Party term) live in one tested function, `parse_period`, instead of a second copy in SQL.
DuckDB collects the distinct codes; there are a few hundred, so the Python part costs nothing.
"""

import pyarrow as pa

CODES_SQL = """
select distinct period
from (
    select unnest(list_transform(mentions, lambda m: m.period)) as period from extracted
    union all
    select default_period as period from extracted
)
where period is not null
order by period
"""

SCHEMA = pa.schema(
    [
        ("period", pa.string()),
        ("granularity", pa.string()),
        ("period_start_date", pa.date32()),
        ("period_end_date", pa.date32()),
        ("term_id", pa.string()),
    ]
)


def model(dbt, session):
    dbt.config(materialized="table")
    from ingest.period_codes import parse_period

    codes = dbt.ref("int_documents_extracted").query("extracted", CODES_SQL).fetchall()
    spans = [parse_period(code) for (code,) in codes]
    rows = [
        {
            "period": s.period,
            "granularity": s.granularity,
            "period_start_date": s.start_date,
            "period_end_date": s.end_date,
            "term_id": s.term_id,
        }
        for s in spans
    ]
    return pa.Table.from_pylist(rows, schema=SCHEMA)
