"""What a quantity measures: its catalogue indicator and the name written for it.

A quantity's name is looked for, in order: a catalogue name composed around the number (`thành lập mới
01 doanh nghiệp`), the best catalogue name in its clause (before the number first), the subject of the
previous figure it continues, a noun phrase after it (`482 ha lúa`), the subject carried over a list
(`… xuất sắc nhiệm vụ 15%, hoàn thành tốt nhiệm vụ 85%`), the count a bare share belongs to. Without
a catalogue name, the words before the number (or after it) are the name. A name that says only its
measure word (`số vụ`, `tổng chiều dài`) takes in the subject its clause opens with (`with_subject`).
"""

from __future__ import annotations

import re

from ingest.extract.catalogue import (
    CatalogueEntry,
    catalogue_by_id,
    load_catalogue,
    lookup_name,
    normalize_name,
)
from ingest.extract.context import CLAUSE_SEP, NAME_SEP, SPACES, Doc, Draft, clean_name, cue_in, words_alt
from ingest.extract.indicators import NameHit, compatible, is_name_prefix, pick_entry, starts_a_name
from ingest.extract.layout import Sentence
from ingest.extract.numbers import Quantity
from ingest.extract.phrases import (
    Written,
    is_bare_growth,
    measured,
    named_units_end,
    ratio_words_only,
    share_only,
    spell_out,
    written_name,
)
from ingest.extract.purposes import raised_for
from ingest.extract.roles import RATIO_AFTER, Role
from ingest.extract.scan import after_last
from ingest.extract.triggers import gated
from ingest.extract.vocab import (
    ABBREVIATIONS,
    AREA_NAME_PREFIXES,
    CHANGE_VERBS,
    CLASSIFIER_UNITS,
    CONVERSION_WORDS,
    CRITERIA_FOLLOWERS,
    CRITERIA_PROGRAMMES,
    GENERIC_COUNT_UNITS,
    GROWTH_PRAISE,
    HEDGES_BEFORE,
    INCREMENT_WORDS,
    LEVEL_AFTER_REDUCTION,
    MEASURE_WORDS,
    NAMED_COUNT_UNITS,
    PLAN_WORDS,
    PRAISE_DEGREES,
    PRODUCT_ABBREVIATION,
    PRODUCT_SPELLED,
    REPRESENTED_MEMBERS,
    RESTATED_MEASURE_VERBS,
    SHARE_WORDS,
    SUBJECT_DOERS,
    SUBJECT_STOP_WORDS,
    YEARLY_CHANGE_WORDS,
    YOY_WORDS,
)

# a change verb (and a hedge) right before the number, starting a word: `cue_in` checks the boundary before it
_CHANGE_BEFORE = re.compile(
    rf"(?:{words_alt(CHANGE_VERBS)})(?:[^\S\n]+(?:{words_alt(HEDGES_BEFORE)}))?[^\S\n]*$"
)
_INCREMENT_BEFORE = gated(re.compile(rf"(?:^|[^\w])(?:{words_alt(INCREMENT_WORDS)})[^\S\n]*$"))
_COMPARE_AFTER = re.compile(r"(?:^|[^\w])so(?:[^\S\n]+với)?(?!\w)")
_DESTINATION = re.compile(rf"(?<!\w)(?:{words_alt(CONVERSION_WORDS)})(?!\w)")
# the first word every _DESTINATION match opens with: found by `str.find`, the leading look-behind
# makes the regex try every position of the clause
_DESTINATION_FIRSTS = tuple(sorted({w.split()[0] for w in CONVERSION_WORDS}))


def _destination(text_l: str, lo: int, hi: int) -> re.Match[str] | None:
    """`_DESTINATION.search(text_l, lo, hi)`, not run when none of its first words is there."""
    for word in _DESTINATION_FIRSTS:
        if text_l.find(word, lo, hi) >= 0:
            return _DESTINATION.search(text_l, lo, hi)
    return None


# "tỷ lệ hộ nghèo … giảm bình quân mỗi năm 0,5%": the reduction, unless "giảm còn/xuống/từ" (a level)
_REDUCTION = re.compile(r"(?<!\w)giảm(?![^\S\n]+(?:còn|xuống|từ)(?!\w))(?!\w)")
_LEVEL_BEFORE = re.compile(rf"(?<!\w)(?:{words_alt(LEVEL_AFTER_REDUCTION)})(?!\w)")
_FOLLOWING_END = re.compile(r"[,;:.()]")
_SHARE_WORDS = frozenset(SHARE_WORDS)
_BARE_RATES = frozenset({"tỷ lệ", "tỉ lệ", "tỷ lệ đạt", "đạt tỷ lệ"})  # a measure word without its subject

_RATE_SIBLINGS: dict[str, CatalogueEntry] | None = None


def rate_sibling(entry: CatalogueEntry) -> CatalogueEntry | None:
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


def attainment_entry(entry: CatalogueEntry | None) -> CatalogueEntry | None:
    """`budget_expenditure` -> `budget_expenditure_plan_attainment` (% of plan), when the catalogue has it."""
    if entry is None:
        return None
    if entry.indicator_id.endswith("_plan_attainment"):
        return entry
    return catalogue_by_id().get(entry.indicator_id + "_plan_attainment")


def unit_sibling(entry: CatalogueEntry, base_unit: str) -> CatalogueEntry | None:
    """The indicator of `entry`'s subject measured in `base_unit` (`hộ nghèo` count -> rate), or None."""
    if base_unit == "%":
        sibling = rate_sibling(entry)
        if sibling is not None:
            return sibling
    for name in entry.names:
        other = lookup_name(name, base_unit)
        if other is not None and other.base_unit == base_unit:
            return other
    return None


_QUALIFIER_END = re.compile(r"[^\S\n]*(?:trở[^\S\n]+(?:lên|xuống)|kế[^\S\n]+hoạch|kh)(?!\w)")


