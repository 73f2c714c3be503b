"""Render the end-of-run summary of `xaetl run` / `xaetl demo` for a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ingest.pipeline import RunSummary

TRY_SQL = (
    "select c.commune_name, f.period, i.name_vi as indicator, f.kind, f.base_value, f.base_unit, f.plan_pct "
    "from fct_commune_indicators f join dim_commune c using (commune_id) "
    "join dim_indicator i using (indicator_id) "
    "order by c.commune_name, i.name_vi, f.period limit 20"
)


def print_summary(summary: RunSummary, console: Console | None = None, *, try_sql: str = TRY_SQL) -> None:
    """Pages, documents, mentions, facts, checks, and where the published warehouse is."""
    console = console or Console()
    table = Table(title=f"Crawl {summary.run_id}", show_lines=False)
    for col in ("site", "seen", "new", "changed", "unchanged", "failed", "requests"):
        table.add_column(col, justify="left" if col == "site" else "right")
    for s in summary.sites:
        table.add_row(
            s.site_id,
            *(
                str(v)
                for v in (
                    s.pages_seen,
                    s.pages_new,
                    s.pages_changed,
                    s.pages_unchanged,
                    s.pages_failed,
                    s.requests,
                )
            ),
        )
    console.print(table)
    errors = [f"{s.site_id}: {e}" for s in summary.sites for e in s.errors]
    for line in errors[:5]:
        console.print(f"  [yellow]error[/] {line}", soft_wrap=True, markup=True, highlight=False)
    if len(errors) > 5:
        console.print(f"  … {len(errors) - 5} more in landing/fetch_errors")
    counts = summary.counts
    lines = [
        f"pages fetched      {summary.pages_fetched}"
        f"  (failed: {summary.pages_failed}, recorded in landing/fetch_errors)",
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
        if getattr(summary.checks, "data_docs", None):
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
