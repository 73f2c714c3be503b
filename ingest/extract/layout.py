"""Document layout for extraction: sentences with offsets, headings, and the section each line is in.

A heading (`Phần thứ hai`, `Điều 2. Mục tiêu, chỉ tiêu … năm 2025`, `II. NHIỆM VỤ TRỌNG TÂM QUÝ II`,
`2. Phương hướng, nhiệm vụ năm 2024`) sets the kind (actual/target) and the period of the lines below
it. Headings nest (Phần/Điều > I. > 1. > 1.1. > a)): a heading ends the sections of its own level and
below, so `II. …` after `I. ĐÁNH GIÁ … NỬA ĐẦU NHIỆM KỲ` no longer inherits the mid-term period.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from ingest.extract.periods import H2_RE, SPAN_RE, Term, is_party_term, phrase_period, without_comparisons
from ingest.extract.scan import after_last, is_ascii_digit
from ingest.extract.triggers import opened
from ingest.extract.vocab import (
    ACTUAL_HEADINGS,
    ADOPTED_PLAN_GOES_ON,
    EFFORT_NOT_TARGET,
    HEADLINE_LEADS,
    HEADLINE_PAGE_LINE_CHARS,
    HEADLINE_PAGE_LINES_BEFORE,
    HEADLINE_SUBJECT_WORDS,
    HEDGES_BEFORE,
    LATER_PLAN_NOUNS,
    LEAD_ANCHORS,
    LEAD_ATTAINED_AFTER,
    LEAD_ATTAINED_GAP_WORDS,
    LEAD_ATTAINED_NOUNS,
    LEAD_ATTAINED_QUALIFIERS,
    LEAD_BLOCKERS,
    LEAD_BLOCKERS_BEFORE_FIGURE,
    LEAD_DECISION_NOT_BEFORE,
    LEAD_DECISIONS,
    LEAD_NOT_ATTAINED_BETWEEN,
    LEAD_REPORTED,
    LIST_BACK_ON_RESULTS,
    LIST_GOES_ON_STARTS,
    PARAGRAPH_LEAD_BACK_ON_RESULTS,
    PARAGRAPH_LEAD_FRONT_CHARS,
    PLAN_ADOPTION_VERBS,
    PLAN_DOCUMENT_LINKS,
    PLAN_DOCUMENT_SUBJECTS,
    PLAN_DOCUMENTS,
    PLAN_ITEM_UNITS,
    RESULT_LINE_STARTS,
    TARGET_HEADINGS,
    TARGET_LEAD_PATTERNS,
    TARGET_LEADS,
    TERM_FRONT_NOUNS,
    TERM_FRONT_PREFIXES,
    TITLE_REPEAT_TAIL_CHARS,
    WEAK_TARGET_HEADINGS,
)

_LINE = re.compile(r"[^\n]+")
_FOOTNOTE = re.compile(r"^[\s*]*\[([0-9]{1,3})\]")
# A run of sentence marks before whitespace, or an ellipsis `...`; written to open with a character class
# so the engine skips between candidates at C speed (`[.;!?…]+(?=\s)|\.{3}` scans every position).
_SENT_END = re.compile(r"[.;!?…](?:[.;!?…]*(?=\s)|(?<=\.)\.\.)")
# A lone number needs its mark (`2. `, `3) `): `10 năm thực hiện Chương trình …`, `52 xã của tỉnh …` open
# with a count, they are no numbered headings; `2.1 ` is one.
_MARKER = re.compile(
    r"^[\s#*>\-–•+]*(?:phần\s+thứ\s+\w+|điều\s+[0-9]{1,3}[.:]?\s|"
    r"(?:[ivxlc]+|[0-9]{1,2}(?:\.[0-9]{1,2})+|[a-zđ])[.)/]?\s|[0-9]{1,2}[.)/]\s)"
)
_PART = re.compile(r"^[\s#*]*(?:phần\s+(?:thứ\s+)?\w+|điều\s+[0-9]{1,3}\b)")
# Level of a marked heading, read on the original-case line: 0 Phần/Điều, 1 `II.`, 2 `2.`, 3 `2.1.`, 4 `a)`.
_ROMAN = re.compile(r"^[\s#*]*[IVXLC]+[.)]\s")
_ARABIC = re.compile(r"^[\s#*]*([0-9]{1,2}(?:\.[0-9]{1,2})*)\.?[)/]?\s")
_LETTER = re.compile(r"^[\s#*\-–•+]*[a-zđ][.)]\s")
# A sentence inside a marked line: the marker's own dot is not one.
_BODY_AFTER_MARKER = re.compile(r"^[\s#*>\-–•+]*(?:(?:[ivxlc]+|[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zđ])[.)/]?\s)?")
# A number with a unit in a heading line makes it a list item, not a heading (`3. Thu nhập … 60 triệu`).
_QUANTITY_IN_LINE = re.compile(
    r"[0-9](?:[.,]?[0-9])*[^\S\n]*(?:%|ha\b|tấn|tạ|triệu|tỷ|đồng|con\b|người|hộ\b)"
)
_KIND_RE = {
    "target": re.compile("|".join(re.escape(w) for w in TARGET_HEADINGS)),
    "weak_target": re.compile("|".join(re.escape(w) for w in WEAK_TARGET_HEADINGS)),
    "actual": re.compile("|".join(re.escape(w) for w in ACTUAL_HEADINGS)),
}


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in sorted(words, key=len, reverse=True))


# A lead, `(?<!\w)` before it checked by `_leads`: a pattern opening with a look-behind is tried at every
# position, one opening with its words skips at C speed to the letters they start with.
_LEAD = re.compile(
    rf"(?:{_alt(TARGET_LEADS)}|{'|'.join(TARGET_LEAD_PATTERNS)})(?!\w)(?![^\S\n]+quốc[^\S\n]+gia)"
)
_ANCHOR_FIRSTS = {second: tuple(firsts) for second, firsts in LEAD_ANCHORS.items()}
_CLAUSE_MARK_CHARS = ",;:("  # `[,;:(](?![0-9])`, read with `after_last(…, not_before=is_ascii_digit)`
# an achievement before a lead (`đạt và vượt 21/25 chỉ tiêu`, `đạt 101,9% mục tiêu nghị quyết`); `đạt` only
# before a figure, a hedge between (`đạt trên 666 tỷ đồng, …`)
_LEAD_BLOCKED = re.compile(
    rf"(?<!\w)(?:{_alt(LEAD_BLOCKERS)}|(?:{_alt(LEAD_BLOCKERS_BEFORE_FIGURE)})"
    rf"(?=[^\S\n]+(?:(?:{_alt(HEDGES_BEFORE)})[^\S\n]+)?[0-9]))(?!\w)"
)
_ATTAINED_AFTER = re.compile(
    rf"(?:[^\S\n]+(?:{_alt(LEAD_ATTAINED_QUALIFIERS)}))?(?:[^\S\n]+đều)?[^\S\n]+(?:{_alt(LEAD_ATTAINED_AFTER)})(?!\w)"
)
_ATTAINED_LATER = re.compile(
    rf"(?:[^\S\n]+[^\s,;:.()0-9]+){{1,{LEAD_ATTAINED_GAP_WORDS}}}?[^\S\n]+(?P<verb>{_alt(LEAD_ATTAINED_AFTER)})(?!\w)"
)
_STRIVING = re.compile(rf"(?<!\w)(?:{_alt(LEAD_NOT_ATTAINED_BETWEEN)})(?!\w)")
_ENDS_WITH_MARKER = re.compile(r"(?:^|[\s)])(?:[0-9]{1,2}|[ivx]+)\.$")
_GOES_ON = re.compile(
    r"[\s\-–•*+]*(?:cụ thể|gồm|trong đó|bao gồm|đồng thời|tỷ lệ|tỉ lệ|[0-9]{1,2}[.)]|[ivx]+\.)(?!\w)"
)
# "nghe báo cáo kết quả …, phương hướng nhiệm vụ năm 2018": the title of a report, not a lead
_REPORTED = re.compile(rf"(?<!\w)(?:{_alt(LEAD_REPORTED)})(?!\w)")
_DECIDED = re.compile(
    rf"(?<!\w)(?:{_alt(LEAD_DECISIONS)})(?!\w)(?![^\S\n]+(?:{_alt(LEAD_DECISION_NOT_BEFORE)})(?!\w))"
)
_LIST_GOES_ON = re.compile(rf"[\s\-–•*+]*(?:{_alt(LIST_GOES_ON_STARTS)})(?!\w)")
_BACK_ON_RESULTS = re.compile(rf"(?<!\w)(?:{_alt(LIST_BACK_ON_RESULTS)})(?!\w)")
_PARAGRAPH_BACK_ON_RESULTS = re.compile(rf"(?<!\w)(?:{_alt(PARAGRAPH_LEAD_BACK_ON_RESULTS)})(?!\w)")
_RESULT_LINE = re.compile(rf"[\s\-–•*+0-9.)]*(?:{_alt(RESULT_LINE_STARTS)})(?!\w)")
# "thông qua Nghị quyết về nhiệm vụ … năm 2020", "ký Quyết định … về việc giao chỉ tiêu kế hoạch … năm 2024"
# (opening with its words, not a look-behind, so the engine skips to them at C speed: `_adopted_plan_scopes`
# checks the start of the word)
_ADOPTED_PLAN = opened(
    re.compile(
        rf"(?:{_alt(PLAN_ADOPTION_VERBS)})(?!\w)[^.;:\n]{{0,60}}?(?<!\w)(?:{_alt(PLAN_DOCUMENTS)})(?!\w)"
        rf"[^.;:\n]{{0,60}}?(?<!\w)(?:{_alt(PLAN_DOCUMENT_LINKS)})[^\S\n]+(?:{_alt(PLAN_DOCUMENT_SUBJECTS)})(?!\w)"
    )
)
_ADOPTED_GOES_ON = re.compile(rf"[\s\-–•*+]*(?:{_alt(ADOPTED_PLAN_GOES_ON)})(?!\w)")
_PLAN_TITLE = re.compile(r"^[\s#*]*(?:kế hoạch|nghị quyết về|phương hướng|mục tiêu)(?!\w)")


class Sentence(NamedTuple):
    """A sentence (or list item, or heading) of the text: `text[start:end]`.

    A named tuple rather than a frozen dataclass: a document has hundreds of sentences, and building a
    frozen dataclass costs about four times as much (it is immutable either way).
    """

    start: int
    end: int
    kind: str  # section kind: "actual" or "target"
    period: str | None  # section period, None = document default
    is_heading: bool
    line_start: int = 0  # start of the line (list item, paragraph) the sentence is on
    # where the lead opening the target scope stands when it is in this sentence, with results before it
    # in the sentence (`… đạt trên 7.743 tỷ đồng, … (dự kiến 6 tháng đầu năm đạt 70% dự toán)`), else -1
    lead_at: int = -1


def _is_heading(line: str, line_l: str) -> bool:
    stripped = line.strip(" \t*#_\u00a0")
    if not stripped or len(stripped) > 160 or "%" in stripped:
        return False
    letters = list(filter(str.isalpha, stripped))
    if letters and sum(map(str.isupper, letters)) / len(letters) >= 0.6 and len(letters) > 3:
        return True
    if _PART.match(line_l):
        return True
    if not _MARKER.match(line_l) or len(stripped) > 120:
        return False
    marker = _BODY_AFTER_MARKER.match(stripped)  # every group is optional: it always matches
    body = stripped[marker.end() if marker else 0 :].rstrip()
    if not body or body[-1] in ".;:,!?" or ". " in body or "; " in body:
        return False  # a list item or a sentence, not a title
    return not _QUANTITY_IN_LINE.search(line_l)


def _level(line: str, line_l: str, current: float) -> float:
    """Nesting level of a heading; unmarked (all-caps) titles nest under the current heading."""
    if _PART.match(line_l):
        return 0.0
    if _ROMAN.match(line):
        return 1.0
    m = _ARABIC.match(line)
    if m:
        return 2.0 + m.group(1).count(".")
    if _LETTER.match(line):
        return 4.0
    return current + 0.5


def _heading_kind(line_l: str, period: str | None, default_period: str | None) -> str | None:
    if _PLAN_TITLE.match(line_l):
        return "target"  # "KẾ HOẠCH KINH TẾ - XÃ HỘI NĂM 2022": a plan
    found = [(m.start(), kind) for kind, rx in _KIND_RE.items() if (m := rx.search(line_l))]
    if not found:
        return None
    kind = min(found)[1]
    if kind == "weak_target":
        # "Kết quả một số chỉ tiêu quý I" is a result; "chỉ tiêu … năm 2025" in a 2024 report is a plan
        if period is not None and (
            period.endswith("-second-half") or (default_period and period != default_period)
        ):
            return "target"
        return None
    return kind


def _heading_period(line_l: str, ref_year: int | None, term: Term | None) -> str | None:
    found = phrase_period(line_l, ref_year, term)
    h2 = H2_RE.search(line_l)
    if h2 and (found is None or h2.start() <= found[0]):
        year = h2.group(1) or (str(ref_year) if ref_year else None)
        return year
    if found:
        return found[1]
    span = SPAN_RE.search(line_l)
    if span and is_party_term(int(span.group(1)), int(span.group(2))):
        return f"term-{span.group(1)}-{span.group(2)}"
    return None


def layout(
    text: str,
    text_l: str,
    *,
    ref_year: int | None,
    term: Term | None,
    body_start: int = 0,
    default_period: str | None = None,
    title: str | None = None,
    page_year: int | None = None,
) -> list[Sentence]:
    """Sentences of the text in order, each with the kind and period of its section; `title` is the page's
    title given beside the text (its headline, wherever the page prints it again), `page_year` the year of
    the page's date beside it."""
    out: list[Sentence] = []
    stack: list[tuple[float, str | None, str | None]] = []  # (level, kind, period) of open headings
    kind, period = "actual", None
    for line in _LINE.finditer(text):
        ls, le = line.start(), line.end()
        line_l = text_l[ls:le]
        note = _FOOTNOTE.match(line_l) if "[" in line_l else None  # `in` first: its literal, at C speed
        if note is not None:
            # a footnote belongs to the section of its marker in the body, not to where it is printed
            anchor = text_l.rfind(f"[{note.group(1)}]", 0, ls)
            owner = _sentence_at(out, anchor) if anchor >= 0 else None
            if owner is not None:
                _split(text, ls, le, owner.kind, owner.period, out)
                continue
        if ls >= body_start and _is_heading(line.group(), line_l):
            current = stack[-1][0] if stack else 0.0
            level = _level(line.group(), line_l, current)
            new_period = _heading_period(line_l, ref_year, term)
            new_kind = _heading_kind(line_l, new_period, default_period)
            if stack and level == current + 0.5 and out and out[-1].is_heading:
                # an unmarked title line right under a heading continues it
                # ("MỤC TIÊU, … GIẢI PHÁP" / "CHỦ YẾU NHIỆM KỲ 2025 – 2030")
                lvl, k, p = stack.pop()
                stack.append((lvl, new_kind or k, new_period or p))
            else:
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, new_kind, new_period))
            kind = next((k for _, k, _ in reversed(stack) if k), "actual")
            period = next((p for _, _, p in reversed(stack) if p), None)
            out.append(Sentence(ls, le, kind, period, True, ls))
            continue
        _split(text, ls, le, kind, period, out)
    out = _adopted_plan_scopes(text_l, _lead_scopes(text_l, out, ref_year, term, title), ref_year, term)
    out = _later_plan_lists(text_l, out, ref_year, term)
    return _coming_term_paragraphs(text_l, out, ref_year, term, page_year)