def extend_with_qualifier(doc: Doc, host: Draft, q: Quantity) -> None:
    """`số xã` + `đạt 19 tiêu chí` -> `số xã đạt 19 tiêu chí`; the quote runs on to the qualifier."""
    end = q.end
    after = _QUALIFIER_END.match(doc.text_l, end)
    if after is not None:
        end = after.end()
    words = SPACES.sub(" ", doc.text_l[host.q.end : end]).strip(" ,;:")
    noun = host.q.unit.unit
    base = host.indicator if host.indicator.startswith("số ") else f"số {noun}"
    if base.endswith(" đạt") and words.startswith("đạt"):
        base = base[: -len(" đạt")]
    bw, ww = base.split(), words.split()
    overlap = next((k for k in range(min(len(bw), len(ww)), 0, -1) if bw[-k:] == ww[:k]), 0)
    words = " ".join(ww[overlap:])  # "3 xã còn lại đạt từ 13 đến 15 tiêu chí": `còn lại` said once
    host.indicator = f"{base} {spell_out(words)}"
    host.last_end = end


def draft_mention(
    doc: Doc,
    q: Quantity,
    s: Sentence,
    left: int,
    right: int,
    ratio: tuple[Role, float] | None,
    previous: Draft | None,
) -> Draft:
    """A mention of the quantity, named; `ratio` when it is a % of plan or of last year standing alone."""
    base_unit = None if ratio else q.unit.base_unit
    composed = _composed_entry(doc, q, left) if base_unit == "count" else None
    hit = None
    entry = composed[0] if composed else None
    if entry is None:
        entry, hit = _choose_entry(doc, q, s, left, right, base_unit)
    if entry is None and previous is not None and previous.entry is not None and base_unit is not None:
        entry = _inherited_entry(doc, previous, q, base_unit)
    if entry is None and base_unit in AREA_NAME_PREFIXES:
        entry = _tail_entry(doc, q, doc.own_words(q, left).split(), doc.tail_words(q, s), s)
    carried = None
    own_hit = hit is not None and CLAUSE_SEP.search(doc.text_l, hit.start, q.num_start) is None
    if base_unit in ("%", "count") and composed is None and not own_hit:
        carried = _carried_subject(doc, q, s, left, base_unit)
        if carried is not None:
            entry, hit = carried[0], None
    in_table = "|" in doc.text_l[s.start : q.start]
    before = hit.start if hit is not None and hit.start < q.num_start else None
    attainment = ratio is not None and ratio[0] is Role.PLAN
    fallback = previous.indicator if previous is not None and previous.sentence is s else ""
    measured_host = _measured_host(previous, s) if attainment else None
    written = (
        None
        if in_table
        else written_name(
            doc,
            q,
            s,
            left,
            before,
            attainment=attainment,
            fallback=fallback,
            host=measured_host.indicator if measured_host is not None else "",
        )
    )
    if written is not None and written.name and ratio is not None and ratio[0] is Role.YOY:
        written = Written(f"{written.name} so với cùng kỳ", written.start)  # a change on its own
    if written is not None and written.name:
        indicator = written.name
    else:
        indicator = (
            carried[1] if carried else composed[1] if composed else _indicator_text(doc, q, s, left, hit)
        )
    raised = raised_for(doc, q, indicator, s.line_start) if ratio is None else None
    if raised is not None:
        indicator, entry = raised, None  # "xã … đã huy động 71 tỷ đồng vốn … để xây dựng …"
    is_change = _is_change(doc, q, left, s)
    plan_level = _plan_level_name(doc, q, s, previous) if ratio is None else None
    referred = _reference_amount(doc, q, s, previous) if ratio is None and plan_level is None else None
    unnamed = ratio is None and plan_level is None and referred is None and not is_change
    excess = _excess_name(doc, q, s, previous) if unnamed else None
    if plan_level is not None:
        # "… ước đạt 9,1% vượt so với Nghị quyết đến năm 2020 là 9%": the plan's level of the figure before
        assert previous is not None
        indicator, entry, is_change = plan_level, previous.entry, False
    elif referred is not None:
        # "… đạt 9.658 tỷ đồng, bằng 15,8% kế hoạch năm (61.500 tỷ đồng)": the plan's own amount
        indicator, entry, is_change = referred[0], referred[1].entry, False
    elif excess is not None:
        # "… gần 750 tấn, vượt kế hoạch gần 6%", "tỷ lệ hộ nghèo giảm 1,64%, vượt 0,64%": by how much the
        # figure before beat its plan (the gold rules: an excess with no reference is over the plan)
        indicator, entry, is_change = excess, None, True
    elif is_change:
        entry = None  # a change or an increment is not the indicator's level
        indicator = _change_name(doc, q, s, left, indicator, previous)
    share_of = None
    if ratio is None and q.is_pct and not is_change and not own_hit:
        share_of = _share_of(doc, q, left, previous)
        if share_of is not None:
            # "5 chi bộ hoàn thành xuất sắc nhiệm vụ (23,8%)": the share those counted make up
            if written is None or not written.name or written.start >= q.start or written.name in _BARE_RATES:
                indicator = "tỷ lệ " + share_of.indicator.removeprefix("số ").removeprefix("tổng ")
            entry = (rate_sibling(share_of.entry) if share_of.entry is not None else None) or next(
                (
                    e
                    for k in range(len(indicator.split()))
                    if (e := lookup_name(" ".join(indicator.split()[k:]), "%")) is not None
                ),
                None,
            )
    if q.is_pct and _GROWTH_WORD in indicator:
        indicator = _PRAISE.sub("", indicator)  # "tốc độ tăng trưởng … hết sức ngoạn mục": how good, not what
    if not indicator and entry is not None:
        indicator = entry.name_vi.lower()
    named = named_units_end(doc.text, q.end, s.end) if q.unit.unit in NAMED_COUNT_UNITS else None
    # "2 xã Thạch Kênh, Việt Tiến được …": the names the count is followed by are its words (the quote's)
    draft = Draft(q=q, sentence=s, left=left, entry=entry, indicator=indicator, last_end=named or q.end)
    if share_of is not None:
        draft.host = share_of
        draft.quote_from = (
            share_of  # "1 xã nông thôn mới kiểu mẫu (Định Thủy), tỷ lệ 6,7%": the count's words
        )
    draft.is_change = is_change
    if share_of is None:
        draft.host = previous
    bare_change = is_change and not _CHANGE_WORDS.sub(" ", doc.own_words(q, left)).strip()
    same_line = previous is not None and previous.sentence.line_start == s.line_start
    if (
        bare_change
        or excess is not None
        or (share_of is None and ratio is None and is_bare_growth(doc, q, s))
    ) and (previous is not None and (previous.sentence is s or same_line)):
        # "đàn bò 1.276 con, tăng 5%", "… đạt 759 tỷ đồng, tăng bình quân hằng năm 15,6%": the change's words
        # are its level's
        draft.quote_from = previous
    elif (
        previous is not None
        and previous.sentence is s
        and share_of is None
        and ratio is None
        and q.is_pct
        and share_only(doc, left, q)
    ):
        draft.quote_from = previous  # "giá trị … đạt 298 tỉ đồng, chiếm 48%": the share's words (names7)
    if hit is not None and hit.start < q.num_start:
        draft.name_start = hit.start
    draft.subject_measured = written is not None and written.measured
    if written is not None and written.name and s.start <= written.start < q.start:
        draft.name_start = min(written.start, draft.name_start if draft.name_start is not None else q.start)
    if measured_host is not None and indicator.endswith(f" {measured_host.indicator}"):
        draft.quote_from = (
            measured_host  # a second attainment of the figure before: its words are that figure's
        )
    if ratio is not None:
        draft.ratio_only = True
        if ratio[0] is Role.PLAN:
            draft.plan_pct = ratio[1]
        else:
            draft.yoy_pct = ratio[1]
    return draft


