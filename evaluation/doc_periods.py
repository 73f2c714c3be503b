"""The document's own period scored on its own: one answer a document, gold from its actual facts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from evaluation.product_inputs import product_inputs
from evaluation.real_corpus import RealDoc


def gold_doc_period(gold: list[dict[str, Any]]) -> str | None:
    """The period most required `actual` gold facts take; a tie goes to the period of the earliest
    such fact in the text; None when the document has no required actual fact with a period."""
    facts = [g for g in gold if not g.get("optional") and g.get("kind") == "actual" and g.get("period")]
    if not facts:
        return None
    counts = Counter(str(g["period"]) for g in facts)
    top = max(counts.values())
    for g in sorted(facts, key=lambda g: g.get("start", 0)):
        if counts[str(g["period"])] == top:
            return str(g["period"])
    raise AssertionError("unreachable: a most common period is one of the facts'")


def _term(code: str) -> str | None:
    """`term-2020-2025` of `term-2020-2025`, `term-2020-2025-mid`, …; None for any other code."""
    return code[:14] if code.startswith("term-") and len(code) >= 14 else None


def same_doc_period(predicted: str | None, gold: str) -> bool:
    """Right when equal; for a term gold, a default of the same term (`term-2020-2025-mid`) counts."""
    if predicted == gold:
        return True
    term = _term(gold)
    return term is not None and predicted is not None and _term(predicted) == term


def predicted_doc_periods(
    text: str, title: str | None = None, published_at: str | None = None
) -> tuple[str | None, str]:
    """The extractor's default periods of a text given with its page title and date as the product
    gives them (`evaluation.product_inputs`): `extract_metadata(...).default_period` (what
    `dim_document.default_period` stores), and the one the facts fall back to (`context.Doc.read`).
    Since round 11 both come from one decision (`ingest.extract.own_period`): a difference is a bug."""
    from ingest.extract import extract_metadata
    from ingest.extract.context import Doc

    meta = extract_metadata(text, title=title, published_at=published_at)
    return meta.default_period, Doc.read(text, title, published_at, meta).default_period


@dataclass
class DocPeriod:
    """One document's gold and predicted document periods."""

    doc_id: str
    genre: str
    gold: str
    meta: str | None  # extract_metadata(...).default_period
    used: str  # the default the extractor's facts take (context.Doc)
    title: str
    date: str

    @property
    def right(self) -> bool:
        return same_doc_period(self.meta, self.gold)

    @property
    def used_right(self) -> bool:
        return same_doc_period(self.used, self.gold)


def doc_period(doc: RealDoc, *, text_only: bool = False) -> DocPeriod | None:
    """The document's period record, or None when its gold gives it no document period."""
    gold = gold_doc_period(doc.gold)
    if gold is None:
        return None
    meta, used = predicted_doc_periods(*product_inputs(doc, text_only=text_only))
    title, date = str(doc.meta.get("title") or ""), str(doc.meta.get("date") or "")
    return DocPeriod(doc.doc_id, doc.genre, gold, meta, used, title, date)


def accuracy(rows: list[DocPeriod]) -> dict[str, Any]:
    """Share of documents whose default period is right (both defaults), over those with a gold one."""
    n = len(rows)
    return {
        "docs": n,
        "meta": round(sum(r.right for r in rows) / n, 3) if n else None,
        "used": round(sum(r.used_right for r in rows) / n, 3) if n else None,
    }