def _lead_scopes(
    text_l: str, out: list[Sentence], ref_year: int | None, term: Term | None, title: str | None = None
) -> list[Sentence]:
    """Targets opened by a lead in running text (`… với 20 chỉ tiêu chủ yếu là: A; B`, `Năm 2026,
    phấn đấu …`): the lead's sentence, the `;`-items after it and sentences that go on with the list
    (`Cụ thể, …`); after a colon, the rest of its line; when the lead line lists no figure of its own
    (`Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)`, `… phấn đấu:`), also the lines after it until a
    heading or a line back on results; a paragraph of `;`-items right after a list that ran to the end of
    its line goes on with it to its full stop (`_items_go_on`). The page's headline opens none: at the top
    of the text (`_is_headline`) or printed again in the body (`_repeats_title`: under a photo, after the
    lead-in)."""
    starts = [s.start for s in out]
    headline = _words(title) if title else ""
    # a lead word can only be where an anchor is: only the sentences holding one are read
    holding = set()
    for a in _anchor_positions(text_l):
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and a < out[k].end and not out[k].is_heading:
            holding.add(k)
    i = 0  # sentences before `i` are already in a lead's scope
    for k in sorted(holding):
        if k < i:
            continue
        s = out[k]
        lead = _find_lead(text_l, s)
        if lead is None:
            continue
        i = k
        line_end = text_l.find("\n", s.start)
        line_end = len(text_l) if line_end < 0 else line_end
        colon = text_l.find(":", lead, min(line_end, lead + 80))
        # the list's period is the lead's own (`… phấn đấu đến năm 2025:`), else the one fronting its
        # sentence (`Nhiệm kỳ 2025-2030, Đảng bộ xã đề ra …: A; B … vào năm 2027`): a year inside one item
        # after the colon dates that item, not the list
        found = phrase_period(
            without_comparisons(text_l[lead : colon if colon >= 0 else line_end]), ref_year, term
        ) or phrase_period(without_comparisons(text_l[s.start : lead]), ref_year, term)
        period = found[1] if found else None
        rest = text_l[lead:line_end]
        tidy = rest.rstrip()
        title_like = len(tidy) < 100 and "." not in tidy  # "Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)"
        label = not rest[rest.find(":") + 1 :].strip() if colon >= 0 else title_like
        label = label and not _QUANTITY_IN_LINE.search(rest)
        if (
            label
            and colon < 0
            and (
                _is_headline(text_l, s.line_start, lead, line_end)
                or _repeats_title(text_l, s, line_end, headline)
            )
        ):
            label = False  # `Đắk Tô: Phấn đấu tăng thu nhập …` over an article: it sums up, it opens no list
        paragraph = colon < 0 and not label and _fronts_paragraph(text_l, s, lead)
        j = i
        list_line = -1  # the paragraph that goes on with a list ended by its line (see `_goes_on`)
        items = False  # ...a paragraph of `;`-items (see `_items_go_on`): read to a sentence back on results
        while j < len(out):
            t = out[j]
            if t.line_start != s.line_start and t.line_start != list_line:
                if not label and colon >= 0 and list_line < 0 and _goes_on(text_l, out[j - 1], t):
                    list_line = t.line_start
                elif not label and list_line < 0 and _items_go_on(text_l, out[j - 1], t, ref_year, term):
                    list_line, items = t.line_start, True
                elif not label or t.is_heading or _RESULT_LINE.match(text_l, t.line_start):
                    break
            elif items and t.line_start == list_line and t.start != list_line:
                if not text_l[out[j - 1].start : out[j - 1].end].rstrip().endswith(";"):
                    break  # the items end at the list's full stop
                if _BACK_ON_RESULTS.search(text_l, t.start, t.end):
                    break
            elif j > i and colon < 0:
                previous = text_l[out[j - 1].start : out[j - 1].end]
                numbered = _ENDS_WITH_MARKER.search(previous) is not None  # "… (11 chỉ tiêu) 1." + item
                if paragraph:
                    if _PARAGRAPH_BACK_ON_RESULTS.search(text_l, t.start, t.end):
                        break  # "… . Năm 2023, xã đã …": back to results
                elif not previous.endswith(";") and not numbered and not _GOES_ON.match(text_l, t.start):
                    break  # without a colon the lead governs its sentence and the list after it
            # the lead's own sentence is a target from the lead on: the figures before it keep their kind
            at = lead if j == i and t.kind != "target" else -1
            # results before the lead keep the sentence's period: the lead's dates only its own clause on
            own = t.period if at >= 0 and _QUANTITY_IN_LINE.search(text_l, t.start, lead) else period
            out[j] = t._replace(kind="target", period=t.period or own, lead_at=at)
            j += 1
        i = max(j, i + 1)
    return out


