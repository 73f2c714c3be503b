"""Render the end-of-run summaries of `xaetl run` / `xaetl demo` / `xaetl crawl` for a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ingest.pipeline import CrawlResult, RunSummary

TRY_SQL = (
    "select c.commune_name, f.period, i.name_vi as indicator, f.kind, f.base_value, f.base_unit, f.plan_pct "
    "from fct_commune_indicators f join dim_commune c using (commune_id) "
    "join dim_indicator i using (indicator_id) "
    "order by c.commune_name, i.name_vi, f.period limit 20"
)


# Column title -> SiteCrawlResult field ("failed": fetch failures, "not cleaned": clean failures).
COLUMNS = {
    "seen": "pages_seen",
    "new": "pages_new",
    "changed": "pages_changed",
    "unchanged": "pages_unchanged",
    "failed": "pages_failed",
    "not cleaned": "pages_clean_failed",
    "requests": "requests",
}


def summary_table(results: list, run_id: str) -> Table:
    """One row per site: pages seen / new / changed / unchanged / failed / not cleaned, requests."""
    table = Table(title=f"Crawl {run_id}")
    table.add_column("site", justify="left")
    for col in COLUMNS:
        table.add_column(col, justify="right")
    for r in results:
        table.add_row(r.site_id, *(str(getattr(r, name)) for name in COLUMNS.values()))
    return table


def failure_lines(result: CrawlResult) -> list[str]:
    """What failed and where it is recorded (empty when nothing failed)."""
    lines = []
    if result.pages_failed:
        lines.append(f"{result.pages_failed} page(s) failed, recorded in landing/fetch_errors")
    if result.pages_clean_failed:
        lines.append(
            f"{result.pages_clean_failed} page(s) could not be cleaned (no document landed), recorded in "
            "landing/fetch_errors (kind clean); the next run re-cleans them from raw"
        )
    return lines


def print_summary(summary: RunSummary, console: Console | None = None, *, try_sql: str = TRY_SQL) -> None:
    """Pages, documents, mentions, facts, checks, and where the published warehouse is."""
    console = console or Console()
    console.print(summary_table(summary.sites, summary.run_id))
    errors = [f"{s.site_id}: {e}" for s in summary.sites for e in s.errors]
    for line in errors[:5]:
        console.print(f"  [yellow]error[/] {line}", soft_wrap=True, markup=True, highlight=False)
    if len(errors) > 5:
        console.print(f"  … {len(errors) - 5} more in landing/fetch_errors")
    counts = summary.counts
    lines = [
        f"pages fetched      {summary.pages_fetched}"
        f"  (failed: {summary.pages_failed}, recorded in landing/fetch_errors)",
    ]
    if summary.pages_clean_failed:
        lines.append(
            f"NOT CLEANED        {summary.pages_clean_failed} page(s): no document landed; recorded in "
            "landing/fetch_errors (kind clean), re-cleaned from raw by the next run"
        )
    lines += [
        f"documents          {counts.get('dim_document', 0)}",
        f"mentions           {counts.get('fct_indicator_mentions', 0)}",
        f"facts              {counts.get('fct_commune_indicators', 0)}"
        f"  ({counts.get('dim_commune', 0)} communes)",
    ]
    if summary.checks is not None:
        lines.append(
            f"checks passed      {summary.checks.passed}/{summary.checks.passed + summary.checks.failed}"
            + (f"  ({len(summary.checks.warnings)} warnings)" if summary.checks.warnings else "")
        )
        lines.extend(f"  warning: {w}" for w in summary.checks.warnings[:5])
        if summary.checks.data_docs:
            lines.append(f"data docs          {summary.checks.data_docs}")
    if summary.ok:
        lines.append(f"published          {summary.published}")
        console.print("\n".join(lines), soft_wrap=True, highlight=False)
        console.print("\nTry (from the repository, or drop `uv run` inside the virtualenv):")
        console.print(f'  uv run xaetl query --data-dir {summary.data_dir} "{try_sql}"', soft_wrap=True)
    else:
        console.print("\n".join(lines), soft_wrap=True, highlight=False)
        console.print(f"[bold red]FAILED[/]: {summary.failure}")
        console.print("The last good published warehouse (if any) was left in place.")
