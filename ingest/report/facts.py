"""Read the rows behind reports and exports from the published warehouse (read-only query path)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ingest.paths import DataPaths

SQL_DIR = Path(__file__).with_name("sql")
LABELS_FILE = Path(__file__).with_name("labels.yaml")


class ReportDataError(RuntimeError):
    """The published warehouse cannot give the rows of a report or an export."""


class EmptyWarehouse(ReportDataError):
    """The published warehouse holds no fact for the requested scope: nothing to report."""


class OutdatedWarehouse(ReportDataError):
    """The published warehouse was built before columns the reports read (rebuild it)."""


# Columns of the marts that facts.sql reads beyond the first release's: a warehouse published
# before them gets a clear message instead of a binder error.
REQUIRED_COLUMNS = {
    "fct_commune_indicators": ("unit", "approx", "n_values", "has_breakdown", "winning_period"),
    "dim_indicator": ("name_en", "counted_noun", "measure"),
}


@dataclass(frozen=True)
class Scope:
    """Which communes to read: a province and/or a commune (names as published, any case)."""

    province: str | None = None
    commune: str | None = None

    def where(self) -> str:
        clauses = ["true"]
        if self.province:
            clauses.append(f"lower(c.province_name) = lower({sql_literal(self.province)})")
        if self.commune:
            literal = sql_literal(self.commune)
            clauses.append(f"(lower(c.commune_name) = lower({literal}) or c.commune_id = {literal})")
        return " and ".join(clauses)

    def describe(self) -> str:
        parts = [p for p in (self.commune, self.province) if p]
        return ", ".join(parts) if parts else "all communes"


ALL = Scope()


def sql_literal(text: str) -> str:
    """A SQL string literal; DuckDB strings have no backslash escapes, only doubled quotes."""
    return "'" + text.replace("'", "''") + "'"


@cache
def labels() -> dict[str, Any]:
    return yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))


def unit_label(base_unit: str | None, counted_noun: str | None = None) -> dict[str, Any]:
    """Display unit of a base unit: Vietnamese, English, and the divisor from the base value.
    A count is shown in what it counts (`hộ`, `đảng viên`) when the catalogue says so."""
    units = labels()["units"]
    unit = units.get(base_unit or "other", {"vi": base_unit, "en": base_unit, "scale": 1})
    if base_unit == "count" and counted_noun:
        return {**unit, "vi": counted_noun}
    return unit


def bilingual(key: str, sep: str = " · ") -> str:
    entry = labels()["text"][key]
    return f"{entry['vi']}{sep}{entry['en']}"


def _run(paths: DataPaths, sql: str) -> list[dict[str, Any]]:
    from ingest.warehouse.query import query

    columns, rows = query(paths, sql)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _sql(name: str, **parts: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8").format(**parts)


def check_columns(paths: DataPaths) -> None:
    """Raise OutdatedWarehouse naming the columns the published warehouse lacks."""
    rows = _run(paths, "select table_name, column_name from information_schema.columns")
    present = {(r["table_name"], r["column_name"]) for r in rows}
    missing = [f"{t}.{c}" for t, cols in REQUIRED_COLUMNS.items() for c in cols if (t, c) not in present]
    if missing:
        raise OutdatedWarehouse(
            f"{paths.published} was built before {', '.join(missing)}: rebuild it "
            "(`xaetl run`, or `xaetl demo` for the demo) and run this again"
        )


def load_facts(paths: DataPaths, scope: Scope = ALL) -> list[dict[str, Any]]:
    """Reconciled facts with commune, indicator, period and the winning mention's provenance."""
    check_columns(paths)
    facts = _run(paths, facts_sql(paths, scope))
    if not facts:
        raise EmptyWarehouse(f"no facts for {scope.describe()} in {paths.published}")
    for fact in facts:
        unit = unit_label(fact["base_unit"], fact["counted_noun"])
        fact["display_value"] = None if fact["base_value"] is None else fact["base_value"] / unit["scale"]
        fact["display_unit_vi"], fact["display_unit_en"] = unit["vi"], unit["en"]
        fact["theme"] = fact["theme"] or labels()["text"]["unmapped"]["vi"]
    return facts


def load_mention_counts(paths: DataPaths, scope: Scope = ALL) -> list[dict[str, Any]]:
    """Mentions per commune × indicator as written × period × kind, mapped or not."""
    return _run(paths, _sql("mentions_by_commune", where=scope.where()))


def load_target_pairs(paths: DataPaths, scope: Scope = ALL) -> list[dict[str, Any]]:
    """Each target with the latest actual it can be held against (sql/target_pairs.sql)."""
    return _run(paths, target_pairs_sql(paths, scope))


def facts_sql(paths: DataPaths, scope: Scope = ALL) -> str:
    return _sql("facts", where=scope.where())


def target_pairs_sql(paths: DataPaths, scope: Scope = ALL) -> str:
    return _sql("target_pairs", facts=facts_sql(paths, scope).strip().rstrip(";"))


def load_crawl_health(paths: DataPaths) -> list[dict[str, Any]]:
    """The latest crawl of each site."""
    return _run(paths, _sql("crawl_health"))


def iso(value: Any) -> Any:
    """Dates as ISO text for JSON and spreadsheets; everything else unchanged."""
    return value.isoformat() if isinstance(value, date) else value