def _adopted_plan_scopes(
    text_l: str, out: list[Sentence], ref_year: int | None, term: Term | None
) -> list[Sentence]:
    """The figures of a plan a sentence adopts (`Kỳ họp cũng thông qua Nghị quyết về nhiệm vụ … 6 tháng cuối
    năm 2020: tổng thu ngân sách 545 tỷ đồng, …`, `… ký Quyết định … về việc giao chỉ tiêu kế hoạch … năm
    2024. Theo đó, chi ngân sách nhà nước năm 2024 là 10.815 tỷ đồng; …`): after a colon, the rest of its
    line; else the sentences of its paragraph from one opening with `Theo đó` on, until one is back on
    results. A resolution merely carried out (`Thực hiện Nghị quyết về nhiệm vụ năm 2023, …`) adopts none."""
    if not out:
        return out
    starts = [s.start for s in out]
    for m in _ADOPTED_PLAN.finditer(text_l):
        k = _body_sentence_index(text_l, out, starts, m)
        if k is None:
            continue
        s = out[k]
        found = phrase_period(text_l[m.start() : s.end], ref_year, term)
        period = found[1] if found else None
        colon = text_l.find(":", m.end(), s.end)
        if colon >= 0:
            if s.kind != "target":
                out[k] = s._replace(kind="target", period=s.period or period, lead_at=colon)
            first = k + 1
        elif (
            k + 1 < len(out)
            and out[k + 1].line_start == s.line_start
            and _ADOPTED_GOES_ON.match(text_l, out[k + 1].start)
        ):
            first = k + 1
        else:
            continue
        j = first
        while j < len(out) and out[j].line_start == s.line_start:
            t = out[j]
            if colon < 0 and j > first and _PARAGRAPH_BACK_ON_RESULTS.search(text_l, t.start, t.end):
                break
            if t.kind != "target":
                out[j] = t._replace(kind="target", period=t.period or period)
            j += 1
    return out


