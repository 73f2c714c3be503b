"""Plain dataclasses passed between stages: cleaned documents, blocks, metadata, mentions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockType = Literal["heading", "paragraph", "list_item", "footnote", "table_cell"]
MentionKind = Literal["actual", "target"]
BASE_UNITS = (
    "VND",
    "VND/person/year",
    "t",
    "t/ha",
    "kg/person/year",
    "ha",
    "m2",
    "km",
    "%",
    "count",
    "other",
)


@dataclass(frozen=True)
class Block:
    """One structural unit of cleaned text; `text[start:end]` is its content."""

    block_type: BlockType
    start: int
    end: int
    marker: str | None = None  # footnote marker ("1") for footnote blocks


@dataclass
class CleanDocument:
    """What the cleaner makes of one raw HTML page."""

    text: str  # NFC, one paragraph / list item per line, body once
    title: str | None = None
    published_at: str | None = None  # ISO 8601 with offset when known, e.g. 2023-08-13T22:14:53+07:00
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)  # marker -> footnote text
    warnings: list[str] = field(default_factory=list)  # e.g. "empty body", "legacy encoding TCVN3"


@dataclass
class DocumentMetadata:
    """What a document says about itself (issuer, type, number, date, terms, default period)."""

    issuer: str | None = None
    commune: str | None = None
    district: str | None = None
    province: str | None = None
    doc_type: str | None = None  # báo cáo | kết luận | thông báo | nghị quyết | kế hoạch | ...
    doc_number: str | None = None  # "04 - KL/ĐU"
    issue_place: str | None = None
    issue_date: str | None = None  # ISO date; day may be unknown -> None with issue_month set
    issue_year: int | None = None
    issue_month: int | None = None
    terms: list[str] = field(default_factory=list)  # ["2020-2025", "2025-2030"]
    default_period: str | None = None  # period code (docs/periods.md) the document's facts fall back to
    # the period the title and opening name, before the opening's context rules (default_period before v13)
    title_period: str | None = None
    target_period: str | None = None  # the default of the document's targets, when it differs
    reference_year: int | None = None  # the year a yearless phrase (`6 tháng đầu năm`) is of
    period_term: str | None = None  # the term the document's term phrases (`đầu nhiệm kỳ`) refer to

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """One indicator mention: the contract of `xaetl extract` and of fct_indicator_mentions."""

    indicator: str
    indicator_id: str | None
    value: float
    value_high: float | None
    of_total: float | None
    unit: str
    base_value: float
    base_unit: str
    plan_pct: float | None
    yoy_pct: float | None
    approx: bool
    kind: MentionKind
    period: str
    quote: str
    start: int
    end: int
    # Position, in the same document's list of mentions, of the total this figure is a part of
    # (`tổng diện tích gieo trồng 772 ha, trong đó: lúa 507 ha`: the 507 ha points at the 772 ha); None
    # when it is not part of a breakdown. Lets a fact table tell totals with a breakdown from their parts.
    part_of: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
