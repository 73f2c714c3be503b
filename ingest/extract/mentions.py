"""Indicator mentions from cleaned report text: value, unit, plan/yoy attainment, kind, period, quote.

The text is read once: quantities (number + unit) are found by `numbers`, catalogue names by
`indicators`, sentences and section headings by `layout`. Each quantity then becomes either a mention
of its own or the plan/yoy percentage of the mention before it (`1.936 tấn, đạt 60% kế hoạch và
bằng 114% cùng kỳ` is one mention). The function is pure and never raises: dbt calls it per document.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.extract.catalogue import CatalogueEntry, load_catalogue, lookup_name, normalize_name
from ingest.extract.indicators import NameHit, NameIndex, compatible, pick_entry, starts_a_name
from ingest.extract.layout import Sentence, layout
from ingest.extract.metadata import extract_metadata, reference_year
from ingest.extract.numbers import Quantity, find_quantities
from ingest.extract.periods import (
    TARGET_YEAR_RE,
    YEAR_AFTER_RE,
    YEAR_LABEL_RE,
    as_of,
    as_of_matches,
    phrase_period,
    term_of,
    terms_in,
    year_of,
)
from ingest.extract.units import rebase
from ingest.extract.vocab import (
    ABBREVIATIONS,
    ACTUAL_CUES,
    CARRIED_TARGET_CUES,
    CHANGE_VERBS,
    CLASSIFIER_UNITS,
    GENERIC_COUNT_UNITS,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    HEDGES_IN_CLAUSE,
    INCREMENT_WORDS,
    INDICATOR_TRAILERS,
    PLAN_WORDS,
    RATIO_LINKERS,
    RATIO_VERBS,
    TAIL_STOP_WORDS,
    TARGET_CUES,
    YOY_WORDS,
)
from ingest.records import DocumentMetadata, Mention

log = logging.getLogger(__name__)


def _words(words: tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in sorted(set(words), key=len, reverse=True)
    )


_RATIO_AFTER = re.compile(
    rf"[^\S\n]*(?:(?:{_words(RATIO_LINKERS)})[^\S\n]*)*(?:(?P<yoy>{_words(YOY_WORDS)})|(?P<plan>{_words(PLAN_WORDS)}))(?!\w)"
)
_RATIO_BEFORE = re.compile(
    rf"(?:^|[^\w])(?P<verb>{_words(RATIO_VERBS)}|tăng|giảm)(?:[^\S\n]+(?:{_words(HEDGES_BEFORE)}))?[^\S\n]*$"
)
_CHANGE_BEFORE = re.compile(
    rf"(?:^|[^\w])(?:{_words(CHANGE_VERBS)})(?:[^\S\n]+(?:{_words(HEDGES_BEFORE)}))?[^\S\n]*$"
)
_INCREMENT_BEFORE = re.compile(rf"(?:^|[^\w])(?:{_words(INCREMENT_WORDS)})[^\S\n]*$")
_COMPARE_AFTER = re.compile(r"(?:^|[^\w])so(?:[^\S\n]+với)?(?!\w)")
_THRESHOLD_BEFORE = re.compile(r"(?:^|[^\w])(?:từ|dưới)[^\S\n]*$")
_HEDGE_BEFORE = re.compile(rf"(?:^|[^\w])(?:{_words(HEDGES_BEFORE)})[^\S\n]*$")
_HEDGE_AFTER = re.compile(rf"[^\S\n]*(?:{_words(HEDGES_AFTER)})(?!\w)")
# Cue words that must start a word: `_cue_in(X_WORDS, …)` answers `(?:^|[^\w])(?:<X>)` searches. The
# words alone open with literals, so the engine skips between them at C speed; a leading `(?:^|[^\w])`
# would make it try every position of the sentence. `_cue_in` checks the boundary before a hit itself.
_TARGET_CUE_WORDS = re.compile(rf"(?:{_words(TARGET_CUES)})(?!\w)")
_HEDGE_CLAUSE_WORDS = re.compile(rf"(?:{_words(HEDGES_IN_CLAUSE)})(?!\w)")
_ACTUAL_CUE_WORDS = re.compile(rf"(?:{_words(ACTUAL_CUES)})")
_WORD_CHAR = re.compile(r"\w")
_TRAILERS = re.compile(rf"(?:[^\S\n]+|^)(?:{_words(INDICATOR_TRAILERS)})[^\S\n]*$")
_CLAUSE_SEP = re.compile(r"[,;(|]")
_NAME_SEP = re.compile(r"[,;:(|]")
_QUOTE_SEP = re.compile(r"[,;:](?!\d)")
_LEAD = re.compile(r"^[\s\-–•*+>:)\]\d.]*")
_PERIOD_NOISE = re.compile(
    r"(?:tính[^\S\n]+)?(?:đến|tới)[^\S\n]+(?:hết[^\S\n]+)?(?:ngày[^\S\n]+)?[0-9]{1,2}[/.-][0-9]{1,2}(?:[/.-][0-9]{2,4})?"
    r"|(?:trong[^\S\n]+)?(?:6|06|9|09|sáu|chín)[^\S\n]+tháng(?:[^\S\n]+(?:đầu|cuối)[^\S\n]+năm)?(?:[^\S\n]+[0-9]{4})?"
    r"|(?:trong[^\S\n]+|đến[^\S\n]+|vào[^\S\n]+)?năm[^\S\n]+[0-9]{4}:?|đến nay|hiện nay|hằng năm|hàng năm"
)
_SPACES = re.compile(r"\s+")
_Y4 = r"((?:19|20)[0-9]{2})(?![0-9])"
# "tăng 10,3% so với năm 2022" in a 2023 figure: versus the previous year, read like "cùng kỳ"
_YOY_YEAR_AFTER = re.compile(
    rf"[^\S\n]*so(?:[^\S\n]+với)?[^\S\n]+(?:cùng[^\S\n]+kỳ[^\S\n]+)?năm[^\S\n]+{_Y4}"
)
# "4,86% đầu nhiệm kỳ", "2,35% cuối năm 2022": a period written right after a number is that number's
_START_AFTER = re.compile(
    r"[ \t\u00a0,(]*(?:vào[^\S\n]+|ở[^\S\n]+|thời[^\S\n]+điểm[^\S\n]+)?đầu[^\S\n]+nhiệm[^\S\n]+kỳ"
)
_FROM_BEFORE = re.compile(r"(?:^|[^\w])từ[^\S\n]*$")
_TO_AFTER = re.compile(r"[^\S\n,]*(?:\(?[^()\n]{0,30}\)?[^\S\n]*)?(?:lên|xuống)(?!\w)")
_FULL_YEAR = re.compile(rf"(?<!\w)cả[^\S\n]+năm(?:[^\S\n]+{_Y4})?")
# "(Nghị quyết đề ra 9 - 10%)", "(Nghị quyết 95%)": the plan figure restated beside a result
_BRACKET_TARGET = re.compile(
    rf"\([^\S\n]*(?:{_words(PLAN_WORDS)})(?:[^\S\n]+(?:đề ra|đặt ra|giao|là|nhiệm kỳ))?[^\S\n]*:?[^\S\n]*$"
)
_YOY_CELL = re.compile(rf"(?<!\w)(?:{_words(YOY_WORDS)})(?!\w)")
_PLAN_CELL = re.compile(rf"(?<!\w)(?:{_words(PLAN_WORDS)})(?!\w)")
_CARRIED_CUE = re.compile(rf"(?:^|[^\w])(?:{_words(CARRIED_TARGET_CUES)})(?!\w)")
_DESTINATION = re.compile(r"(?<!\w)sang(?!\w)")
# "tỷ lệ hộ nghèo … giảm bình quân mỗi năm 0,5%": the reduction, unless "giảm còn/xuống/từ" (a level)
_REDUCTION = re.compile(r"(?<!\w)giảm(?![^\S\n]+(?:còn|xuống|từ)(?!\w))(?!\w)")
_LEVEL_BEFORE = re.compile(r"(?<!\w)(?:còn|xuống)(?!\w)")
_SHARE_WORDS = frozenset({"", "đạt", "đạt tỷ lệ", "tỷ lệ", "chiếm", "chiếm tỷ lệ", "bằng", "đạt tỉ lệ"})
_FOLLOWING_END = re.compile(r"[,;:.()]")
_SEMI_BEFORE = re.compile(r";[^\S\n]*$")
_TAIL_STOP = frozenset(TAIL_STOP_WORDS)
_AREA_PREFIXES: dict[str, tuple[str, ...]] = {"ha": ("diện tích ", ""), "t": ("sản lượng ", ""), "km": ("",)}
# Where a sentence ends, for the running-total scope of `_period`: a line break, or whitespace after
# `.`/`!`/`?` that does not follow a digit (`30.6. 2023`). The stops are indexed once per document; each
# alternative opens with a literal so the engine skips between candidates at C speed.
_SENTENCE_STOPS = re.compile(r"\n|\.(?=\s)(?<!\d.)|!(?=\s)(?<!\d.)|\?(?=\s)(?<!\d.)")
_STOP_AT = re.compile(r"\n|(?<=[.!?])\s")  # a stop at this very position, whatever precedes the mark
_SENTENCE_WINDOW = 1500  # a running total scopes at most this many characters back
_MAX_NAME_WORDS = 9


@dataclass
class _Draft:
    """A mention being built; ratios attach to it before it becomes a Mention."""

    q: Quantity
    sentence: Sentence
    left: int  # where this mention's own words start (previous quantity's end or sentence start)
    entry: CatalogueEntry | None
    indicator: str
    plan_pct: float | None = None
    yoy_pct: float | None = None
    ratio_only: bool = False  # "Chi ngân sách xã ước đạt 50,1% dự toán": a % of plan with no value of its own
    name_start: int | None = None  # where the catalogue name starts, when it is written before the number
    last_end: int = 0  # end of the last quantity folded into this mention (its plan/yoy percentages)
    is_change: bool = False
    host: _Draft | None = None  # the mention before it in the sentence (a change takes its period)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # a few characters (İ) grow when lowercased; keep offsets aligned
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def extract_mentions(
    text: str,
    *,
    title: str | None = None,
    published_at: str | None = None,
    metadata: DocumentMetadata | None = None,
) -> list[Mention]:
    """Every indicator mention in `text`, with offsets into `text`."""
    try:
        return _Extractor(text, title, published_at, metadata).run()
    except Exception:  # dbt calls this on every landed document: log and degrade, never abort the build
        log.exception("mention extraction failed; no mentions for this document")
        return []


_RATE_SIBLINGS: dict[str, CatalogueEntry] | None = None


def _rate_sibling(entry: CatalogueEntry) -> CatalogueEntry | None:
    """The `%` indicator named `tỷ lệ <name>` of a count indicator (`hộ nghèo` -> `tỷ lệ hộ nghèo`)."""
    global _RATE_SIBLINGS
    if _RATE_SIBLINGS is None:
        by_name: dict[str, CatalogueEntry] = {}
        for e in load_catalogue():
            if e.base_unit == "%":
                for name in e.names:
                    by_name.setdefault(normalize_name(name), e)
        siblings = {}
        for e in load_catalogue():
            for name in e.names:
                hit = by_name.get("tỷ lệ " + normalize_name(name))
                if hit is not None and hit is not e:
                    siblings[e.indicator_id] = hit
                    break
        _RATE_SIBLINGS = siblings
    return _RATE_SIBLINGS.get(entry.indicator_id)


class _Extractor:
    def __init__(
        self, text: str, title: str | None, published_at: str | None, metadata: DocumentMetadata | None
    ) -> None:
        self.text = text
        self.text_l = _lower_same_length(text)
        self.meta = metadata or extract_metadata(text, title=title, published_at=published_at)
        self.ref_year = reference_year(self.meta, title, published_at)
        if self.ref_year is None and self.meta.default_period:
            m = re.search(r"(?:19|20)[0-9]{2}", self.meta.default_period)
            self.ref_year = int(m.group()) if m else None
        terms = terms_in(self.text_l[:4000])
        self.term = term_of(self.meta.default_period) or (terms[0] if terms else None)
        if self.term is None and self.meta.terms:
            start, end = self.meta.terms[0].split("-")
            self.term = term_of(f"term-{start}-{end}")
        self.default_period = self.meta.default_period or (str(self.ref_year) if self.ref_year else "unknown")
        self._last_draft: _Draft | None = None
        self._tails: dict[int, list[str]] = {}
        self._stops: list[int] | None = None

    # --- driver -----------------------------------------------------------------------------------

    def run(self) -> list[Mention]:
        quantities = find_quantities(self.text, self.text_l)
        if not quantities:
            return []
        sentences = layout(
            self.text, self.text_l, ref_year=self.ref_year, term=self.term, default_period=self.default_period
        )
        starts = [s.start for s in sentences]
        by_sentence: dict[int, list[Quantity]] = {}
        for q in quantities:
            i = bisect.bisect_right(starts, q.num_start) - 1
            if i >= 0 and q.num_start < sentences[i].end:
                by_sentence.setdefault(i, []).append(q)
        # catalogue names are only ever looked up inside sentences that carry numbers
        self.names = NameIndex(self.text_l, [(sentences[i].start, sentences[i].end) for i in by_sentence])
        out: list[Mention] = []
        for i, qs in by_sentence.items():
            out.extend(self._sentence(sentences[i], qs))
        return out

    def _sentence(self, s: Sentence, qs: list[Quantity]) -> list[Mention]:
        drafts: list[_Draft] = []
        left = s.start
        columns = self._table_columns(s) if "|" in self.text_l[s.start : s.end] else None
        for i, q in enumerate(qs):
            right = qs[i + 1].start if i + 1 < len(qs) else s.end
            role = self._ratio_role(q, left, s) if q.is_pct else None
            host = drafts[-1] if drafts else None
            if role is None and q.is_pct and columns and host is not None:
                column = columns.get(self.text_l.count("|", s.start, q.start))
                if column is not None and not self._own_words(q, left):
                    role = (column, q.value)  # "12 ha | 24% | 80%" under "So KH năm | So cùng kỳ"
            if role is not None and role[0] == "yoy_year":
                # "tăng 8,4% so với năm 2023" folds into the figure before it, else stands alone
                attach = host is not None and not host.q.is_pct and self._attachable(host, q, "yoy")
                role = ("yoy", role[1]) if attach else None
            if (
                role is None
                and q.is_pct
                and host is not None
                and host.q.unit.base_unit == "count"
                and self._is_threshold(q, left)
            ):
                pass  # "03 chỉ tiêu đạt dưới 50%": the bound the counted items fall under
            elif role is not None and role[0] == "threshold":
                pass  # "15 chỉ tiêu đạt từ 50% kế hoạch trở lên": a threshold, not a value
            elif role is not None and host is not None and self._attachable(host, q, role[0]):
                if role[0] == "plan":
                    host.plan_pct = role[1]
                else:
                    host.yoy_pct = role[1]
                host.last_end = q.end
            else:
                subject = None if host is not None or role is not None else self._line_subject(s, q)
                draft = self._draft(q, s, left, right, ratio=role, previous=host or subject)
                if draft is not None and subject is not None and draft.entry is None and not draft.indicator:
                    draft.entry, draft.indicator = subject.entry, subject.indicator
                if draft is not None and host is not None and self._absorbs(draft, host):
                    # "vượt 111,6% kế hoạch, đạt 3.500 triệu đồng": the percentage came first
                    drafts.pop()
                    draft.plan_pct, draft.yoy_pct = host.plan_pct, host.yoy_pct
                    if draft.entry is None:
                        draft.entry, draft.indicator = host.entry, host.indicator
                    draft.name_start = host.name_start if host.name_start is not None else host.q.start
                if draft is not None:
                    drafts.append(draft)
            left = q.end
        if drafts:
            self._last_draft = drafts[-1]
        return [self._finish(d) for d in drafts if d.indicator or d.entry is not None]

    def _line_subject(self, s: Sentence, q: Quantity) -> _Draft | None:
        """`Đầu nhiệm kỳ, thu nhập … là 37,5 triệu đồng; năm 2022 đạt 52,3 triệu đồng`: the subject
        of the previous `;`-item of the same line carries to an item that names none."""
        last = self._last_draft
        if last is None or last.sentence.line_start != s.line_start or last.sentence is s:
            return None
        if not _SEMI_BEFORE.search(self.text_l, s.line_start, s.start):
            return None
        if last.entry is None or last.ratio_only or not compatible(last.entry.base_unit, q.unit.base_unit):
            return None
        own = _PERIOD_NOISE.sub(" ", self.text_l[s.start : q.start])
        if self._clean_name(own) or self.names.between(s.start, q.start):
            return None
        return last

    def _table_columns(self, s: Sentence) -> dict[int, str] | None:
        """Column index -> "plan"/"yoy" from the header of a flattened `a | b | c` table above the row."""
        pos = s.line_start
        for _ in range(40):  # look back over the rows of the table to its header line
            if pos <= 0:
                return None
            prev_start = self.text_l.rfind("\n", 0, pos - 1) + 1
            line = self.text_l[prev_start : pos - 1]
            pos = prev_start
            if line.count("|") < 2:
                return None
            if not re.search(r"[0-9]", line):
                out = {}
                for i, cell in enumerate(line.split("|")):
                    if _YOY_CELL.search(cell):
                        out[i] = "yoy"
                    elif _PLAN_CELL.search(cell):
                        out[i] = "plan"
                return out or None
        return None

    # --- roles ------------------------------------------------------------------------------------

    def _ratio_role(self, q: Quantity, left: int, s: Sentence) -> tuple[str, float] | None:
        """("plan"|"yoy", pct) when the percentage is attainment of plan or versus last year."""
        after = _RATIO_AFTER.match(self.text_l, q.end)
        if after is None:
            return self._yoy_year_role(q, left, s)
        kind = "yoy" if after.group("yoy") else "plan"
        if _HEDGE_AFTER.match(self.text_l, after.end()) or _THRESHOLD_BEFORE.search(
            self.text_l, max(left, q.start - 12), q.start
        ):
            return "threshold", q.value
        before = _RATIO_BEFORE.search(self.text_l, max(left, q.start - 30), q.start)
        value = q.value
        verb = before.group("verb") if before else None
        if verb == "tăng" or (verb == "vượt" and value < 100):
            value = 100.0 + value
        elif verb == "giảm":
            value = 100.0 - value
        if verb is None and kind == "plan" and after.group("plan") in ("nhiệm vụ", "mục tiêu", "chỉ tiêu"):
            return None  # "100% hộ ... chỉ tiêu" without a verb is a share, not attainment
        return kind, value

    def _yoy_year_role(self, q: Quantity, left: int, s: Sentence) -> tuple[str, float] | None:
        """`bằng 103% so với năm 2020` / `tăng 10,3% so với năm 2022` in a figure of the year after."""
        m = _YOY_YEAR_AFTER.match(self.text_l, q.end)
        year = year_of(s.period or self.default_period)
        if m is None or year is None or int(m.group(1)) != year - 1:
            return None
        before = _RATIO_BEFORE.search(self.text_l, max(left, q.start - 30), q.start)
        verb = before.group("verb") if before else None
        if verb is None:
            return None
        value = q.value
        if verb == "tăng" or (verb == "vượt" and value < 100):
            value = 100.0 + value
        elif verb == "giảm":
            value = 100.0 - value
        return "yoy_year", value

    def _is_threshold(self, q: Quantity, left: int) -> bool:
        if not _THRESHOLD_BEFORE.search(self.text_l, max(left, q.start - 12), q.start):
            return False
        return not self._own_words(q, left)

    def _absorbs(self, draft: _Draft, host: _Draft) -> bool:
        if draft.ratio_only or not host.ratio_only:
            return False
        if draft.entry is not None and host.entry is not None and draft.entry is not host.entry:
            return False
        gap = self.text_l[host.q.end : draft.q.start]
        if ";" in gap or len(gap.split()) > 6:
            return False
        return not any(h.n_syllables >= 2 for h in self.names.between(host.q.end, draft.q.start))

    def _attachable(self, host: _Draft, q: Quantity, role: str) -> bool:
        if host.ratio_only:
            return False
        if (role == "plan" and host.plan_pct is not None) or (role == "yoy" and host.yoy_pct is not None):
            return False
        gap = self.text_l[host.q.end : q.start]
        if ";" in gap or len(gap.split()) > 12:
            return False
        # another indicator named in between starts a new subject
        for hit in self.names.between(host.q.end, q.start):
            if hit.n_syllables >= 2 and not _is_plan_name(hit):
                if _CLAUSE_SEP.search(self.text_l, host.q.end, hit.start) is None:
                    continue  # "18 thanh niên nhập ngũ, đạt 100% KH": the host's own noun phrase
                if host.entry is not None and host.entry in hit.entries:
                    continue
                return False
        return True

    # --- one mention --------------------------------------------------------------------------------

    def _draft(
        self,
        q: Quantity,
        s: Sentence,
        left: int,
        right: int,
        ratio: tuple[str, float] | None,
        previous: _Draft | None,
    ) -> _Draft | None:
        base_unit = None if ratio else q.unit.base_unit
        composed = self._composed_entry(q, left) if base_unit == "count" else None
        hit = None
        entry = composed[0] if composed else None
        if entry is None:
            entry, hit = self._choose_entry(q, s, left, right, base_unit)
        if entry is None and previous is not None and previous.entry is not None and base_unit is not None:
            entry = self._inherited_entry(previous, q, base_unit)
        if entry is None and base_unit in _AREA_PREFIXES:
            entry = self._tail_entry(q, self._own_words(q, left).split(), self._tail_words(q, s), s)
        carried = None
        own_hit = hit is not None and _CLAUSE_SEP.search(self.text_l, hit.start, q.num_start) is None
        if base_unit in ("%", "count") and composed is None and not own_hit:
            carried = self._carried_subject(q, s, left, base_unit)
            if carried is not None:
                entry, hit = carried[0], None
        indicator = (
            carried[1] if carried else composed[1] if composed else self._indicator_text(q, s, left, hit)
        )
        is_change = self._is_change(q, left, s)
        if is_change:
            entry = None  # a change or an increment is not the indicator's level
            if q.unit.base_unit == "count" and q.unit.unit not in CLASSIFIER_UNITS:
                indicator = indicator or q.unit.unit  # "tăng 29 đảng viên so đầu nhiệm kỳ"
            elif previous is not None and not self._own_words(q, left):
                indicator = previous.indicator  # "90 triệu đồng (tăng 1,2 lần so năm 2025)"
        share_of = None
        if ratio is None and q.is_pct and not is_change and not own_hit:
            share_of = self._share_of(q, left, previous)
            if share_of is not None:
                # "5 chi bộ hoàn thành xuất sắc nhiệm vụ (23,8%)": the share those counted make up
                indicator = "tỷ lệ " + share_of.indicator
                entry = (_rate_sibling(share_of.entry) if share_of.entry is not None else None) or next(
                    (
                        e
                        for k in range(len(indicator.split()))
                        if (e := lookup_name(" ".join(indicator.split()[k:]), "%")) is not None
                    ),
                    None,
                )
        if not indicator and entry is not None:
            indicator = entry.name_vi.lower()
        draft = _Draft(q=q, sentence=s, left=left, entry=entry, indicator=indicator, last_end=q.end)
        if share_of is not None:
            draft.host = share_of
        draft.is_change = is_change
        if share_of is None:
            draft.host = previous
        if hit is not None and hit.start < q.num_start:
            draft.name_start = hit.start
        if ratio is not None:
            draft.ratio_only = True
            if ratio[0] == "plan":
                draft.plan_pct = ratio[1]
            else:
                draft.yoy_pct = ratio[1]
        return draft

    def _share_of(self, q: Quantity, left: int, previous: _Draft | None) -> _Draft | None:
        """The count a bare percentage right after it is a share of (`371 đồng chí … (81%)`)."""
        if previous is None or previous.ratio_only or previous.q.unit.base_unit != "count":
            return None
        if previous.q.of_total is not None or not previous.indicator:
            return None
        gap = self.text_l[previous.last_end : q.start]
        if ";" in gap or len(gap.split()) > 8:
            return None
        own = self._own_words(q, left)
        return previous if own in _SHARE_WORDS else None

    def _tail_words(self, q: Quantity, s: Sentence) -> list[str]:
        """The noun phrase written right after a quantity (`482 ha lúa`, `2 vụ trộm cắp tài sản`)."""
        cached = self._tails.get(q.end)
        if cached is None:
            cached = self._tails[q.end] = self._read_tail(q, s)
        return cached

    def _read_tail(self, q: Quantity, s: Sentence) -> list[str]:
        sep = _CLAUSE_SEP.search(self.text_l, q.end, s.end)
        raw = self.text_l[q.end : sep.start() if sep else s.end]
        out: list[str] = []
        for word in raw.split():
            word = word.strip(".;:!?\"'“”)")
            if not word or word in _TAIL_STOP or not word[0].isalpha() or len(out) >= 6:
                break
            out.append(word)
        return out

    def _is_conversion(self, q: Quantity, s: Sentence) -> bool:
        sep = _CLAUSE_SEP.search(self.text_l, q.end, s.end)
        return _DESTINATION.search(self.text_l, q.end, sep.start() if sep else s.end) is not None

    def _tail_entry(self, q: Quantity, own: list[str], tail: list[str], s: Sentence) -> CatalogueEntry | None:
        """`482 ha lúa` -> rice_area (`diện tích lúa`); `chuyển đổi 12 ha đất lúa` -> the verb + the noun."""
        if not tail:
            return None
        for n in range(min(3, len(own)), 0, -1):
            if not starts_a_name(own[-n]):
                continue
            for k in range(len(tail), 0, -1):
                entry = lookup_name(" ".join([*own[-n:], *tail[:k]]), q.unit.base_unit)
                if entry is not None and compatible(entry.base_unit, q.unit.base_unit):
                    return entry
        if self._is_conversion(q, s):
            return None
        for prefix in _AREA_PREFIXES.get(q.unit.base_unit, ()):
            if not starts_a_name(prefix.split()[0] if prefix else tail[0]):
                continue
            for k in range(len(tail), 0, -1):
                entry = lookup_name(prefix + " ".join(tail[:k]), q.unit.base_unit)
                if entry is not None and compatible(entry.base_unit, q.unit.base_unit):
                    return entry
        return None

    def _composed_entry(self, q: Quantity, left: int) -> tuple[CatalogueEntry, str] | None:
        """`thành lập mới 01 doanh nghiệp` -> `thành lập mới doanh nghiệp`: a name around the number."""
        seg_start = left
        for m in _NAME_SEP.finditer(self.text_l, left, q.start):
            seg_start = m.end()
        words = self.text_l[seg_start : q.start].split()[-4:]
        unit = q.unit.unit
        stop = _FOLLOWING_END.search(self.text_l, q.end, q.end + 60)
        following = self.text_l[q.end : stop.start() if stop else q.end + 60].split()[:6]
        tails = [following[:k] for k in range(len(following), -1, -1)]
        for n in range(len(words), -1, -1):
            if not starts_a_name(words[len(words) - n] if n else unit.split()[0]):
                continue
            for tail in tails if n else tails[:-1]:
                name = " ".join([*words[len(words) - n :], unit, *tail])
                entry = lookup_name(name, "count")
                if entry is not None and entry.base_unit == "count":
                    return entry, name
        return None

    def _own_words(self, q: Quantity, left: int) -> str:
        seg_start = left
        for m in _NAME_SEP.finditer(self.text_l, left, q.start):
            seg_start = m.end()
        return self._clean_name(self.text_l[seg_start : q.start])

    def _is_change(self, q: Quantity, left: int, s: Sentence) -> bool:
        """`tăng 8 tỷ so với CK`, `tăng 1,2 lần`, `có thêm 02 trường`: changes, not levels."""
        before = self.text_l[max(left, q.start - 25) : q.start]
        if _CHANGE_BEFORE.search(before):
            sep = _CLAUSE_SEP.search(self.text_l, q.end, s.end)
            after = self.text_l[q.end : sep.start() if sep else s.end]
            return q.unit.unit == "lần" or bool(_COMPARE_AFTER.search(after))
        return q.unit.base_unit == "count" and q.of_total is None and bool(_INCREMENT_BEFORE.search(before))

    def _carried_subject(
        self, q: Quantity, s: Sentence, left: int, base_unit: str
    ) -> tuple[CatalogueEntry, str] | None:
        """`chi bộ hoàn thành xuất sắc nhiệm vụ 15%, hoàn thành tốt nhiệm vụ 85%`: the subject carries."""
        seg_start = left
        for m in _NAME_SEP.finditer(self.text_l, left, q.start):
            seg_start = m.end()
        own = self._clean_name(self.text_l[seg_start : q.start])
        if len(own.split()) < 2 or seg_start <= s.start:
            return None
        if lookup_name(own, base_unit) is not None:
            return None
        for hit in reversed(self.names.between(s.start, seg_start)):
            words = _SPACES.sub(" ", self.text_l[hit.start : hit.end]).split()
            for k in range(1, min(3, len(words)) + 1):
                name = " ".join([*words[:k], own])
                entry = lookup_name(name, base_unit)
                if entry is not None and entry.base_unit == base_unit:
                    return entry, own
        return None

    def _inherited_entry(self, previous: _Draft, q: Quantity, base_unit: str) -> CatalogueEntry | None:
        """A number continuing the previous one's subject: `từ 10% năm 2020 xuống còn 8,58%`, `chiếm 1,87%`"""
        if any(h.n_syllables >= 2 for h in self.names.between(previous.q.end, q.start)):
            return None
        gap = self.text_l[previous.q.end : q.start]
        if ";" in gap or len(gap.split()) > 8 or previous.entry is None:
            return None
        if base_unit == "count" and (q.unit.unit != previous.q.unit.unit or len(gap.split()) > 4):
            return None  # "4 lượt chi bộ và giám sát 4 chi bộ": counts of different things
        if base_unit == "%" and _LEVEL_BEFORE.search(gap) and "giảm" in previous.indicator.split():
            # "Giảm tỷ lệ hộ nghèo 0,5% (còn dưới 1,5%)": the level the rate falls to
            level = lookup_name(" ".join(w for w in previous.indicator.split() if w != "giảm"), "%")
            if level is not None and level is not previous.entry:
                return level
        if compatible(previous.entry.base_unit, base_unit) and not previous.ratio_only:
            return previous.entry
        if base_unit == "%":
            return _rate_sibling(previous.entry)
        return None

    def _choose_entry(
        self, q: Quantity, s: Sentence, left: int, right: int, base_unit: str | None
    ) -> tuple[CatalogueEntry | None, NameHit | None]:
        text_l = self.text_l
        right_limit = right
        sep = _CLAUSE_SEP.search(text_l, q.end, s.end)
        clause_end = sep.start() if sep else s.end
        dest = _DESTINATION.search(text_l, q.end, clause_end)
        best: tuple[tuple[int, int, int], CatalogueEntry, NameHit] | None = None
        for hit in self.names.between(left, right_limit):
            if hit.end <= q.num_start:
                same_clause = _CLAUSE_SEP.search(text_l, hit.end, q.num_start) is None
                rank = 1 if same_clause else 3
                distance = q.num_start - hit.end
                if same_clause and distance <= 8 and hit.n_syllables >= 3:
                    rank, distance = (
                        0,
                        -1,
                    )  # "kết nạp đảng viên mới cho 6 quần chúng": the name right before wins
            elif hit.start >= q.num_start and hit.start < q.end:
                if hit.end > clause_end and hit.start < clause_end and not _has_comma_name(hit):
                    continue  # "14 đơn thư, đã giải quyết 12 đơn": a name may not run into the next clause
                rank, distance = 0, 0
            elif dest is not None and hit.start >= dest.start():
                continue  # "chuyển 28 ha lúa sang trồng cây ăn quả": the destination does not name the area
            elif hit.start >= q.end and hit.start <= clause_end:
                rank, distance = 2, hit.start - q.end
            else:
                continue
            entry = pick_entry(hit.entries, base_unit)
            if entry is not None and entry.base_unit == "kg/person/year" and not q.unit.unit.startswith("kg"):
                # grain per head is written in kg; "7.120 tấn" is the commune's output
                entry = next((e for e in hit.entries if e.base_unit == "t"), None)
            if entry is None and base_unit == "%":
                for candidate in hit.entries:
                    sibling = _rate_sibling(candidate)
                    if sibling is not None:
                        entry = sibling
                        break
            if entry is None:
                continue
            # "ban hành 74 nghị quyết" after "(… 05 kỳ họp chuyên đề)": a specific noun names its subject
            if (
                rank >= 2
                and base_unit == "count"
                and q.unit.unit not in GENERIC_COUNT_UNITS
                and q.unit.unit not in _expand(text_l[hit.start : hit.end])
            ):
                continue
            key = (rank, distance, -hit.n_syllables)
            if best is None or key < best[0]:
                best = (key, entry, hit)
        if best is None:
            return None, None
        entry, hit = best[1], best[2]
        if base_unit == "%" and hit.end <= q.num_start and _REDUCTION.search(text_l, hit.end, q.num_start):
            # "Tỷ lệ hộ nghèo (…) giảm bình quân mỗi năm 0,5%": the reduction of the rate
            name = _SPACES.sub(" ", text_l[hit.start : hit.end])
            for phrase in (f"{name} giảm", f"giảm {name}"):
                reduction = lookup_name(phrase, "%")
                if reduction is not None and reduction is not entry:
                    return reduction, hit
        return entry, hit

    def _indicator_text(self, q: Quantity, s: Sentence, left: int, hit: NameHit | None) -> str:
        if hit is not None:
            return _SPACES.sub(" ", self.text_l[hit.start : hit.end]).strip(" ,;:")
        seg_start = left
        for m in _NAME_SEP.finditer(self.text_l, left, q.start):
            seg_start = m.end()
        name = self._clean_name(self.text_l[seg_start : q.start])
        if not name and "|" in self.text_l[s.start : q.start]:
            # a flattened table row "1 | Lúa xuân | 1.250 ha | …": the name is the cell before
            cells = [self._clean_name(c) for c in self.text_l[s.start : q.start].split("|")]
            name = next((c for c in reversed(cells) if c and not c.replace(".", "").isdigit()), "")
        elif not name and seg_start > left:
            name = self._clean_name(
                self.text_l[left : q.start].split(",")[-2] if "," in self.text_l[left : q.start] else ""
            )
        if q.unit.unit in CLASSIFIER_UNITS:
            # "tổ chức tốt 02 đợt sinh hoạt chính trị": the counted thing follows the measure word
            sep = _CLAUSE_SEP.search(self.text_l, q.end, s.end)
            counted = self._clean_name(self.text_l[q.end : sep.start() if sep else s.end], tail=True)
            tail_words = counted.split()[:4]
            if tail_words:
                return " ".join([q.unit.unit, *tail_words])
        tail = self._tail_words(q, s)
        if q.unit.base_unit == "count":
            noun = q.unit.unit.split(" ", 1)[1] if q.unit.factor != 1.0 else q.unit.unit  # "nghìn con"
            name = " ".join([*name.split(), noun, *tail])
        elif tail and q.unit.base_unit in _AREA_PREFIXES:
            name = " ".join([*name.split(), *tail])  # "vụ xuân gieo cấy 482 ha lúa"
        elif not name:
            sep = _CLAUSE_SEP.search(self.text_l, q.end, s.end)
            after = self.text_l[q.end : sep.start() if sep else s.end]
            name = self._clean_name(
                _RATIO_AFTER.sub("", after, count=1) if _RATIO_AFTER.match(after) else after, tail=True
            )
        return name

    @staticmethod
    @lru_cache(maxsize=1 << 14)  # pure; one segment is cleaned several times per mention (own words, name)
    def _clean_name(raw: str, tail: bool = False) -> str:
        name = _PERIOD_NOISE.sub(" ", raw)
        name = _SPACES.sub(" ", name).strip(" .,;:-–()[]\"'“”*")
        name = _LEAD.sub("", name)
        for _ in range(6):
            new = _TRAILERS.sub("", name).strip(" ,;:-–")
            if new == name:
                break
            name = new
        words = name.split()
        if len(words) > _MAX_NAME_WORDS:
            words = words[:_MAX_NAME_WORDS] if tail else words[-_MAX_NAME_WORDS:]
        return " ".join(words)

    # --- kind, period, hedge ------------------------------------------------------------------------

    def _kind(self, d: _Draft) -> str:
        s, q = d.sentence, d.q
        if self._bracket_target(s, q):
            return "target"
        text_l = self.text_l
        if (
            s.line_start < s.start
            and _SEMI_BEFORE.search(self.text_l, s.line_start, s.start)
            and _CARRIED_CUE.search(self.text_l, s.line_start, s.start)
        ):
            # "phấn đấu tổng giá trị sản xuất tăng 10,5%; thu nhập … đạt 61 triệu đồng": the cue carries
            return "target"
        if s.kind == "target":
            if _cue_in(_ACTUAL_CUE_WORDS, text_l, s.start, q.start) and not _cue_in(
                _TARGET_CUE_WORDS, text_l, s.start, q.start
            ):
                return "actual"
            return "target"
        if _cue_in(_TARGET_CUE_WORDS, text_l, s.start, q.start):
            for m in TARGET_YEAR_RE.finditer(text_l[s.start : q.start]):
                if self.ref_year and int(m.group(1)) <= self.ref_year:
                    return "actual"
            return "target"
        return "actual"

    def _period(self, d: _Draft, kind: str) -> str:
        if d.is_change and d.host is not None and not YEAR_AFTER_RE.match(self.text_l, d.q.end):
            return self._period(d.host, self._kind(d.host))
        q, s = d.q, d.sentence
        text_l = self.text_l
        base = s.period or self.default_period
        if base.startswith("term-") and self._bracket_target(s, q):
            return base[:14]  # "(Nghị quyết đề ra 9 - 10%)" in a term review: the whole-term target
        after = YEAR_AFTER_RE.match(text_l, q.end)
        if after:
            return after.group(1)
        if self.term is not None and (_START_AFTER.match(text_l, q.end) or self._parallel_start(d)):
            return f"{self.term.code}-start"
        left = d.left
        if left > s.start:
            # "giảm từ 4,86% đầu nhiệm kỳ xuống còn 2,35%": the previous number's period is not this one's
            attached = YEAR_AFTER_RE.match(text_l, left) or _START_AFTER.match(text_l, left)
            if attached is not None and attached.end() <= q.start:
                left = attached.end()
        full = None
        if text_l.find("cả", left, q.start) >= 0:  # the literal _FULL_YEAR needs: skip the scan without it
            for match in _FULL_YEAR.finditer(text_l, left, q.start):
                full = match
        if full is not None:
            year = full.group(1) or (str(year_of(base)) if year_of(base) else None)
            if year:
                return year  # "ước cả năm 2024" in a nine-month report
        region = text_l[left : q.start]
        label = YEAR_LABEL_RE.match(text_l, s.start, q.start)
        if label:
            return label.group(1)
        clause_start = d.left
        for m in _CLAUSE_SEP.finditer(text_l, d.left, q.start):
            clause_start = m.end()
        found = phrase_period(region, self.ref_year, self.term)
        if found is not None:
            offset, code = found
            if not code.isdigit():
                return code
            if left + offset >= clause_start:
                year = int(code)
                if kind == "target" or base.startswith("term-") or str(year) not in base:
                    return code
        # a running total ("Tổng thu ngân sách đến 30/6/2023 …; thu NSNN …") scopes its whole sentence
        lo = max(0, q.start - _SENTENCE_WINDOW)
        if text_l.find("đến", lo, q.start) < 0 and text_l.find("tới", lo, q.start) < 0:
            return base  # AS_OF_RE needs "đến" or "tới"
        sent_start = self._sentence_start(q.start)
        for m in as_of_matches(text_l, sent_start, q.start):
            code2 = as_of(m, self.ref_year)
            if code2:
                return code2
        return base

    def _bracket_target(self, s: Sentence, q: Quantity) -> bool:
        lo = max(s.start, q.start - 40)
        # _BRACKET_TARGET opens with "(": without one in reach there is nothing to scan for
        return self.text_l.find("(", lo, q.start) >= 0 and bool(
            _BRACKET_TARGET.search(self.text_l, lo, q.start)
        )

    def _sentence_start(self, pos: int) -> int:
        """After the last line break or full stop within `_SENTENCE_WINDOW` characters before `pos`."""
        text_l = self.text_l
        if self._stops is None:
            # a stop after a digit (`30.6. 2023`) is not one, unless that digit lies before the window
            self._stops = [
                m.start() if m.group() == "\n" else m.end() for m in _SENTENCE_STOPS.finditer(text_l)
            ]
        lo = max(0, pos - _SENTENCE_WINDOW)
        i = bisect.bisect_left(self._stops, pos) - 1
        stop = self._stops[i] if i >= 0 and self._stops[i] >= lo else -1
        if stop == lo and text_l[stop] != "\n":
            stop = -1  # its full stop lies before the window
        if stop < lo + 1 < pos and _STOP_AT.match(text_l, lo + 1):
            stop = lo + 1  # a full stop right at the window's start, whatever precedes it
        return stop + 1 if stop >= 0 else lo

    def _parallel_start(self, d: _Draft) -> bool:
        """`tăng từ 36% lên 40,4%` beside `giảm từ 32,5% đầu nhiệm kỳ xuống …`: the `từ X` is the baseline."""
        q, s = d.q, d.sentence
        if not _FROM_BEFORE.search(self.text_l, max(s.start, q.start - 8), q.start):
            return False
        if not _TO_AFTER.match(self.text_l, q.end):
            return False
        line_end = self.text_l.find("\n", q.end)
        line = self.text_l[s.line_start : line_end if line_end >= 0 else len(self.text_l)]
        return _START_AFTER.search(line) is not None

    def _approx(self, d: _Draft) -> bool:
        q = d.q
        if q.comparator:
            return True
        if _HEDGE_BEFORE.search(self.text_l, max(d.left, q.start - 20), q.start):
            return True
        if _HEDGE_AFTER.match(self.text_l, q.end):
            return True
        return _cue_in(_HEDGE_CLAUSE_WORDS, self.text_l, d.left, q.start, slice_start=False)

    def _finish(self, d: _Draft) -> Mention:
        q = d.q
        kind = self._kind(d)
        period = self._period(d, kind)
        if d.ratio_only:
            unit, base_unit, factor = "%", "%", 1.0
        else:
            unit = q.unit.unit
            expected = d.entry.base_unit if d.entry is not None else None
            base_unit, factor = rebase(q.unit.base_unit, q.unit.factor, expected)
            if d.is_change and q.unit.unit == "lần":
                base_unit = "other"  # "tăng 1,2 lần": a multiplier
        value = q.value
        if d.ratio_only:
            value = d.plan_pct if d.plan_pct is not None else (d.yoy_pct or q.value)
        start, end = self._quote_span(d)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Mention(
            indicator=d.indicator,
            indicator_id=d.entry.indicator_id if d.entry is not None else None,
            value=value,
            value_high=q.value_high,
            of_total=q.of_total,
            unit=unit,
            base_value=value * factor,
            base_unit=base_unit,
            plan_pct=d.plan_pct,
            yoy_pct=d.yoy_pct,
            approx=self._approx(d),
            kind=kind,  # type: ignore[arg-type]
            period=period,
            quote=self.text[start:end],
            start=start,
            end=end,
        )

    def _quote_span(self, d: _Draft) -> tuple[int, int]:
        """The clause of the mention: from the clause (or its name) before the number to the next break."""
        s, q = d.sentence, d.q
        start = s.start
        for m in _QUOTE_SEP.finditer(self.text_l, s.start, q.start):
            start = m.end()
        if d.name_start is not None and s.start <= d.name_start < start:
            start = d.name_start
        sep = _QUOTE_SEP.search(self.text_l, d.last_end, s.end)
        end = sep.start() if sep else s.end
        return start, end