# `… chỉ tiêu … năm 2024 là:` — the plan word, its year (group 1) within its clause, and the colon ending it
_LATER_PLAN_LIST = opened(
    re.compile(
        rf"(?:{_alt(LATER_PLAN_NOUNS)})(?!\w)[^.;:\n]{{0,80}}?(?<!\w)năm[^\S\n]+(20[0-9]{{2}})(?![0-9])[^.;:\n]{{0,60}}:"
    )
)


def _later_plan_lists(
    text_l: str, out: list[Sentence], ref_year: int | None, term: Term | None
) -> list[Sentence]:
    """The targets a sentence lists after naming a plan of a year after the document's own and a colon
    (`Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2024 là: Tốc độ tăng trưởng … đạt 9,5%, …`): the rest of its
    line, dated by that plan. An achievement before the plan word in its clause (`9 chỉ tiêu đạt và vượt
    so với kế hoạch năm 2024, điển hình như:`) makes it a result."""
    if not out or ref_year is None or ":" not in text_l:
        return out
    starts = [s.start for s in out]
    for m in _LATER_PLAN_LIST.finditer(text_l):
        if int(m.group(1)) <= ref_year:
            continue
        k = _body_sentence_index(text_l, out, starts, m)
        if k is None:
            continue
        s = out[k]
        clause = after_last(text_l, _CLAUSE_MARK_CHARS, s.start, m.start(), not_before=is_ascii_digit)
        if _LEAD_BLOCKED.search(text_l, clause, m.start()):
            continue
        found = phrase_period(text_l[m.start() : m.end()], ref_year, term)
        period = found[1] if found else None
        colon = m.end() - 1
        if s.kind != "target":
            out[k] = s._replace(kind="target", period=s.period or period, lead_at=colon)
        j = k + 1
        while j < len(out) and out[j].line_start == s.line_start:
            t = out[j]
            if t.kind != "target":
                out[j] = t._replace(kind="target", period=t.period or period)
            j += 1
    return out


