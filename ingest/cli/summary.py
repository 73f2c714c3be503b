"""Render the end-of-run summaries of `xaetl run` / `xaetl demo` / `xaetl crawl` for a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ingest.cli import exits
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
    "raw checked": "raw_audited",  # the raw audit: raw files checked, and found lost (refetched)
    "raw lost": "raw_lost",
}


def summary_table(results: list, run_id: str) -> Table:
    """One row per site: pages seen / new / changed / unchanged / failed / not cleaned, requests,
    raw files checked / lost."""
    table = Table(title=f"Crawl {run_id}")
    table.add_column("site", justify="left")
    for col in COLUMNS:
        table.add_column(col, justify="right")
    for r in results:
        table.add_row(r.site_id, *(str(getattr(r, name)) for name in COLUMNS.values()))
    return table


def not_crawled_lines(result: CrawlResult | None) -> list[str]:
    """One line per site that could not be crawled or landed in full, with the reason."""
    if result is None:
        return []
    return [f"NOT CRAWLED        {s.site_id}: {s.failure}" for s in result.not_crawled]


def exit_code(summary: RunSummary) -> int:
    """`xaetl run` / `xaetl demo`: 0 complete, 3 published without some site, 1 nothing published."""
    if not summary.ok:
        return exits.FAILED
    return exits.INCOMPLETE if summary.not_crawled else exits.OK


def crawl_exit_code(result: CrawlResult) -> int:
    """`xaetl crawl`: 0 every site crawled, 3 some site not, 1 none."""
    if not result.not_crawled:
        return exits.OK
    return exits.FAILED if len(result.not_crawled) == len(result.sites) else exits.INCOMPLETE


def failure_lines(result: CrawlResult) -> list[str]:
    """What failed and where it is recorded (empty when nothing failed)."""
    lines = []
    if result.not_crawled:
        lines.append(
            f"{len(result.not_crawled)} site(s) NOT CRAWLED: "
            + ", ".join(f"{s.site_id} ({s.failure})" for s in result.not_crawled)
        )
    if result.pages_failed:
        lines.append(f"{result.pages_failed} page(s) failed, recorded in landing/fetch_errors")
    if result.pages_clean_failed:
        lines.append(
            f"{result.pages_clean_failed} page(s) could not be cleaned (no document landed), recorded in "
            "landing/fetch_errors (kind clean); the next run re-cleans them from raw"
        )
    lost = raw_lost(result)
    if lost:
        lines.append(_raw_lost_message(lost))
    return lines


def _raw_lost_message(lost: int) -> str:
    return f"{lost} landed page(s) had lost their raw HTML: refetched without validators"


def raw_lost(result: CrawlResult | None) -> int:
    """Landed pages the raw audit found without their raw HTML (each refetched that night)."""
    return sum(s.raw_lost for s in result.sites) if result is not None else 0


def raw_lost_lines(result: CrawlResult | None) -> list[str]:
    """The raw audit's finding in the run summary, when it found raw HTML lost."""
    lost = raw_lost(result)
    if not lost:
        return []
    return [f"RAW LOST           {_raw_lost_message(lost)} (landing/crawl_runs, raw_lost)"]


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
        *not_crawled_lines(summary.crawl),
        *raw_lost_lines(summary.crawl),
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
        if summary.not_crawled:
            lines.append(
                f"INCOMPLETE         {len(summary.not_crawled)} site(s) not crawled (above); their pages "
                "from earlier runs stay in the warehouse"
            )
        console.print("\n".join(lines), soft_wrap=True, highlight=False)
        console.print("\nTry (from the repository, or drop `uv run` inside the virtualenv):")
        console.print(f'  uv run xaetl query --data-dir {summary.data_dir} "{try_sql}"', soft_wrap=True)
    else:
        console.print("\n".join(lines), soft_wrap=True, highlight=False)
        console.print(f"[bold red]FAILED[/]: {summary.failure}")
        console.print("The last good published warehouse (if any) was left in place.")