def _level_before(previous: Draft | None, s: Sentence) -> Draft | None:
    """The level a change of the same sentence follows, past the attainment ratios between
    (`102 ha bằng 85% kế hoạch và bằng 121% chỉ tiêu huyện giao, tăng 13,3% so với cùng kỳ`)."""
    level = previous
    while level is not None and level.sentence is s and (level.ratio_only or level.is_change):
        level = level.host
    return level if level is not None else previous


def _measured_host(previous: Draft | None, s: Sentence) -> Draft | None:
    """The figure a plan percentage of the same sentence measures, past the changes and ratios between
    (`… 900 tỷ đồng, tăng 15% so với cùng kỳ (… đạt 70% dự toán)`)."""
    host = previous
    while host is not None and host.sentence is s and (host.is_change or host.q.is_pct or host.ratio_only):
        host = host.host
    return host if host is not None and host.sentence is s else None


# (the figure before may end with its plan: "đạt 69,32% so với kế hoạch, tăng 12,3%") (names7)
_BARE_CHANGE_GAP = re.compile(
    rf"(?:[^\S\n]*(?:so(?:[^\S\n]+với)?[^\S\n]+)?(?:{words_alt(PLAN_WORDS)})(?!\w)[^,;()\n]{{0,30}}?)?"
    r"[^\S\n]*[,;]?[^\S\n]*(?:tăng|giảm)(?:[^\S\n]+thêm)?[^\S\n]*"
)
_ATTAINMENT_PREFIX = re.compile(r"^tỷ lệ (?:thực hiện|hoàn thành) (?:kế hoạch|dự toán) (?=\w)")
_TIMES_YEAR = re.compile(r"[^\S\n]+(?P<what>năm[^\S\n]+(?:19|20)[0-9]{2})(?![0-9])")
# "so với năm 2011 khi Đồng Nai bắt tay vào xây dựng NTM": the comparison ends before the clause on
_COMPARED_END = re.compile(r"[^\S\n]+(?:khi|do|nhờ|vì|để|và|nhưng)(?!\w)")
_PLAN_COMPARED = re.compile(rf"[^\S\n]*(?:so(?:[^\S\n]+với)?[^\S\n]+)?(?:{words_alt(PLAN_WORDS)})(?!\w)")
# "vượt so với Nghị quyết đến năm 2020 là 9%", "vượt so với kế hoạch HĐND tỉnh giao (7 - 7,5%)": the plan's
# own level, written after the plan it was beaten against (names12)
_PLAN_LEVEL_BEFORE = re.compile(
    rf"(?<!\w)vượt[^\S\n]+so[^\S\n]+với[^\S\n]+(?P<plan>(?:{words_alt(PLAN_WORDS)})(?!\w)[^.;:()%\n]{{0,50}}?)"
    rf"[^\S\n]*(?:là|\(|:)[^\S\n]*(?:(?:{words_alt(HEDGES_BEFORE)})[^\S\n]*)?$"
)
# "bằng 15,8% kế hoạch năm (61.500 tỷ đồng)", "so với cùng kỳ (20.074 tỷ đồng)": the plan's or the period's
# own amount, in brackets after it (names12)
_REFERENCE_BEFORE = re.compile(
    rf"(?<!\w)(?P<ref>(?:{words_alt(PLAN_WORDS + YOY_WORDS)})(?!\w)[^.;:()%0-9\n]{{0,40}}?)[^\S\n]*\("
    rf"[^\S\n]*(?:(?:{words_alt(HEDGES_BEFORE)})[^\S\n]*)?$"
)
_CLOSED_AFTER = re.compile(r"[^\S\n]*\)")
_YOY_FIRST_WORDS = frozenset(w.split()[0] for w in YOY_WORDS)
# "…, vượt kế hoạch gần 6%", "…, vượt 0,64%": a clause that is only an excess (names12)
_BARE_EXCESS = re.compile(
    rf"(?:^|[,;(])[^\S\n]*vượt(?:[^\S\n]+(?:so[^\S\n]+với[^\S\n]+)?(?P<plan>(?:{words_alt(PLAN_WORDS)})(?!\w)"
    rf"[^,;()%0-9\n]{{0,30}}?))?[^\S\n]*(?:(?:{words_alt(HEDGES_BEFORE)})[^\S\n]*)?$"
)
_DEFAULT_PLAN = "kế hoạch"
# "vượt hơn 7% so với nghị quyết": a hedge between the verb and the excess (names9)
_EXCESS_BEFORE = re.compile(rf"(?<!\w)vượt(?:[^\S\n]+(?:{words_alt(HEDGES_BEFORE)}))?[^\S\n]*$")
_PLAN_AFTER = re.compile(rf"[^\S\n]*(?P<what>(?:{words_alt(PLAN_WORDS)})(?!\w)[^,;.()\n]{{0,30}})")
_CHANGE_WORDS = re.compile(r"(?<!\w)(?:tăng|giảm|gấp|thêm|vượt|gần|hơn|khoảng|trên|xấp xỉ)(?!\w)")
_CHANGE_VERB = re.compile(r"(?<!\w)(tăng thêm|giảm thêm|tăng|giảm|vượt|gấp|thêm)(?!\w)")
_COMPARED_TO = re.compile(r"[^\S\n]*(?:\(|,)?[^\S\n]*so(?:[^\S\n]+với)?[^\S\n]+(?P<what>[^,;.()\n]{1,40})")
# "đạt 57,8% dự toán địa phương giao và tăng 14,7%", "tăng 17,2% so với tháng trước và tăng 31,4%": words
# right after a percentage that open with its plan or comparison are that percentage's, no subject
_RATIO_TAIL = re.compile(rf"so(?:[^\S\n]+với)?[^\S\n]+\w|(?:{words_alt(PLAN_WORDS)})(?!\w)")