# `Nhiệm kỳ 2015-2020, …`, `Trong giai đoạn 2026 - 2030, …` fronting a paragraph: its years (groups 1, 2)
_FRONTED_TERM = re.compile(
    rf"[\s\-–•*+]*(?:{_alt(TERM_FRONT_PREFIXES)}[^\S\n]+)?(?:{_alt(TERM_FRONT_NOUNS)})[^\S\n]+"
    r"((?:19|20)[0-9]{2})[^\S\n]*[-–][^\S\n]*((?:19|20)[0-9]{2})[^\S\n]*,"
)

# a term or span the text names anywhere (`nhiệm kỳ 2025-2030`): its first year (group 1); searched only where
# a noun's first word is (`opened`: an alternation alone is tried at every `n`, `g`)
_NAMED_TERM = opened(
    re.compile(
        rf"(?:{_alt(TERM_FRONT_NOUNS)})[^\S\n]+((?:19|20)[0-9]{{2}})[^\S\n]*[-–][^\S\n]*(?:19|20)[0-9]{{2}}"
    )
)


def _coming_term_paragraphs(
    text_l: str, out: list[Sentence], ref_year: int | None, term: Term | None, page_year: int | None
) -> list[Sentence]:
    """The figures of a paragraph a coming term fronts (`Nhiệm kỳ 2015-2020, Đảng bộ phường tập trung hoàn
    thành các chỉ tiêu cơ bản, cụ thể, giá trị sản xuất … tăng 18%/năm; …` at the congress opening that term):
    what the term sets, from the front on, until a sentence of the paragraph is back on results. A term is
    coming when it starts no earlier than the page's year (else the document's year): `Nhiệm kỳ 2020-2025,
    xã đạt …` at a congress of 2025 reviews the closing term. A first sentence that already reports results
    (`Nhiệm kỳ 2025-2030, Đảng bộ … đã phát huy …`) opens nothing, nor does a term the text names a later one
    after (`Nhiệm kỳ 2020-2025, …` beside `nhiệm kỳ 2025-2030`: the closing term, whatever the date)."""
    now = page_year or ref_year
    if not out or now is None or ("nhiệm kỳ" not in text_l and "giai đoạn" not in text_l):
        return out
    named = list(_NAMED_TERM.finditer(text_l))
    starts = [int(m.group(1)) for m in named]
    if not named:
        return out
    sentence_starts = [s.start for s in out]
    fronts = {bisect.bisect_right(sentence_starts, m.start()) - 1 for m in named}  # the sentences holding one
    for k in sorted(fronts):
        if k < 0 or out[k].is_heading or out[k].start != out[k].line_start:
            continue
        s = out[k]
        m = _FRONTED_TERM.match(text_l, s.start, s.end)
        if m is None or int(m.group(1)) < now or int(m.group(2)) <= int(m.group(1)):
            continue
        if any(start >= int(m.group(2)) for start in starts):
            continue
        if _PARAGRAPH_BACK_ON_RESULTS.search(text_l, m.end(), s.end):
            continue
        found = phrase_period(text_l[s.start : m.end()], ref_year, term)
        period = found[1] if found else None
        j = k
        while j < len(out) and out[j].line_start == s.line_start:
            t = out[j]
            if j > k and _PARAGRAPH_BACK_ON_RESULTS.search(text_l, t.start, t.end):
                break
            if t.kind != "target":
                out[j] = t._replace(kind="target", period=t.period or period)
            j += 1
    return out