def _cue_in(words: re.Pattern[str], text_l: str, lo: int, hi: int, *, slice_start: bool = True) -> bool:
    r"""Whether `(?:^|[^\w])(?:<words>)` matches between `lo` and `hi`, without slicing.

    With `slice_start` this is a search of `text_l[lo:hi]` (`^` holds at `lo`); without, a search of
    `text_l` from `pos=lo` (`^` holds only at 0, and the non-word character must lie at or after `lo`).
    """
    pos = lo
    while (m := words.search(text_l, pos, hi)) is not None:
        p = m.start()
        if p == 0 or (p == lo and slice_start) or (p > lo and not _WORD_CHAR.match(text_l, p - 1)):
            return True
        pos = p + 1
    return False


def _expand(name: str) -> str:
    """Abbreviations spelled out (`gcnqsd đất` -> `giấy chứng nhận quyền sử dụng đất`)."""
    return " ".join(ABBREVIATIONS.get(w, w) for w in name.split())


def _has_comma_name(hit: NameHit) -> bool:
    """Whether the name found may contain a comma (`công ty, doanh nghiệp`, `thu gom, xử lý`)."""
    return any("," in name for e in hit.entries for name in e.names)


def _is_plan_name(hit: NameHit) -> bool:
    return all(e.indicator_id.startswith("plan_targets") for e in hit.entries)


__all__ = ["compatible", "extract_mentions"]
