"""Document layout for extraction: sentences with offsets, headings, and the section each line is in.

A heading (`Phần thứ hai`, `II. CHỈ TIÊU PHÁT TRIỂN 05 NĂM (2025 - 2030)`, `2. Nhiệm vụ trọng tâm 6
tháng cuối năm 2023`) sets the kind (actual/target) and the period of the lines below it, until the
next heading that says otherwise.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.extract.periods import H2_RE, SPAN_RE, Term, is_party_term, phrase_period
from ingest.extract.vocab import ACTUAL_HEADINGS, TARGET_HEADINGS

_LINE = re.compile(r"[^\n]+")
_FOOTNOTE = re.compile(r"^[\s*]*\[([0-9]{1,3})\]")
_SENT_END = re.compile(r"[.;!?…]+(?=\s)|\.{3}")
_MARKER = re.compile(
    r"^[\s#*>\-–•+]*(?:phần\s+thứ\s+\w+|(?:[ivxlc]+|[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zđ])[.)/]?\s)"
)
_PART = re.compile(r"^[\s#*]*phần\s+(?:thứ\s+)?\w+")
_KIND_RE = {
    "target": re.compile("|".join(re.escape(w) for w in TARGET_HEADINGS)),
    "actual": re.compile("|".join(re.escape(w) for w in ACTUAL_HEADINGS)),
}


@dataclass(frozen=True)
class Sentence:
    """A sentence (or list item, or heading) of the text: `text[start:end]`."""

    start: int
    end: int
    kind: str  # section kind: "actual" or "target"
    period: str | None  # section period, None = document default
    is_heading: bool


def _is_heading(line: str, line_l: str) -> bool:
    stripped = line.strip(" \t*#_\u00a0")
    if not stripped or len(stripped) > 160 or "%" in stripped:
        return False
    letters = [c for c in stripped if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) >= 0.6 and len(letters) > 3:
        return True
    if _PART.match(line_l):
        return True
    return bool(_MARKER.match(line_l)) and len(stripped) <= 120 and ". " not in stripped.rstrip(". ")


def _heading_kind(line_l: str) -> str | None:
    found = [(m.start(), kind) for kind, rx in _KIND_RE.items() if (m := rx.search(line_l))]
    return min(found)[1] if found else None


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
    text: str, text_l: str, *, ref_year: int | None, term: Term | None, body_start: int = 0
) -> list[Sentence]:
    """Sentences of the text in order, each with the kind and period of its section."""
    out: list[Sentence] = []
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
            if _PART.match(line_l):
                period = None
            new_kind = _heading_kind(line_l)
            if new_kind:
                kind = new_kind
            new_period = _heading_period(line_l, ref_year, term)
            if new_period:
                period = new_period
            out.append(Sentence(ls, le, kind, period, True))
            continue
        _split(text, ls, le, kind, period, out)
    return out


def _split(text: str, ls: int, le: int, kind: str, period: str | None, out: list[Sentence]) -> None:
    pos = ls
    for end in _SENT_END.finditer(text, ls, le):
        if end.end() - pos > 1:
            out.append(Sentence(pos, end.end(), kind, period, False))
        pos = end.end()
    if le - pos > 0 and text[pos:le].strip():
        out.append(Sentence(pos, le, kind, period, False))


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    i = bisect.bisect_right([s.start for s in sentences], pos) - 1
    return sentences[i] if i >= 0 and pos < sentences[i].end + 1 else None
