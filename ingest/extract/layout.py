"""Document layout for extraction: sentences with offsets, headings, and the section each line is in.

A heading (`Phần thứ hai`, `Điều 2. Mục tiêu, chỉ tiêu … năm 2025`, `II. NHIỆM VỤ TRỌNG TÂM QUÝ II`,
`2. Phương hướng, nhiệm vụ năm 2024`) sets the kind (actual/target) and the period of the lines below
it. Headings nest (Phần/Điều > I. > 1. > 1.1. > a)): a heading ends the sections of its own level and
below, so `II. …` after `I. ĐÁNH GIÁ … NỬA ĐẦU NHIỆM KỲ` no longer inherits the mid-term period.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ingest.extract.periods import H2_RE, SPAN_RE, Term, is_party_term, phrase_period
from ingest.extract.vocab import ACTUAL_HEADINGS, TARGET_HEADINGS, WEAK_TARGET_HEADINGS

_LINE = re.compile(r"[^\n]+")
_FOOTNOTE = re.compile(r"^[\s*]*\[([0-9]{1,3})\]")
# A run of sentence marks before whitespace, or an ellipsis `...`; written to open with a character class
# so the engine skips between candidates at C speed (`[.;!?…]+(?=\s)|\.{3}` scans every position).
_SENT_END = re.compile(r"[.;!?…](?:[.;!?…]*(?=\s)|(?<=\.)\.\.)")
_MARKER = re.compile(
    r"^[\s#*>\-–•+]*(?:phần\s+thứ\s+\w+|điều\s+[0-9]{1,3}[.:]?\s|"
    r"(?:[ivxlc]+|[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zđ])[.)/]?\s)"
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
) -> list[Sentence]:
    """Sentences of the text in order, each with the kind and period of its section."""
    out: list[Sentence] = []
    stack: list[tuple[float, str | None, str | None]] = []  # (level, kind, period) of open headings
    kind, period = "actual", None
    for line in _LINE.finditer(text):
        ls, le = line.start(), line.end()
        line_l = text_l[ls:le]
        note = _FOOTNOTE.match(line_l)
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
    return out


def _split(text: str, ls: int, le: int, kind: str, period: str | None, out: list[Sentence]) -> None:
    pos = ls
    for end in _SENT_END.finditer(text, ls, le):
        if end.end() - pos > 1:
            out.append(Sentence(pos, end.end(), kind, period, False, ls))
        pos = end.end()
    if le - pos > 0 and text[pos:le].strip():
        out.append(Sentence(pos, le, kind, period, False, ls))


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    i = bisect.bisect_right([s.start for s in sentences], pos) - 1
    return sentences[i] if i >= 0 and pos < sentences[i].end + 1 else None