_LIST_MARK = re.compile(r"[^\S\n]*(?:[\-–•*+]|[0-9]{1,2}[.)]|[a-zđ][.)]|[ivx]+\.)")


def _is_headline(text_l: str, line_start: int, lead: int, line_end: int) -> bool:
    """Whether the line is an article's headline: the text's first line, or under a few short page lines
    that are no sentence (a date line, `Danh mục`), led by a verb of striving (`Phấn đấu về đích …`) or
    saying who set the lead's goals (`HĐND xã Nga An thống nhất mục tiêu, nhiệm vụ năm 2026`: the news of
    a meeting; a plan's title, `Phương hướng, nhiệm vụ năm 2024`, `Các chỉ tiêu chủ yếu …`, opens with its
    lead and names what follows), and what follows is no list of items."""
    if not _page_lines_only(text_l[:line_start]):
        return False
    if not text_l.startswith(HEADLINE_LEADS, lead) and not _subject_before(text_l, line_start, lead):
        return False
    nxt = line_end
    while nxt < len(text_l) and text_l[nxt].isspace():
        nxt += 1
    return not _LIST_MARK.match(text_l, nxt)


def _words(text: str) -> str:
    """The text's words, lower case, one space apart, without the marks around them (`**`, `#`)."""
    return " ".join(text.lower().split()).strip(" *#_")


def _repeats_title(text_l: str, s: Sentence, line_end: int, headline: str) -> bool:
    """Whether the lead's line is the page's title printed again (`headline`, see `_words`), wherever it
    stands (`Thạch Hà phấn đấu đạt chuẩn … năm 2024` under the lead-in paragraph, a caption `… - Ảnh 1`):
    it sums the article up, as the headline at the top does, and opens no list over the lines after it."""
    if not headline:
        return False
    line = _words(text_l[s.line_start : line_end])
    return line.startswith(headline) and len(line) - len(headline) <= TITLE_REPEAT_TAIL_CHARS


def _subject_before(text_l: str, line_start: int, lead: int) -> bool:
    """Whether a subject and its verb come before the lead on its line: a few words (`hđnd xã nga an
    thống nhất`), not a title's determiner (`các`, `một số`) or a date printed on the same line."""
    words = [w for w in text_l[line_start:lead].split() if w.isalpha()]
    return len(words) >= HEADLINE_SUBJECT_WORDS


def _page_lines_only(before: str) -> bool:
    """Whether the text before a line is at most a few short lines that are no sentence."""
    if len(before.strip()) > HEADLINE_PAGE_LINES_BEFORE * (HEADLINE_PAGE_LINE_CHARS + 1):
        return False  # (read before splitting: a lead deep in a long text is never a headline)
    lines = [line.strip() for line in before.split("\n") if line.strip()]
    return len(lines) <= HEADLINE_PAGE_LINES_BEFORE and all(
        len(line) <= HEADLINE_PAGE_LINE_CHARS and not line.endswith((".", ";", ":")) for line in lines
    )


