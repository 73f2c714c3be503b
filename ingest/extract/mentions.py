"""Indicator mentions from cleaned report text: value, unit, plan/yoy attainment, kind, period, quote.

The text is read once: quantities (number + unit) are found by `numbers`, catalogue names by
`indicators`, sentences and section headings by `layout`. Each quantity then becomes either a mention
of its own or the plan/yoy percentage of the mention before it (`1.936 tấn, đạt 60% kế hoạch và
bằng 114% cùng kỳ` is one mention): `roles` decides which, `naming` names a mention, `kinds` and
`timing` give its kind and period. The function is pure. A bug raises (it never hides as an empty
result): the dbt model records the error per document and retries it at the next build.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Literal

from ingest.extract.catalogue import CatalogueEntry, lookup_name
from ingest.extract.context import PERIOD_NOISE, Doc, Draft, clean_name, words_alt
from ingest.extract.indicators import NameIndex, compatible, longest_named
from ingest.extract.kinds import after_semicolon, is_approx, kind_of, period_kind
from ingest.extract.layout import Sentence, layout
from ingest.extract.learned import kinds as learned_kinds
from ingest.extract.learned import periods as learned_periods
from ingest.extract.learned.ids import learned_id
from ingest.extract.learned.names import chosen_name, kept_mentions
from ingest.extract.lists import link
from ingest.extract.naming import (
    attainment_entry,
    draft_mention,
    extend_with_qualifier,
    represented_members,
    spelled_product,
    unit_sibling,
    with_criteria_programme,
    with_subject,
    without_restated_measure,
)
from ingest.extract.numbers import Quantity, find_quantities
from ingest.extract.plan_counts import bracketed_items
from ingest.extract.resolve import (
    disbursed_investment,
    document_ids,
    heading_season,
    in_context,
    in_season,
    narrowed,
    refined,
    resolve,
    sector_share,
    shares_subject,
    uncatalogued,
    without_place_names,
)
from ingest.extract.roles import (
    Role,
    absorbs,
    attachable,
    attained_level,
    bare_attainment,
    is_threshold,
    qualifies,
    ratio_role,
    retained_share,
    table_columns,
    uncounted_band,
)
from ingest.extract.scan import after_last
from ingest.extract.sector_parts import with_growth_contribution, with_sector_share
from ingest.extract.shared_figures import split_joint, split_shared
from ingest.extract.stacked_tables import Cell, stacked_cells
from ingest.extract.tiers import without_tier_ids
from ingest.extract.timing import period_of, plan_year, restated_headline_periods
from ingest.extract.units import id_base_unit, rebase
from ingest.extract.vocab import COUNT_UNITS, PLACE_UNIT_NOUNS, QUOTE_LINK_WORDS
from ingest.records import DocumentMetadata, Mention

# a count of places (`xã`, `thôn, xóm`): never a count of something else
_PLACE_UNITS = frozenset(u for u in COUNT_UNITS if u.split(",")[0].strip() in PLACE_UNIT_NOUNS)
_BARE_ITEM_GAP = re.compile(r"[^\S\n]*[;.][^\S\n]*(?:ước[^\S\n]+)?(?:đạt|bằng)[^\S\n]*")
_QUOTE_SEP = re.compile(r"[,;:](?!\d)")
_QUOTE_SEP_CHARS = ",;:"  # _QUOTE_SEP's characters, for `after_last` (with `str.isdecimal` for `(?!\d)`)
# a clause that goes on from the one before its comma (`…, đạt 11/19 tiêu chí`): `vocab.QUOTE_LINK_WORDS`
_QUOTE_LINK = re.compile(rf"[^\S\n]*(?:{words_alt(QUOTE_LINK_WORDS)})(?!\w)")


def extract_mentions(
    text: str,
    *,
    title: str | None = None,
    published_at: str | None = None,
    metadata: DocumentMetadata | None = None,
) -> list[Mention]:
    """Every indicator mention in `text`, with offsets into `text`."""
    return _Extractor(Doc.read(text, title, published_at, metadata), title).run()


class _Extractor:
    """The driver: quantities by sentence, each a new mention or a role of the one before it."""

    def __init__(self, doc: Doc, title: str | None = None) -> None:
        self.doc = doc
        self.title = title  # the page's headline, wherever the text prints it (`layout`)
        self._last_draft: Draft | None = None

    def run(self) -> list[Mention]:
        doc = self.doc
        quantities = find_quantities(doc.text, doc.text_l)
        cells = stacked_cells(doc.text_l, doc.ref_year, doc.term)
        if cells:
            # a table flattened to one cell per line is read by its columns, not as sentences
            spans = [(c.label_start, c.end) for c in cells]
            quantities = [q for q in quantities if not any(a <= q.num_start < b for a, b in spans)]
        if not quantities and not cells:
            return []
        sentences = layout(
            doc.text,
            doc.text_l,
            ref_year=doc.ref_year,
            term=doc.term,
            default_period=doc.default_period,
            title=self.title,
            page_year=doc.page_date[0] if doc.page_date else None,
        )
        starts = [s.start for s in sentences]
        by_sentence: dict[int, list[Quantity]] = {}
        for q in quantities:
            i = bisect.bisect_right(starts, q.num_start) - 1
            if i >= 0 and q.num_start < sentences[i].end:
                by_sentence.setdefault(i, []).append(q)
        # catalogue names are only ever looked up inside sentences that carry numbers
        doc.index_headings([(s.start, s.end) for s in sentences if s.is_heading])
        doc.names = NameIndex(doc.text_l, [(sentences[i].start, sentences[i].end) for i in by_sentence])
        drafts: list[Draft] = []
        for i, qs in by_sentence.items():
            drafts.extend(self._sentence(sentences[i], qs))
        link(doc, drafts)  # breakdowns (`trong đó …`) and shared list heads, across sentences
        for d in drafts:
            with_criteria_programme(doc, d)  # "số tiêu chí đạt": the new-rural programme's criteria
            with_subject(doc, d)  # "số vụ" -> "số vụ phạm pháp hình sự": the clause's subject (names15)
            without_restated_measure(d)  # "tỷ lệ xã … phấn đấu giảm tỷ lệ hộ nghèo": the object (names18)
            spelled_product(d)  # "grdp … đạt 14.632 tỷ đồng": the total product spelled out (names23b)
            represented_members(doc, d)  # "… đại biểu đại diện cho 1.345 đảng viên": the members (names23b)
            with_growth_contribution(doc, d)  # "đóng góp 0,4 điểm phần trăm": the sector's (names18)
            with_sector_share(doc, d)  # "dịch vụ …, chiếm tỷ trọng 39%": the sector's share (names18)
        drafts = split_shared(doc, drafts)  # "A, B và C đều đạt 100%": one figure per subject
        drafts = split_joint(doc, drafts)  # "90% tổ chức Đảng và đảng viên …": one fact per indicator
        kept = [d for d in drafts if d.indicator or d.entry is not None]
        _with_item_heads(doc, kept)  # "… 3.232,5 ha ngô, tăng 7,3%; 92,2 ha khoai lang": the list's head
        position = {id(d): n for n, d in enumerate(kept)}
        # a tier of a tier list is not the id of the whole ("hoàn thành tốt 85%, xuất sắc 15%")
        finished = without_tier_ids(doc, kept, [_finish(doc, d, position) for d in kept])
        finished = document_ids(finished, doc.text)  # a total by its breakdown, a restated figure (ids11)
        found = kept_mentions(doc, kept, finished)
        found = restated_headline_periods(doc.text_l, self.title, found)  # the headline's figures (periods23)
        return found + [_cell_mention(doc, c) for c in cells]

    def _sentence(self, s: Sentence, qs: list[Quantity]) -> list[Draft]:
        doc = self.doc
        drafts: list[Draft] = []
        left = s.start
        columns = table_columns(doc, s) if "|" in doc.text_l[s.start : s.end] else None
        # the figure of the `;`-item before, when this one opened with that figure's ratio
        item_host: Draft | None = None
        for i, q in enumerate(qs):
            if bracketed_items(doc, q, left):
                left = q.end  # "Về kinh tế (11 chỉ tiêu)": a target list's heading count, no figure
                continue
            right = qs[i + 1].start if i + 1 < len(qs) else s.end
            pct = q.is_pct
            if pct and i + 1 < len(qs) and retained_share(doc, q, qs[i + 1]):
                continue  # "thu thụ hưởng 100% được 93,7 triệu đồng": which revenue, part of its name
            role = ratio_role(doc, q, left, s) if pct else None
            if role is not None and role[0] is Role.THRESHOLD:
                # "15 chỉ tiêu đạt từ 50% kế hoạch trở lên" names the count before it (`_with_bound`);
                # elsewhere a bound is the figure itself: "giảm tỷ lệ hộ nghèo xuống dưới 4% theo chỉ
                # tiêu" (precision15: skipping it dropped 2 dev facts and no spurious mention)
                role = None
            host = drafts[-1] if drafts else None
            across = None
            if host is None and role is not None and role[0] in (Role.PLAN, Role.YOY):
                across = self._item_before(s, q, role[0])  # "… 235 tỷ đồng; đạt 24% dự toán"
            if role is None and pct and host is not None and bare_attainment(doc, host, q, left):
                role = (Role.PLAN, q.value)  # "22,71 tỷ đồng, đạt 87,52%": of the figure's plan
            if role is None and q.is_pct and columns and host is not None:
                column = columns.get(doc.text_l.count("|", s.start, q.start))
                if column is not None and not doc.own_words(q, left):
                    role = (column, q.value)  # "12 ha | 24% | 80%" under "So KH năm | So cùng kỳ"
            if role is not None and role[0] is Role.YOY_YEAR:
                # "tăng 8,4% so với năm 2023" folds into the figure before it, else stands alone
                attach = host is not None and not host.q.is_pct and attachable(doc, host, q, Role.YOY)
                role = (Role.YOY, role[1]) if attach else None
            if host is not None and qualifies(doc, host, q):
                extend_with_qualifier(doc, host, q)  # "01 xã đạt 19 tiêu chí": which xã are counted
            elif (
                role is None
                and q.is_pct
                and host is not None
                and host.q.unit.base_unit == "count"
                and is_threshold(doc, q, left)
            ):
                # "03 chỉ tiêu đạt dưới 50%": the bound the counted items fall under, part of their name
                _with_bound(doc, host, q, left)
            elif role is None and q.unit.base_unit == "count" and uncounted_band(doc, q, left):
                pass  # "Không còn xã dưới 10 tiêu chí": a band of units no figure counts (names7)
            elif role is not None and across is not None:
                if role[0] is Role.PLAN:
                    across.plan_pct = role[1]
                else:
                    across.yoy_pct = role[1]
                across.last_end = q.end
                item_host = across
            elif role is not None and role[0] is Role.YOY and (level := attained_level(doc, host, q)):
                # "… 6.481 tỷ đồng, đạt 51,2% dự toán …, 46,1% dự toán HĐND tỉnh giao và 92,6% so với cùng
                # kỳ": the figure's, past its plan phrase (the gold rules: yoy_pct is the ratio form)
                level.yoy_pct = role[1]
                level.last_end = q.end
            elif role is not None and host is not None and attachable(doc, host, q, role[0]):
                level = host.quote_from if host.is_change else None
                if role[0] is Role.PLAN and level is not None and level.plan_pct is None:
                    # "1,260 tỷ đồng, tăng 21,2% so với năm 2017, đạt 126% kế hoạch": the plan is the
                    # level's, not its change's (names9)
                    host = level
                if role[0] is Role.PLAN:
                    host.plan_pct = role[1]
                else:
                    host.yoy_pct = role[1]
                host.last_end = q.end
            else:
                subject = None if host is not None or role is not None else self._line_subject(s, q)
                previous = host or subject or item_host
                draft = draft_mention(doc, q, s, left, right, ratio=role, previous=previous)
                if subject is not None and draft.entry is None and not draft.indicator:
                    draft.entry, draft.indicator = subject.entry, subject.indicator
                if host is not None and absorbs(doc, draft, host):
                    # "vượt 111,6% kế hoạch, đạt 3.500 triệu đồng": the percentage came first
                    drafts.pop()
                    draft.plan_pct, draft.yoy_pct = host.plan_pct, host.yoy_pct
                    if draft.entry is None:
                        draft.entry, draft.indicator = host.entry, host.indicator
                    draft.name_start = host.name_start if host.name_start is not None else host.q.start
                drafts.append(draft)
            left = q.end
        if drafts:
            self._last_draft = drafts[-1]
        return drafts

    def _item_before(self, s: Sentence, q: Quantity, role: Role) -> Draft | None:
        """The figure ending the `;`-item or sentence of the same line right before one that opens with
        a bare attainment (`… ước thực hiện là 235 tỷ đồng; đạt 24% dự toán`, `… lúa là 115/116 ha. Đạt
        99,13% so với kế hoạch`)."""
        last = self._last_draft
        if last is None or last.sentence.line_start != s.line_start or last.sentence is s:
            return None
        if (
            last.ratio_only
            or last.q.is_pct
            or (last.plan_pct if role is Role.PLAN else last.yoy_pct) is not None
        ):
            return None
        if not _BARE_ITEM_GAP.fullmatch(self.doc.text_l, last.last_end, q.start):
            return None
        return last

    def _line_subject(self, s: Sentence, q: Quantity) -> Draft | None:
        """`Đầu nhiệm kỳ, thu nhập … là 37,5 triệu đồng; năm 2022 đạt 52,3 triệu đồng`: the subject
        of the previous `;`-item of the same line carries to an item that names none."""
        doc, last = self.doc, self._last_draft
        if last is None or last.sentence.line_start != s.line_start or last.sentence is s:
            return None
        if not after_semicolon(doc.text_l, s.line_start, s.start):
            return None
        if last.entry is None or last.ratio_only or not compatible(last.entry.base_unit, q.unit.base_unit):
            return None
        own = PERIOD_NOISE.sub(" ", doc.text_l[s.start : q.start])
        if clean_name(own) or doc.names.between(s.start, q.start):
            return None
        return last


_BOUND = re.compile(r"(?:đạt[^\S\n]+)?(?:từ|dưới)[^\S\n]*$")
_BOUND_AFTER = re.compile(r"[^\S\n]*(?:kế hoạch|kh|dự toán)?[^\S\n]*trở[^\S\n]+(?:lên|xuống)")


def _with_bound(doc: Doc, host: Draft, q: Quantity, left: int) -> None:
    """`2 xã thu đạt từ 60% trở lên`: the count is named with the bound its units reached."""
    bound = _BOUND.search(doc.text_l, left, q.start)
    if bound is None or not host.indicator:
        return
    end = q.end
    after = _BOUND_AFTER.match(doc.text_l, end)
    if after is not None:
        end = after.end()
    phrase = " ".join(doc.text_l[bound.start() : end].split())
    if phrase not in host.indicator:
        host.indicator = f"{host.indicator} {phrase}"
    host.last_end = max(host.last_end, end)


def _finish(doc: Doc, d: Draft, position: dict[int, int]) -> Mention:
    q = d.q
    # the rules' kind and period, each overridden where its learned model is confident (round 8)
    kind = learned_kinds.kind(doc, d, kind_of(doc, d))
    dated_as = period_kind(doc, d, kind)
    code = period_of(doc, d, dated_as)
    if kind == "target" and dated_as == "actual":
        code = plan_year(code)  # a plan amount dated as the results: a plan is for their whole year
    period = learned_periods.period(doc, d, kind, code)
    entry, plan_pct, yoy_pct = d.entry, d.plan_pct, d.yoy_pct
    if d.ratio_only:
        # "Chi ngân sách xã ước đạt 50,1% dự toán": the only figure is the attainment; it is the
        # value (in %), never the indicator's own value in VND: its own `…_plan_attainment` id or none
        unit, base_unit, factor = "%", "%", 1.0
        # a change on its own ("tăng 18% so với cùng kỳ") is the change as written (the gold rules)
        value = d.plan_pct if d.plan_pct is not None else q.value
        entry = attainment_entry(entry) if d.plan_pct is not None else None
        plan_pct = yoy_pct = None
    else:
        unit = q.unit.unit
        expected = entry.base_unit if entry is not None else None
        base_unit, factor = rebase(q.unit.base_unit, q.unit.factor, expected)
        if d.is_change and q.unit.unit == "lần":
            base_unit = "other"  # "tăng 1,2 lần": a multiplier
        value = q.value
    seen = entry  # the first id a rule saw, before the rules below veto or replace it
    if entry is not None and entry.base_unit != base_unit:
        entry = unit_sibling(entry, base_unit)  # one unit per indicator: the right one, or none
    if entry is not None and q.unit.unit in _PLACE_UNITS and _counts_other_than_places(entry):
        entry = None  # "12 xã đạt tiêu chí hộ nghèo": communes counted, not criteria (names7)
    if d.indicator:
        # the written name says more than the words by the number: an exact catalogue name wins
        named = lookup_name(d.indicator, base_unit)
        specific = (
            entry is not None and named is not None and entry.indicator_id.startswith(named.indicator_id)
        )
        if named is not None and compatible(named.base_unit, base_unit) and not specific:
            entry = named  # (not over `…_excl_land` from a bracket the name leaves out)
        elif entry is None:
            entry = resolve(d.indicator, base_unit)
            # `tốc độ tăng grdp bạc liêu`: the place's own name is not what is measured (ids23)
            placeless = without_place_names(d.indicator, doc.text, q.start) if entry is None else None
            if placeless:
                entry = resolve(placeless, base_unit)
        seen = seen or entry
        entry = refined(entry, d.indicator, base_unit, value, q.of_total)
        if entry is not None and uncatalogued(d.indicator, entry):
            entry = None  # one crop season, a sub-population, a band: no indicator measures exactly that
        if entry is not None:
            entry = narrowed(entry, d.indicator)  # a sector's value, not the total's
        if entry is not None and not shares_subject(entry, d.indicator):
            entry = None  # the name measures something else than the id found nearby
    share = sector_share(d.indicator, doc.text, q.start) if base_unit == "%" and d.indicator else None
    entry = share or entry  # `ngành dịch vụ chiếm 32,21%`: the sector's share, whatever id was near (ids23)
    if entry is None and d.indicator and base_unit == "VND":
        entry = disbursed_investment(d.indicator, doc.text, q.start)  # `giá trị giải ngân đến …` (ids23)
    entry = in_context(entry, doc.text, q.start, q.end)  # (a figure without an id may get one: ids12)
    if entry is not None and doc.in_season_section(q.start):
        # "a. Vụ Xuân" above: that season's area, output or yield
        entry = in_season(entry, heading_season(doc.headings, doc.text_l, q.start))
    # the model learned from the dev gold may fill, veto or replace the rules' id (learned/ids.py)
    entry = learned_id(d.indicator, base_unit, entry, seen)
    if entry is not None:
        base_unit = id_base_unit(entry.base_unit, base_unit)  # per commune, per hectare: `other` (ids12)
    start, end = _quote_span(doc, d)
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Mention(
        indicator=chosen_name(doc, d),  # the rules' name, or one a learned model prefers (ids stay)
        indicator_id=entry.indicator_id if entry is not None else None,
        value=value,
        value_high=q.value_high,
        of_total=q.of_total,
        unit=unit,
        base_value=value * factor,
        base_unit=base_unit,
        plan_pct=plan_pct,
        yoy_pct=yoy_pct,
        approx=is_approx(doc, d),
        kind=kind,  # type: ignore[arg-type]
        period=period,
        quote=text[start:end],
        start=start,
        end=end,
        part_of=position.get(id(d.part_of)) if d.part_of is not None else None,
    )


def _counts_other_than_places(entry: CatalogueEntry) -> bool:
    """Whether an id counts something else than places (`ntm_criteria_met` counts criteria)."""
    return bool(entry.counted_noun) and entry.counted_noun.split(",")[0].strip() not in PLACE_UNIT_NOUNS


def _cell_mention(doc: Doc, c: Cell) -> Mention:
    """A figure of a one-cell-per-line table: named by its row, dated and kinded by its column."""
    q = Quantity(c.start, c.start, c.end, c.value, None, None, c.unit, None)
    col = c.column
    s = Sentence(c.label_start, c.quote_end, col.kind, col.period, False, c.label_start)
    d = Draft(q, s, c.label_start, longest_named(c.name, c.unit.base_unit), c.name, c.plan_pct, c.yoy_pct)
    d.name_start, d.last_end = c.label_start, c.quote_end
    m = _finish(doc, d, {})
    kind: Literal["actual", "target"] = "target" if col.kind == "target" else "actual"
    period = col.period or (doc.target_period if kind == "target" else None) or doc.default_period
    return dataclasses.replace(m, kind=kind, period=period, approx=col.approx)


def _with_item_heads(doc: Doc, drafts: list[Draft]) -> None:
    """`gieo trồng được 3.232,5 ha ngô, tăng 7,3% …; 92,2 ha khoai lang; 250,9 ha lạc`: an item that opens
    with its number right after a comma (same sentence) or a `;` (same line) is elliptical, its verb in
    the list's head; its quote reaches back to the figure before it on the line written in the same unit
    (not a change, not a percentage: `…, 90% gia đình` opens a list of its own)."""
    text_l = doc.text_l
    last: dict[tuple[int, str], Draft] = {}  # (line start, written unit) -> the latest level figure
    for d in drafts:
        s, q = d.sentence, d.q
        if d.is_change or d.ratio_only or q.is_pct:
            continue
        key = (s.line_start, q.unit.unit)
        p, last[key] = last.get(key), d
        if p is None or d.quote_from is not None or d.part_of is not None or d.quote_head is not None:
            continue
        start = after_last(text_l, _QUOTE_SEP_CHARS, s.start, q.start, not_before=str.isdecimal)
        if start > s.start:
            opens = text_l[start - 1] in ",;" and p.sentence is s
        else:
            opens = p.sentence is not s and after_semicolon(text_l, s.line_start, s.start)
        if opens and not text_l[start : q.start].strip():
            d.quote_from = p.quote_from or p


def _quote_span(doc: Doc, d: Draft) -> tuple[int, int]:
    """The clause of the mention, reaching back to its list's head and on to its list's end."""
    start, end = _own_span(doc, d)
    if d.quote_head is not None:
        start = min(start, d.quote_head)
    if d.quote_from is not None:
        # a list item keeps its head (`tổng diện tích … 772 ha, trong đó: + Lúa 507 ha`)
        head = d.quote_from
        start = min(start, _own_span(doc, head)[0], head.quote_head if head.quote_head is not None else start)
    if d.quote_to is not None:
        end = max(end, _own_span(doc, d.quote_to)[1])  # a list of shares shares one quote
    return start, end


def _own_span(doc: Doc, d: Draft) -> tuple[int, int]:
    """From the clause (or its name) before the number to the next break."""
    s, q = d.sentence, d.q
    start = after_last(doc.text_l, _QUOTE_SEP_CHARS, s.start, q.start, not_before=str.isdecimal)
    if d.name_start is not None and s.start <= d.name_start < start:
        start = d.name_start
    start = _linked_start(doc, s, start)
    sep = _QUOTE_SEP.search(doc.text_l, d.last_end, s.end)
    end = sep.start() if sep else s.end
    if d.last_end > s.end:
        end = d.last_end  # "… 235 tỷ đồng; đạt 24% dự toán": its ratio opened the next `;`-item
    return start, end


def _linked_start(doc: Doc, s: Sentence, start: int) -> int:
    """`Xã có tỉ lệ thấp nhất là xã X, đạt 11/19 tiêu chí`: a clause opening with a linking word
    (`vocab.QUOTE_LINK_WORDS`) right after a comma goes on from the clause before it, which says what
    is counted; the quote starts there (the clause before that comma, not further)."""
    if start <= s.start or doc.text_l[start - 1] != "," or not _QUOTE_LINK.match(doc.text_l, start):
        return start
    return after_last(doc.text_l, _QUOTE_SEP_CHARS, s.start, start - 1, not_before=str.isdecimal)


__all__ = ["extract_mentions"]