# names23: praise after a growth (`tốc độ tăng trưởng … hết sức ngoạn mục`, `mức tăng trưởng … rất tốt`,
# `tăng trưởng khá`) says how good the growth was, not what grew: no part of its name
_GROWTH_WORD = "tăng trưởng"
_PRAISE = re.compile(
    rf"[^\S\n]+(?:(?:{words_alt(PRAISE_DEGREES)})[^\S\n]+)?(?:{words_alt(GROWTH_PRAISE)})(?=[^\S\n]+so[^\S\n]+với[^\S\n]|$)"
)
# the comparison a growth beside its level is read with when it names none (the gold rules: a growth is named
# `… tăng/giảm so với …`)
_IMPLICIT_COMPARISON = "cùng kỳ"
_YEARLY_AFTER = re.compile(
    rf"[^\S\n]*/[^\S\n]*năm|[^,;.()\n]*?(?<!\w)(?:{words_alt(YEARLY_CHANGE_WORDS)})(?!\w)"
)


# an attainment named only by its plan (`tỷ lệ kế hoạch`, `tỷ lệ hoàn thành kế hoạch`, `tỷ lệ tổng dự toán`)
_PLAN_ONLY_NAME = re.compile(r"(?:tỷ|tỉ) lệ (?:(?:thực hiện|hoàn thành) )?(?:tổng )?(?P<plan>.+)")


def _past_attainment(level: Draft | None, s: Sentence) -> Draft | None:
    """The figure an attainment named only by its plan measures, when a change follows that attainment
    (`Tổng thu … đạt 29.210 triệu đồng, so với kế hoạch đạt 36,67% và tăng 28,35%`): the amount rose,
    not its share of the plan."""
    if level is None or level.is_change or level.ratio_only or not level.q.is_pct:
        return level
    named = _PLAN_ONLY_NAME.fullmatch(level.indicator)
    if named is None or not ratio_words_only(named.group("plan")):
        return level
    return _measured_host(level, s) or level


def _ratio_tail(doc: Doc, q: Quantity, left: int, own: str) -> bool:
    """Whether a change's own words are the plan or comparison of the percentage right before them."""
    text_l = doc.text_l
    return (
        left > 0
        and text_l[left - 1] == "%"
        and NAME_SEP.search(text_l, left, q.start) is None
        and _RATIO_TAIL.match(own) is not None
    )


def _change_name(doc: Doc, q: Quantity, s: Sentence, left: int, name: str, previous: Draft | None) -> str:
    """`Tổng đàn lợn 1.450 con tăng 105 con so với cùng kỳ` -> `tổng đàn lợn tăng so với cùng kỳ`."""
    text_l = doc.text_l
    verbs = list(_CHANGE_VERB.finditer(text_l, max(left, q.start - 25), q.start))
    verb = verbs[-1].group(1) if verbs else "tăng"
    own = _CHANGE_WORDS.sub(" ", doc.own_words(q, left)).strip()  # "tăng gần gấp 3 lần": the verb
    plan_only = ratio_words_only(own) or _ratio_tail(doc, q, left, own)
    level = _measured_host(previous, s) if plan_only else _past_attainment(_level_before(previous, s), s)
    # the level is in the same sentence, or ends the `;`-item before (`… 63 triệu đồng; tăng 4,16 lần …`)
    near = level is not None and (level.sentence is s or level.sentence.line_start == s.line_start)
    beside = level is not None and near and (not own or plan_only) and bool(level.indicator)
    if beside and level is not None:
        # "90 triệu đồng (tăng 1,2 lần so năm 2025)", "173 ha, bằng 123,5% kế hoạch và tăng 23,5%": the
        # level's subject (the plan words before the change are its attainment's)
        name = level.indicator
        if level.ratio_only:
            # "giá trị sản xuất nông nghiệp đạt 66,75% so với kế hoạch, tăng 2,7%": the value rose, not
            # its attainment (names7)
            name = _ATTAINMENT_PREFIX.sub("", name)
    name = re.sub(rf"[^\S\n]+{verb}$", "", name)
    compared = _COMPARED_TO.match(text_l, q.end)
    if compared is None:
        clause = CLAUSE_SEP.search(text_l, q.end, s.end)
        compared = _COMPARED_TO.search(text_l, q.end, clause.start() if clause else s.end)
    if compared is None and q.unit.unit == "lần":
        compared = _TIMES_YEAR.match(text_l, q.end)  # "gấp 1,67 lần năm 2015": against that year
    if compared is None and q.is_pct:
        compared = _PLAN_AFTER.match(text_l, q.end)  # "vượt 31,7% mục tiêu đại hội": against the plan
    what = _COMPARED_END.split(compared.group("what"))[0] if compared else ""
    what = f" so với {spell_out(SPACES.sub(' ', what).strip())}" if compared else ""
    if not what and beside and q.is_pct and verb in ("tăng", "giảm") and _implicitly_yoy(doc, q, s):
        what = f" so với {_IMPLICIT_COMPARISON}"
    return f"{name} {verb}{what}".strip()


