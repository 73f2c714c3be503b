"""`xaetl report`: one self-contained HTML file (Plotly inlined, data embedded) that works offline."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.paths import DataPaths
from ingest.report.derive import add_previous
from ingest.report.facts import (
    ALL,
    Scope,
    bilingual,
    iso,
    labels,
    load_facts,
    load_mention_counts,
    load_target_pairs,
    unit_label,
)
from ingest.report.files import write_atomically

ASSETS = Path(__file__).with_name("assets")
# Long quotes are cut in the page (hover boxes, tooltips); the full text stays in the warehouse.
QUOTE_CHARS = 400
# Facts of the report: beyond this the page gets slow to filter; narrow with --province/--commune.
DEFAULT_MAX_FACTS = 50_000
PLACEHOLDER = re.compile(r"@@[A-Z_]+@@")

FACT_FIELDS = {
    # page field: fact field
    "commune_id": "commune_id",
    "commune": "commune_name",
    "district": "district_name",
    "province": "province_name",
    "term": "term_id",
    "period": "period",
    "period_end": "period_end_date",
    "granularity": "granularity",
    "indicator_key": "indicator_key",
    "indicator_id": "indicator_id",
    "indicator_vi": "indicator_vi",
    "indicator_en": "indicator_en",
    "theme": "theme",
    "higher_is_better": "higher_is_better",
    "kind": "kind",
    "value": "display_value",
    "base_unit": "base_unit",
    "unit_vi": "display_unit_vi",
    "unit_en": "display_unit_en",
    "written_value": "value",
    "written_unit": "unit",
    "approx": "approx",
    "plan_pct": "plan_pct",
    "yoy_pct": "yoy_pct",
    "change_pct": "change_pct",
    "prev_period": "prev_period",
    "has_conflict": "has_conflict",
    "has_breakdown": "has_breakdown",
    "n_values": "n_values",
    "winning_period": "winning_period",
    "n_documents": "n_documents",
    "quote": "quote",
    "url": "url",
    "document_title": "document_title",
}


class TooManyFacts(ValueError):
    """The scope holds more facts than one page should carry."""


@dataclass(frozen=True)
class ReportResult:
    path: Path
    n_facts: int
    n_communes: int
    n_target_pairs: int
    size_bytes: int


def build_report(
    paths: DataPaths,
    out: Path,
    *,
    scope: Scope = ALL,
    max_facts: int = DEFAULT_MAX_FACTS,
    now: datetime | None = None,
) -> ReportResult:
    """Write the report for `scope` to `out` (atomically) and say what it holds."""
    facts = load_facts(paths, scope)
    if len(facts) > max_facts:
        raise TooManyFacts(
            f"{len(facts):,} facts for {scope.describe()} (limit {max_facts:,}): "
            "narrow with --province / --commune, or raise --max-facts"
        )
    add_previous(facts)
    index = {_fact_key(f): i for i, f in enumerate(facts)}
    pairs = [
        [index[(p["commune_id"], p["term_id"], p["target_period"], p["indicator_key"], "target")],
         index[(p["commune_id"], p["actual_term_id"], p["actual_period"], p["indicator_key"], "actual")]]
        for p in load_target_pairs(paths, scope)
    ]  # fmt: skip
    mentions = load_mention_counts(paths, scope)
    payload = {
        "labels": {"text": labels()["text"], "kinds": labels()["kinds"]},
        "facts": [_page_fact(f) for f in facts],
        "pairs": pairs,
        "mentions": [_page_mention(m) for m in mentions],
        "periods": _periods(facts),
    }
    generated = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    document = _render(paths, scope, payload, facts, mentions, generated)
    write_atomically(out, lambda handle: handle.write(document.encode("utf-8")))
    communes = {f["commune_id"] for f in facts}
    return ReportResult(out, len(facts), len(communes), len(pairs), out.stat().st_size)


def _fact_key(fact: dict[str, Any]) -> tuple:
    """The grain of fct_commune_indicators."""
    return (fact["commune_id"], fact["term_id"], fact["period"], fact["indicator_key"], fact["kind"])


def _page_fact(fact: dict[str, Any]) -> dict[str, Any]:
    row = {key: iso(fact[src]) for key, src in FACT_FIELDS.items()}
    quote = row["quote"] or ""
    row["quote"] = quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "…"
    scale = unit_label(fact["base_unit"])["scale"]
    row["min_value"] = None if fact["min_base_value"] is None else fact["min_base_value"] / scale
    row["max_value"] = None if fact["max_base_value"] is None else fact["max_base_value"] / scale
    return row


def _page_mention(m: dict[str, Any]) -> dict[str, Any]:
    unmapped = labels()["text"]["unmapped"]["vi"]
    return {
        "commune_id": m["commune_id"],
        "commune": m["commune_name"],
        "province": m["province_name"],
        "is_mapped": bool(m["is_mapped"]),
        "theme": m["theme"] or unmapped,
        "indicator": m["indicator"],
        "period": m["period"],
        "n": int(m["n_mentions"]),
    }


def _periods(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ends = {f["period"]: (iso(f["period_end_date"]) or "", iso(f["period_start_date"]) or "") for f in facts}
    return [{"period": p, "end": e[0]} for p, e in sorted(ends.items(), key=lambda kv: (kv[1], kv[0]))]


def _render(
    paths: DataPaths,
    scope: Scope,
    payload: dict[str, Any],
    facts: list[dict[str, Any]],
    mentions: list[dict[str, Any]],
    generated: str,
) -> str:
    from plotly.offline import get_plotlyjs

    text = labels()["text"]
    n_mentions = sum(int(m["n_mentions"]) for m in mentions)
    n_mapped = sum(int(m["n_mentions"]) for m in mentions if m["is_mapped"])
    kpis = [
        (len({f["commune_id"] for f in facts}), "communes"),
        (len(facts), "facts"),
        (len({f["url"] for f in facts if f["url"]}), "documents"),
        (f"{100 * n_mapped / n_mentions:.0f} %" if n_mentions else "–", "mapped"),
        (sum(1 for f in facts if f["has_conflict"]), "conflict"),
    ]
    e = html.escape
    replacements = {
        "@@TITLE@@": e(bilingual("title")),
        "@@TITLE_VI@@": e(text["title"]["vi"]),
        "@@TITLE_EN@@": e(text["title"]["en"]),
        "@@SCOPE@@": e(scope.describe()),
        "@@GENERATED@@": e(f"{bilingual('generated')}: {generated}"),
        "@@SOURCE@@": e(f"{bilingual('source')}: {paths.published.name} ({paths.root.name})"),
        "@@KPIS@@": "".join(f'<div class="kpi"><b>{e(str(v))}</b>{e(bilingual(k))}</div>' for v, k in kpis),
        "@@L_PROVINCE@@": e(bilingual("province")),
        "@@L_COMMUNE@@": e(bilingual("commune")),
        "@@L_THEME@@": e(bilingual("theme")),
        "@@L_PERIOD@@": e(bilingual("period")),
        "@@L_FACTS@@": e(bilingual("facts")),
        "@@L_SCORECARD@@": e(bilingual("scorecard")),
        "@@L_SCORECARD_NOTE@@": e(bilingual("scorecard_note")),
        "@@L_CLICK@@": e(bilingual("open_source")),
        "@@L_INDICATOR@@": e(bilingual("indicator")),
        "@@L_TOP_UNMAPPED@@": e(bilingual("top_unmapped")),
        "@@L_CONFLICTS@@": e(bilingual("conflicts")),
        "@@CSS@@": (ASSETS / "report.css").read_text(encoding="utf-8"),
        "@@DATA@@": _script_json(payload),
        "@@JS@@": (ASSETS / "report.js").read_text(encoding="utf-8"),
        "@@PLOTLY@@": get_plotlyjs(),
    }
    template = (ASSETS / "report.html").read_text(encoding="utf-8")
    # One pass over the template: text inside the inserted code and data is never rescanned.
    return PLACEHOLDER.sub(lambda m: replacements[m.group(0)], template)


def _script_json(payload: dict[str, Any]) -> str:
    """JSON safe inside <script>: no `<` at all, so nothing can close the element early."""
    text = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")