# a figure that is no year: `621 tỉ đồng`, `ít nhất 2 đơn vị`, `14%` (not `năm 2023`, `2020-2025`)
_FIGURE = re.compile(r"(?<![0-9.,/])(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]")


# a count of the plan's own items (`15 chỉ tiêu thực hiện đạt và vượt`): what the plan holds, no figure it
# sets
_PLAN_ITEM_AFTER = re.compile(rf"[0-9.,/]*[^\S\n]*(?:{_alt(tuple(sorted(PLAN_ITEM_UNITS)))})(?!\w)")


def _sets_figure(after: str) -> bool:
    """Whether a figure of any unit comes after a lead (`đề ra mục tiêu sẽ có thêm 8 xã đạt chuẩn …`, `14%`,
    `621 tỉ đồng`; not a year), other than a count of the plan's own items (`Trong 24 chỉ tiêu chủ yếu …
    đề ra, 18 chỉ tiêu thực hiện đạt và vượt`: what was met, not what is set)."""
    return any(_PLAN_ITEM_AFTER.match(after, m.start()) is None for m in _FIGURE.finditer(after))


def _fronts_paragraph(text_l: str, s: Sentence, lead: int) -> bool:
    """Whether the lead opens its paragraph and sets figures: in its first sentence, with no more than a
    short phrase and no figure or achievement before it and a figure after it (`Mục tiêu tổng quát năm
    2023 phấn đấu … đạt 621 tỉ đồng`, `Năm 2026, phấn đấu …`; not `Nhiệm vụ trọng tâm năm 2023 được triển
    khai hiệu quả.`)."""
    if s.start != s.line_start or lead - s.line_start > PARAGRAPH_LEAD_FRONT_CHARS:
        return False
    if _QUANTITY_IN_LINE.search(text_l, s.line_start, lead):
        return False
    if _LEAD_BLOCKED.search(text_l, s.line_start, lead):
        return False  # "Năm 2022, xã đạt nhiều kết quả, trong năm tới xã phấn đấu …": a result comes first
    return _FIGURE.search(text_l, lead, s.end) is not None


def _anchor_positions(text_l: str) -> list[int]:
    """Sorted positions of the two-syllable words every lead holds (`LEAD_ANCHORS`): the second
    syllable found at C speed, the first checked right before it."""
    found = []
    for second, firsts in _ANCHOR_FIRSTS.items():
        i = text_l.find(second)
        while i >= 0:
            if _first_before(text_l, i, firsts):
                found.append(i)
            i = text_l.find(second, i + 1)
    found.sort()
    return found


def _first_before(text_l: str, i: int, firsts: tuple[str, ...]) -> bool:
    r"""Whether one of `firsts`, a whole word, and spaces end at `i` within 12 characters: what
    `(?<!\w)(?:firsts)[^\S\n]+$` finds in `text_l[i - 12 : i]`, read backwards instead of tried at
    every position (`$` also holds before a line break that ends the stretch)."""
    lo = max(0, i - 12)
    end = i - 1 if i > lo and text_l[i - 1] == "\n" else i
    j = end
    while j > lo and text_l[j - 1].isspace() and text_l[j - 1] != "\n":
        j -= 1
    if j == end:
        return False
    for first in firsts:
        k = j - len(first)
        glued = k > 0 and (text_l[k - 1].isalnum() or text_l[k - 1] == "_")
        if k >= lo and text_l.startswith(first, k) and not glued:
            return True
    return False


def _find_lead(text_l: str, s: Sentence) -> int | None:
    """Where a lead opens targets in the sentence: no achievement or report before it, and figures
    (or a colon) after it."""
    for m in _leads(text_l, s.start, s.end):
        start, end = m.start(), m.end()
        clause = after_last(text_l, _CLAUSE_MARK_CHARS, s.start, start, not_before=is_ascii_digit)
        before = text_l[clause:start]
        if _LEAD_BLOCKED.search(before) or _reported(text_l, s.start, start):
            continue
        if text_l.endswith(EFFORT_NOT_TARGET, s.start, end):
            continue  # "Với nỗ lực phấn đấu, 100% các chỉ tiêu … đều đạt": effort, as for the cue (`kinds`)
        if _names_targets(m.group()) and _attained_after(text_l, end, s.end):
            continue  # "17/17 chỉ tiêu chủ yếu đạt và vượt Nghị quyết": targets met, a result
        after = text_l[end : s.end]
        if after.rstrip().endswith(";"):  # the `;`-items after the lead belong to it: read them too
            line_end = text_l.find("\n", s.end)
            after = text_l[end : len(text_l) if line_end < 0 else line_end]
        if ":" in after[:80] or _sets_figure(after) or s.end - s.start < 100:
            return start
    return None


def _attained_after(text_l: str, end: int, stop: int) -> bool:
    """Whether the targets a lead names are the subject of an achievement in its clause: right after it
    (`17/17 chỉ tiêu chủ yếu đạt và vượt Nghị quyết`) or after a few words saying who met them (`một số
    chỉ tiêu chủ yếu huyện thực hiện đạt kết quả khá tốt: …`), with no striving or setting between (`các
    chỉ tiêu chủ yếu xã cần đạt: …` sets targets)."""
    if _ATTAINED_AFTER.match(text_l, end):
        return True
    m = _ATTAINED_LATER.match(text_l, end, stop)
    return m is not None and not _STRIVING.search(text_l, end, m.start("verb"))