def _implicitly_yoy(doc: Doc, q: Quantity, s: Sentence) -> bool:
    """Whether a growth beside its level that names no comparison is on the same period of the year before
    (`đạt 474 triệu USD, tăng 11,49%`): not an average over years (`tăng 8%/năm`, `bình quân`) and not in a
    term's review, where the start of the term is as likely."""
    if doc.default_period.startswith("term-"):
        return False
    return _YEARLY_AFTER.match(doc.text_l, q.end, min(s.end, q.end + 20)) is None


def _share_of(doc: Doc, q: Quantity, left: int, previous: Draft | None) -> Draft | None:
    """The count a bare percentage right after it is a share of (`371 đồng chí … (81%)`)."""
    if previous is None or previous.ratio_only or previous.q.unit.base_unit != "count":
        return None
    if not previous.indicator or previous.q.unit.unit in CLASSIFIER_UNITS:
        return None  # "1.120 lượt cán bộ tham gia (đạt tỷ lệ 96%)": a rate of people, not of the visits
    gap = doc.text_l[previous.last_end : q.start]
    if ";" in gap or len(gap.split()) > 16 or any(c.isdigit() for c in gap):
        return None
    own = doc.own_words(q, left)
    return previous if own in _SHARE_WORDS else None


def is_conversion(doc: Doc, q: Quantity, s: Sentence) -> bool:
    """`chuyển 28 ha lúa sang trồng cây ăn quả`: a destination word follows the figure in its clause."""
    sep = CLAUSE_SEP.search(doc.text_l, q.end, s.end)
    return _destination(doc.text_l, q.end, sep.start() if sep else s.end) is not None


def _tail_entry(doc: Doc, q: Quantity, own: list[str], tail: list[str], s: Sentence) -> CatalogueEntry | None:
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
    if is_conversion(doc, q, s):
        return None
    for prefix in AREA_NAME_PREFIXES.get(q.unit.base_unit, ()):
        if not starts_a_name(prefix.split()[0] if prefix else tail[0]):
            continue
        for k in range(len(tail), 0, -1):
            entry = lookup_name(prefix + " ".join(tail[:k]), q.unit.base_unit)
            if entry is not None and compatible(entry.base_unit, q.unit.base_unit):
                return entry
    return None


def _composed_entry(doc: Doc, q: Quantity, left: int) -> tuple[CatalogueEntry, str] | None:
    """`thành lập mới 01 doanh nghiệp` -> `thành lập mới doanh nghiệp`: a name around the number."""
    text_l = doc.text_l
    seg_start = left
    for m in NAME_SEP.finditer(text_l, left, q.start):
        seg_start = m.end()
    words = text_l[seg_start : q.start].split()[-4:]
    unit = q.unit.unit
    stop = _FOLLOWING_END.search(text_l, q.end, q.end + 60)
    following = text_l[q.end : stop.start() if stop else q.end + 60].split()[:6]
    tails = [following[:k] for k in range(len(following), -1, -1)]
    for n in range(len(words), -1, -1):
        if not starts_a_name(words[len(words) - n] if n else unit.split()[0]):
            continue
        if not is_name_prefix([*words[len(words) - n :], unit]):
            continue
        for tail in tails if n else tails[:-1]:
            name = " ".join([*words[len(words) - n :], unit, *tail])
            entry = lookup_name(name, "count")
            if entry is not None and entry.base_unit == "count":
                return entry, name
    return None


def _plan_level_name(doc: Doc, q: Quantity, s: Sentence, previous: Draft | None) -> str | None:
    """`Tốc độ tăng trưởng kinh tế ước đạt 9,1% vượt so với Nghị quyết đến năm 2020 là 9%`, `… tăng 7,61%,
    vượt so với kế hoạch HĐND tỉnh giao (7 - 7,5%)`: the level the plan set for the figure before, named by
    that figure and the plan (`tốc độ tăng trưởng kinh tế theo nghị quyết`), or None (names12)."""
    if previous is None or previous.sentence is not s or not previous.indicator:
        return None
    if previous.q.unit.base_unit != q.unit.base_unit or previous.is_change or previous.ratio_only:
        return None
    before = doc.text_l[max(previous.q.end, q.start - 90) : q.start]
    if "vượt" not in before:
        return None  # the common case, at C speed
    found = _PLAN_LEVEL_BEFORE.search(before)
    if found is None:
        return None
    plan = clean_name(found.group("plan"))
    return f"{previous.indicator} theo {spell_out(plan)}" if plan else None


