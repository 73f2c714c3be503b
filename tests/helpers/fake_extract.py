"""A tiny deterministic stand-in for `ingest.extract`, for warehouse tests only.

It finds `<number> triệu đồng|tấn|ha` figures, names them by the nearest catalogue name
before them, and reads plan percentages, hedges, years and the document's default period with
a handful of regexes. It counts its calls so tests can tell which documents a build extracted.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ingest.records import DocumentMetadata, Mention

CATALOGUE = Path(__file__).resolve().parents[2] / "ingest" / "extract" / "catalogue" / "indicators.csv"
NUMBER = re.compile(r"(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?\s*(?P<unit>triệu đồng|tấn|ha)\b")
PLAN = re.compile(r"^[^.;\n]{0,40}?đạt (?:gần |hơn )?(\d+(?:,\d+)?)% (?:KH|kế hoạch|dự toán)")
HEDGE = re.compile(r"(ước|gần|hơn|khoảng|trên)\s*(?:đạt\s*)?$")
YEAR = re.compile(r"năm (\d{4})[^0-9]*$")
TARGET = re.compile(r"(phấn đấu|đến năm 20(?:2[6-9]|30))")
ISSUED = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
H1 = re.compile(r"6 tháng đầu năm (\d{4})")
TERM = re.compile(r"nhiệm kỳ (\d{4}) ?[-–] ?(\d{4})", re.IGNORECASE)
SCALE = {"triệu đồng": (1e6, "VND"), "tấn": (1.0, "t"), "ha": (1.0, "ha")}

CALLS: list[str] = []  # texts' first 40 characters, one per extract_mentions call


def _names() -> list[tuple[str, str, str]]:
    with CATALOGUE.open(encoding="utf-8") as fh:
        return sorted(
            ((r["name_vi"].lower(), r["indicator_id"], r["base_unit"]) for r in csv.DictReader(fh)),
            key=lambda t: -len(t[0]),
        )


def extract_metadata(
    text: str, *, title: str | None = None, published_at: str | None = None
) -> DocumentMetadata:
    head = f"{title or ''}\n{text[:3000]}"
    meta = DocumentMetadata()
    if m := ISSUED.search(head):
        meta.issue_date = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
        meta.issue_year, meta.issue_month = int(m[3]), int(m[2])
    meta.terms = sorted({f"{a}-{b}" for a, b in TERM.findall(head)})
    if m := H1.search(head):
        meta.default_period = f"{m[1]}-H1"
    elif meta.terms:
        meta.default_period = f"term-{meta.terms[0]}"
    meta.doc_type = "thông báo" if "THÔNG BÁO" in head else "báo cáo"
    return meta


def extract_mentions(
    text: str,
    *,
    title: str | None = None,
    published_at: str | None = None,
    metadata: DocumentMetadata | None = None,
) -> list[Mention]:
    CALLS.append(text[:40])
    metadata = metadata or extract_metadata(text, title=title, published_at=published_at)
    names = _names()
    out = []
    for m in NUMBER.finditer(text):
        before = text[max(0, m.start() - 100) : m.start()]
        clause = re.split(r"[;.\n]", before)[-1]
        low = clause.lower()
        hit = next(((n, i, u) for n, i, u in names if n in low), None)
        indicator = hit[0] if hit else re.sub(r"\s+", " ", low).strip(" ,:")[-40:] or "không rõ"
        value = float(m["num"].replace(".", "") + ("." + m["dec"] if m["dec"] else ""))
        scale, unit = SCALE[m["unit"]]
        base_unit = hit[2] if hit and hit[2] in ("VND", "VND/person/year", "t", "ha") else unit
        plan = PLAN.search(text[m.end() : m.end() + 60])
        year = YEAR.search(clause)
        period = year[1] if year else (metadata.default_period or "2023")
        start = m.start() - len(clause)
        out.append(
            Mention(
                indicator=indicator,
                indicator_id=hit[1] if hit else None,
                value=value,
                value_high=None,
                of_total=None,
                unit=m["unit"],
                base_value=value * scale,
                base_unit=base_unit,
                plan_pct=float(plan[1].replace(",", ".")) if plan else None,
                yoy_pct=None,
                approx=bool(HEDGE.search(clause)),
                kind="target" if TARGET.search(clause) else "actual",
                period=period,
                quote=text[start : m.end()],
                start=start,
                end=m.end(),
            )
        )
    return out