def _names_targets(lead: str) -> bool:
    """Whether the lead names the targets themselves (`chỉ tiêu chủ yếu`), not a goal (`mục tiêu`)."""
    words = " ".join(lead.split())
    return any(noun in words for noun in LEAD_ATTAINED_NOUNS)


def _goes_on(text_l: str, last: Sentence, t: Sentence) -> bool:
    """Whether the paragraph of `t`, right after a lead's list that ran to the end of its line (`last`),
    goes on with the list: it opens with a measure word and says nothing of results."""
    if t.is_heading or not _LIST_GOES_ON.match(text_l, t.line_start):
        return False
    if text_l.count("\n", last.end, t.line_start) > 2:
        return False  # a blank stretch between: a new part of the text
    line_end = text_l.find("\n", t.line_start)
    return not _BACK_ON_RESULTS.search(text_l, t.line_start, len(text_l) if line_end < 0 else line_end)


def _items_go_on(text_l: str, last: Sentence, t: Sentence, ref_year: int | None, term: Term | None) -> bool:
    """Whether the paragraph of `t`, right after a lead's targets that ran to the end of their line (`last`),
    goes on with them as `;`-items (`Năm 2025, tỉnh đặt mục tiêu: A; B.` / `Thu ngân sách 44.923 tỷ đồng;
    đô thị hóa đạt 48%; …`): its first sentence is an item ending on `;` that says nothing of results and
    opens with no period of its own (`Nhiệm kỳ 2020-2025, tốc độ tăng trưởng … đạt 6,8%/năm; …` dates a
    new statement)."""
    if t.is_heading or t.start != t.line_start or not text_l[t.start : t.end].rstrip().endswith(";"):
        return False
    if text_l.count("\n", last.end, t.line_start) > 2:
        return False  # a blank stretch between: a new part of the text
    if _BACK_ON_RESULTS.search(text_l, t.start, t.end):
        return False
    first = min((i for c in ",;:" if (i := text_l.find(c, t.start, t.end)) >= 0), default=t.end)
    return phrase_period(text_l[t.start : first], ref_year, term) is None


def lead_end(text_l: str, lo: int, hi: int) -> int:
    """Where the last lead in `text_l[lo:hi]` ends (`lo` without one): what comes before a lead
    (`các đại biểu đã thảo luận và thống nhất đề ra …`) says nothing about the figures after it."""
    end = lo
    for m in _leads(text_l, lo, hi):
        end = m.end()
    return end


def last_lead(text_l: str, lo: int, hi: int) -> str | None:
    """The words of the last lead in `text_l[lo:hi]` (`dự kiến`, `phấn đấu`), None without one."""
    found = None
    for m in _leads(text_l, lo, hi):
        found = m.group(0)
    return found


def _leads(text_l: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    r"""The leads in `text_l[lo:hi]` that start a word: the matches of `(?<!\w)` + `_LEAD` found by
    `finditer`."""
    while (m := _LEAD.search(text_l, lo, hi)) is not None:
        start = m.start()
        if start > 0 and (text_l[start - 1].isalnum() or text_l[start - 1] == "_"):  # `\w` before it
            lo = start + 1
            continue
        yield m
        lo = m.end()


def _reported(text_l: str, lo: int, hi: int) -> bool:
    """Whether `text_l[lo:hi]`, before a lead, makes it the title of a report: a report word with no
    decision after it."""
    end = -1
    for m in _REPORTED.finditer(text_l, lo, hi):
        end = m.end()
    return end >= 0 and not _DECIDED.search(text_l, end, hi)


def _split(text: str, ls: int, le: int, kind: str, period: str | None, out: list[Sentence]) -> None:
    pos = ls
    # `tuple.__new__` with every field is what `Sentence(...)` does, without its Python-level `__new__`
    # (a document has hundreds of sentences); the fields in order, `lead_at` at its default -1
    new = tuple.__new__
    for end in _SENT_END.finditer(text, ls, le):
        stop = end.end()
        if stop - pos > 1:
            out.append(new(Sentence, (pos, stop, kind, period, False, ls, -1)))
        pos = stop
    if le - pos > 0 and text[pos:le].strip():
        out.append(new(Sentence, (pos, le, kind, period, False, ls, -1)))


def _body_sentence_index(text_l: str, out: list[Sentence], starts: list[int], m: re.Match[str]) -> int | None:
    """The index of the body sentence (not a heading) a match opening on a word's start lies wholly in,
    else None; `starts` are the sentences' starts."""
    if m.start() > 0 and (text_l[m.start() - 1].isalnum() or text_l[m.start() - 1] == "_"):
        return None  # `\w` before it: not the start of a word
    k = bisect.bisect_right(starts, m.start()) - 1
    if k < 0 or out[k].is_heading or m.end() > out[k].end:
        return None
    return k


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    i = bisect.bisect_right([s.start for s in sentences], pos) - 1
    return sentences[i] if i >= 0 and pos < sentences[i].end + 1 else None