def _reference_amount(doc: Doc, q: Quantity, s: Sentence, previous: Draft | None) -> tuple[str, Draft] | None:
    """`… đạt 11.921 tỷ đồng, đạt 66,23% so với dự toán (18.000 tỷ đồng) và bằng 59,39% so với cùng kỳ
    (20.074 tỷ đồng)`: an amount in brackets after the plan or period a figure was compared with is that
    plan's or period's own amount of the figure (`dự toán tổng thu ngân sách nhà nước`, `… cùng kỳ`), with
    the figure it belongs to; or None (names12)."""
    if previous is None or previous.sentence is not s:
        return None
    found = _reference_before(doc, q, s)
    if found is None:
        return None
    host = _measured_host(previous, s)
    while host is not None and _reference_before(doc, host.q, s) is not None:
        host = _measured_host(host.host, s)  # "… dự toán (18.000 tỷ đồng) và … cùng kỳ (20.074 tỷ đồng)"
    if host is None or not host.indicator or host.q.unit.base_unit != q.unit.base_unit:
        return None
    ref = spell_out(clean_name(found.group("ref")))
    if not ref:
        return None
    yearly = found.group("ref").split()[0] in _YOY_FIRST_WORDS
    if yearly and previous.is_change:
        return None  # "doanh thu tăng 36% so với cùng kỳ (hơn 1.200 tỷ đồng)": the level reached, maybe
    return (f"{host.indicator} {ref}" if yearly else f"{ref} {host.indicator}"), host


def _excess_name(doc: Doc, q: Quantity, s: Sentence, previous: Draft | None) -> str | None:
    """`<the figure before> vượt so với <plan>` for a percentage below 100 whose clause is only `vượt`, its
    plan words and a hedge (`…, vượt kế hoạch gần 6%`, `…, vượt 0,64%`), or None (names12)."""
    if not q.is_pct or q.value >= 100 or previous is None or previous.sentence is not s:
        return None
    if previous.ratio_only or not previous.indicator or doc.text_l.find("vượt", s.start, q.start) < 0:
        return None
    found = _BARE_EXCESS.search(doc.text_l, s.start, q.start)
    if found is None:
        return None
    after = _PLAN_AFTER.match(doc.text_l, q.end) if found.group("plan") is None else None
    plan = found.group("plan") or (after.group("what") if after is not None else _DEFAULT_PLAN)
    subject = re.sub(r"[^\S\n]+so với .*$", "", previous.indicator)
    return f"{subject} vượt so với {spell_out(clean_name(plan))}"


def _reference_before(doc: Doc, q: Quantity, s: Sentence) -> re.Match[str] | None:
    """The plan or period words an amount in brackets is written after (`dự toán (18.000 tỷ đồng)`)."""
    if not _CLOSED_AFTER.match(doc.text_l, q.end):
        return None
    return _REFERENCE_BEFORE.search(doc.text_l, max(s.start, q.start - 60), q.start)


def _is_change(doc: Doc, q: Quantity, left: int, s: Sentence) -> bool:
    """`tăng 8 tỷ so với CK`, `tăng 1,2 lần`, `có thêm 02 trường`, `vượt 31,7% mục tiêu`: changes, not
    levels."""
    before = doc.text_l[max(left, q.start - 25) : q.start]
    excess = "vượt" in before and _EXCESS_BEFORE.search(before) is not None  # `in` first: at C speed
    if excess and q.is_pct and q.value < 100 and _PLAN_COMPARED.match(doc.text_l, q.end):
        return True  # "46,09 triệu đồng, vượt 31,7% mục tiêu đại hội": by how much the plan was beaten
    if excess and not q.is_pct:
        # "33/31,5 ha vượt 1,5 ha so với KH", "867 đàn vượt 12 đàn so với cùng kỳ": an excess over
        sep = CLAUSE_SEP.search(doc.text_l, q.end, s.end)
        return bool(_COMPARE_AFTER.search(doc.text_l[q.end : sep.start() if sep else s.end]))
    if cue_in(_CHANGE_BEFORE, before, 0, len(before)):
        sep = CLAUSE_SEP.search(doc.text_l, q.end, s.end)
        after = doc.text_l[q.end : sep.start() if sep else s.end]
        if q.unit.unit == "lần" or _COMPARE_AFTER.search(after):
            return True
        # "đàn trâu có 380 con, giảm 6,2%": a percentage right after a level, with only the verb between
        return (
            q.is_pct and left > s.start and _BARE_CHANGE_GAP.fullmatch(doc.text_l, left, q.start) is not None
        )
    return q.unit.base_unit == "count" and q.of_total is None and bool(_INCREMENT_BEFORE.search(before))


def _carried_subject(
    doc: Doc, q: Quantity, s: Sentence, left: int, base_unit: str
) -> tuple[CatalogueEntry, str] | None:
    """`chi bộ hoàn thành xuất sắc nhiệm vụ 15%, hoàn thành tốt nhiệm vụ 85%`: the subject carries."""
    text_l = doc.text_l
    seg_start = left
    for m in NAME_SEP.finditer(text_l, left, q.start):
        seg_start = m.end()
    own = clean_name(text_l[seg_start : q.start])
    if len(own.split()) < 2 or seg_start <= s.start:
        return None
    if lookup_name(own, base_unit) is not None:
        return None
    for hit in reversed(doc.names.between(s.start, seg_start)):
        words = SPACES.sub(" ", text_l[hit.start : hit.end]).split()
        for k in range(1, min(3, len(words)) + 1):
            name = " ".join([*words[:k], own])
            entry = lookup_name(name, base_unit)
            if entry is not None and entry.base_unit == base_unit:
                return entry, own
    return None


def _inherited_entry(doc: Doc, previous: Draft, q: Quantity, base_unit: str) -> CatalogueEntry | None:
    """A number continuing the previous one's subject: `từ 10% năm 2020 xuống còn 8,58%`, `chiếm 1,87%`"""
    if any(h.n_syllables >= 2 for h in doc.names.between(previous.q.end, q.start)):
        return None
    gap = doc.text_l[previous.q.end : q.start]
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
        return rate_sibling(previous.entry)
    return None


def _choose_entry(
    doc: Doc, q: Quantity, s: Sentence, left: int, right: int, base_unit: str | None
) -> tuple[CatalogueEntry | None, NameHit | None]:
    """The catalogue name of the quantity among those of its stretch of text, and the hit itself."""
    text_l = doc.text_l
    sep = CLAUSE_SEP.search(text_l, q.end, s.end)
    clause_end = sep.start() if sep else s.end
    dest = _destination(text_l, q.end, clause_end)
    best: tuple[tuple[int, int, int], CatalogueEntry, NameHit] | None = None
    for hit in doc.names.between(left, right):
        if hit.end <= q.num_start:
            same_clause = CLAUSE_SEP.search(text_l, hit.end, q.num_start) is None
            rank = 1 if same_clause else 3
            distance = q.num_start - hit.end
            if same_clause and distance <= 8 and hit.n_syllables >= 3:
                # "kết nạp đảng viên mới cho 6 quần chúng": the name right before wins
                rank, distance = 0, -1
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
                sibling = rate_sibling(candidate)
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
            and not _counts(entry, q.unit.unit)
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
        name = SPACES.sub(" ", text_l[hit.start : hit.end])
        for phrase in (f"{name} giảm", f"giảm {name}"):
            reduction = lookup_name(phrase, "%")
            if reduction is not None and reduction is not entry:
                return reduction, hit
    return entry, hit


def _indicator_text(doc: Doc, q: Quantity, s: Sentence, left: int, hit: NameHit | None) -> str:
    """The name written for the quantity: the catalogue hit as written, else the words around it."""
    text_l = doc.text_l
    if hit is not None:
        return SPACES.sub(" ", text_l[hit.start : hit.end]).strip(" ,;:")
    seg_start = left
    for m in NAME_SEP.finditer(text_l, left, q.start):
        seg_start = m.end()
    name = clean_name(text_l[seg_start : q.start])
    if not name and "|" in text_l[s.start : q.start]:
        # a flattened table row "1 | Lúa xuân | 1.250 ha | …": the name is the cell before
        cells = [clean_name(c) for c in text_l[s.start : q.start].split("|")]
        name = next((c for c in reversed(cells) if c and not c.replace(".", "").isdigit()), "")
    elif not name and seg_start > left:
        name = clean_name(text_l[left : q.start].split(",")[-2] if "," in text_l[left : q.start] else "")
    if q.unit.unit in CLASSIFIER_UNITS:
        # "tổ chức tốt 02 đợt sinh hoạt chính trị": the counted thing follows the measure word
        sep = CLAUSE_SEP.search(text_l, q.end, s.end)
        counted = clean_name(text_l[q.end : sep.start() if sep else s.end])
        tail_words = counted.split()[:4]
        if tail_words:
            return " ".join([q.unit.unit, *tail_words])
    tail = doc.tail_words(q, s)
    if q.unit.base_unit == "count":
        noun = q.unit.unit.split(" ", 1)[1] if q.unit.factor != 1.0 else q.unit.unit  # "nghìn con"
        name = " ".join([*name.split(), noun, *tail])
    elif tail and q.unit.base_unit in AREA_NAME_PREFIXES:
        name = " ".join([*name.split(), *tail])  # "vụ xuân gieo cấy 482 ha lúa"
    elif not name:
        sep = CLAUSE_SEP.search(text_l, q.end, s.end)
        after = text_l[q.end : sep.start() if sep else s.end]
        name = clean_name(RATIO_AFTER.sub("", after, count=1) if RATIO_AFTER.match(after) else after)
    return name


def _counts(entry: CatalogueEntry, unit: str) -> bool:
    """Whether the figure's counted noun (the first of `thôn, xóm`) is one the entry counts (its
    `counted_noun`): `33 thôn, xóm đạt chuẩn khu dân cư nông thôn mới kiểu mẫu` counts hamlets (ids24)."""
    noun = unit.split(",")[0].strip()
    return bool(noun) and noun in (n.strip() for n in entry.counted_noun.split(","))


def _expand(name: str) -> str:
    """Abbreviations spelled out (`gcnqsd đất` -> `giấy chứng nhận quyền sử dụng đất`)."""
    return " ".join(ABBREVIATIONS.get(w, w) for w in name.split())


def _has_comma_name(hit: NameHit) -> bool:
    """Whether the name found may contain a comma (`công ty, doanh nghiệp`, `thu gom, xử lý`)."""
    return any("," in name for e in hit.entries for name in e.names)


_S = r"[^\S\n]"
_PROGRAMME_CRITERIA = re.compile(
    rf"(?<!\w)tiêu{_S}+chí(?!{_S}+(?:{words_alt(CRITERIA_PROGRAMMES)}))(?={_S}+(?:{words_alt(CRITERIA_FOLLOWERS)})(?!\w)|$)"
)
_PROGRAMME_IN_TEXT = re.compile(rf"(?<!\w)(?:{words_alt(CRITERIA_PROGRAMMES)})(?!\w)")
_BANDED_CRITERIA = re.compile(r"[0-9](?:[0-9/ –-]*[0-9])?\s+tiêu\s+chí")


def with_criteria_programme(doc: Doc, d: Draft) -> None:
    """`số tiêu chí đạt` -> `số tiêu chí nông thôn mới đạt`: criteria counted (or a band of them) in a
    document on the new-rural programme are that programme's, as every dev gold name of a criteria
    count says; a named criterion (`tiêu chí thu nhập`) is left alone (names9)."""
    name = d.indicator
    if not name or "tiêu chí" not in name or any(p in name for p in CRITERIA_PROGRAMMES):
        return
    counted = d.q.unit.unit.startswith("tiêu chí") or _BANDED_CRITERIA.search(name) is not None
    if not counted or not doc.written_anywhere(_PROGRAMME_IN_TEXT):
        return
    d.indicator = _PROGRAMME_CRITERIA.sub(f"tiêu chí {CRITERIA_PROGRAMMES[0]}", name, count=1)


_LEADING_MEASURES = re.compile(rf"(?:(?:{words_alt(MEASURE_WORDS)})(?: |$))*")
_SUBJECT_STOPS = frozenset(SUBJECT_STOP_WORDS)
_SUBJECT_DOER = re.compile(rf"^(?:{words_alt(SUBJECT_DOERS)})(?!\w)")
_SUBJECT_SEP_CHARS = ",;(|:"
_SUBJECT_MAX_WORDS = 6
_SUBJECT_PUNCT = " .,;:-–()[]\"'“”*+•"


def bare_words(name: str) -> list[str]:
    """The words of a name after its leading measure words (`tổng kinh phí` -> [], `số vụ` -> [`vụ`])."""
    lead = _LEADING_MEASURES.match(name)
    return name[lead.end() :].split() if lead else name.split()


def with_subject(doc: Doc, d: Draft) -> None:
    """`phạm pháp hình sự xảy ra 14 vụ` -> `số vụ phạm pháp hình sự`; `Hệ thống giao thông đã được nhựa
    hóa … với tổng chiều dài 778,16km` -> `tổng chiều dài hệ thống giao thông`. A level whose name says
    no more than its measure word and one word (the counted noun) takes in the subject its clause opens
    with, up to the first verb or link word. A place or a body doing something is no subject (`toàn
    huyện có 15 xã`, `địa phương có tổng đàn heo …`), nor is another figure's measure word (`Năng suất
    đạt 62 tạ/ha sản lượng đạt 719 tấn`). A general policy measured on all of dev (names15)."""
    name = d.indicator
    if not name or d.ratio_only or d.is_change or d.q.is_pct or len(bare_words(name)) > 1:
        return
    q, s, text_l = d.q, d.sentence, doc.text_l
    start = after_last(text_l, _SUBJECT_SEP_CHARS, s.start, q.start, not_before=str.isdecimal)
    clause = text_l[start : q.start]
    at = clause.find(name)  # the name written in the clause, else (a counted noun after the number) none
    if at < 0:
        at = len(clause)
    subject = SPACES.sub(" ", clause[:at]).strip(_SUBJECT_PUNCT)
    if not subject or _SUBJECT_DOER.match(subject) or measured(subject):
        return
    words: list[str] = []
    for word in subject.split():
        word = word.strip(_SUBJECT_PUNCT)
        if not word or word in _SUBJECT_STOPS or not word[0].isalpha() or len(words) >= _SUBJECT_MAX_WORDS:
            break
        words.append(word)
    if words and not set(words) <= set(name.split()):
        d.indicator = f"{name} {' '.join(words)}"


# the measures of two words or more (`tỷ lệ`, `diện tích`), never a piece of another word
_RESTATED_MEASURES = tuple(w for w in MEASURE_WORDS if " " in w)
_OBJECT_VERBS = tuple(f" {w}" for w in RESTATED_MEASURE_VERBS)
_RESTATED_OPENINGS = tuple(f"{w} " for w in _RESTATED_MEASURES)  # one `startswith` rules most names out


def without_restated_measure(d: Draft) -> None:
    """`tỷ lệ xã Tề Lỗ phấn đấu giảm tỷ lệ hộ nghèo` -> `tỷ lệ hộ nghèo`, `diện tích của huyện … có diện tích
    đất tự nhiên` -> `diện tích đất tự nhiên`: a name that opens with a measure and writes it again as the
    object of a verb (`giảm`, `có`) is named by that object; the words before it are the doer and its
    aim, and a list of measures (`tỷ lệ A, tỷ lệ B`) is left whole (names18)."""
    name = d.indicator
    if not name.startswith(_RESTATED_OPENINGS):
        return
    for measure in _RESTATED_MEASURES:
        if name.startswith(f"{measure} "):
            at = name.rfind(f" {measure} ")
            between = name[len(measure) : at]
            if at > 0 and "," not in between and between.rstrip().endswith(_OBJECT_VERBS):
                d.indicator = name[at + 1 :]
            return


# "… đại biểu chính thức, đại diện cho hơn 3.590 đảng viên": what the count stands right after (names23b)
_REPRESENTS = re.compile(rf"(?<!\w)đại{_S}+diện(?:{_S}+cho)?(?:{_S}+(?:{words_alt(HEDGES_BEFORE)}))?{_S}*$")
_REPRESENTS_REACH = 30


def represented_members(doc: Doc, d: Draft) -> None:
    """`225 đại biểu chính thức đại diện cho 1.345 đảng viên` -> `số đảng viên`: the members the delegates
    stand for are counted as themselves; the delegates' words (`chính thức`, `đại diện`) are no part of
    their name (the gold rules: `đại diện cho 255 đảng viên` belongs to the members' fact)."""
    q = d.q
    if q.unit.base_unit != "count" or q.unit.unit not in REPRESENTED_MEMBERS or d.is_change or d.ratio_only:
        return
    lo = max(d.sentence.start, q.num_start - _REPRESENTS_REACH)
    if doc.text_l.find("diện", lo, q.num_start) < 0:  # the literal first, at C speed
        return
    if _REPRESENTS.search(doc.text_l, lo, q.num_start) is not None:
        d.indicator = f"số {q.unit.unit}"


def spelled_product(d: Draft) -> None:
    """`grdp trên địa bàn tỉnh thái bình` -> `tổng sản phẩm trên địa bàn tỉnh thái bình`, `grdp của tỉnh` ->
    `tổng sản phẩm trên địa bàn (grdp) của tỉnh`: a level of the total product written only as its
    abbreviation is named by the words the abbreviation stands for (names23b)."""
    name = d.indicator
    if (
        d.q.unit.base_unit != "VND"
        or d.is_change
        or d.ratio_only
        or not name.startswith(PRODUCT_ABBREVIATION)
    ):
        return
    rest = name[len(PRODUCT_ABBREVIATION) :]
    if (rest and not rest.startswith(" ")) or "đầu người" in rest or "/" in d.q.unit.unit:
        return  # "grdp bình quân đầu người": the product per head, named by its abbreviation
    where = PRODUCT_SPELLED.split(" (")[0]  # "tổng sản phẩm trên địa bàn"
    if rest.startswith(" trên địa bàn"):
        d.indicator = f"{where.removesuffix(' trên địa bàn')}{rest}"
    else:
        d.indicator = f"{PRODUCT_SPELLED}{rest}"
