"""Years fronted in a sentence or earlier in its paragraph (`Năm 2023, …`, `Minh chứng là trong năm 2022, …`).

A year written at the front of a sentence dates what the sentence reports, and the paragraph goes on
about it until another sentence fronts a year of its own. Both the period (`timing`) and the kind
(`kinds`: a fronted year after the document's own makes targets) read them.
"""

from __future__ import annotations

import re

from ingest.extract.context import Doc
from ingest.extract.periods import document_date

_Y4 = r"((?:19|20)[0-9]{2})(?![0-9])"
# a year fronted in its sentence ("Minh chứng là trong năm 2022, …", "Năm 2023, …") dates the sentence
_S = r"[^\S\n]"
_LEAD_YEAR = re.compile(
    rf"(?:^|(?<=[\s,.:;(]))(?:trong|vào|hết|đến{_S}+hết|cuối|tính{_S}+đến{_S}+hết)?{_S}*năm{_S}+{_Y4}{_S}*[,:]"
)

# "Đến năm 2025 xã không còn hộ nghèo, tỷ lệ hộ cận nghèo dưới 0,2%": a sentence opened by `đến năm` and a
# year with no comma; the year dates the sentence (a horizon after the text's own year is a target's year)
_TO_YEAR_FRONT = re.compile(
    rf"[\s\-–•*+]*(?:tính{_S}+)?(?:đến|tới){_S}+(?:(?:hết|cuối){_S}+)?năm{_S}+{_Y4}(?!{_S}*[,:])"
)

# a fronted running total to a year's end: `Đến hết năm 2022, …`, `Tính đến cuối năm 2020, …`, `Hết năm …`
_RUNNING_END = re.compile(rf"[\s\-–•*+]*(?:tính{_S}+)?(?:(?:đến|tới){_S}+)?(?:hết|cuối){_S}+năm")

_FRONT_CHARS = 40  # how far into a sentence a fronted year or horizon is looked for

# "Đến năm 2030, …": a horizon, the year the targets are set for (not `đến hết năm 2022`, a running total)
_HORIZON = re.compile(rf"(?:^|(?<=[\s,.:;(]))(?:đến|tới){_S}+năm{_S}+{_Y4}{_S}*[,:]")


def horizon_before(doc: Doc, line_start: int, pos: int, sentences: int = 3) -> str | None:
    """The year of a horizon fronting the sentence holding `pos` or one of the few before it in its
    paragraph, when no other fronted year comes between. Memoised per sentence: past its first
    `_FRONT_CHARS` characters, where in the sentence `pos` lies changes nothing, and every figure of a
    sentence asks."""
    front = sentence_front(doc.text_l, line_start, pos)
    key = (line_start, front, min(pos, front + _FRONT_CHARS), sentences)
    if key not in doc.horizons:
        doc.horizons[key] = _horizon_before(doc.text_l, line_start, pos, sentences)
    return doc.horizons[key]


def _horizon_before(text_l: str, line_start: int, pos: int, sentences: int) -> str | None:
    end = pos
    for _ in range(sentences):
        front = sentence_front(text_l, line_start, end)
        if year_at(text_l, front, end) is not None:
            horizon = _HORIZON.search(text_l, front, min(end, front + _FRONT_CHARS))
            return horizon.group(1) if horizon is not None else None
        if front <= line_start:
            return None
        end = front - 2
    return None


def year_at(text_l: str, front: int, end: int) -> str | None:
    """The year fronted by the sentence starting at `front` (before `end`), if any."""
    if text_l.find("năm", front, min(end, front + _FRONT_CHARS)) < 0:
        return None  # the literal every fronted year holds
    lead = _LEAD_YEAR.search(text_l, front, min(end, front + _FRONT_CHARS))
    if lead is None:
        lead = _TO_YEAR_FRONT.match(text_l, front, min(end, front + _FRONT_CHARS))
    return lead.group(1) if lead is not None else None


def year_before(doc: Doc, line_start: int, end: int) -> str | None:
    """The year fronted by the nearest sentence of the line that ends by `end` and fronts one, when it
    names the paragraph's topic (`Năm 2019, …`); a running total to a year's end (`Đến hết năm 2022, …`)
    dates its own sentence only, and the sentences after it are back to the default (the gold rules).
    Memoised per sentence, since every figure of a long paragraph asks about the same sentences."""
    memo = doc.fronted_years
    asked: list[int] = []  # sentence ends walked back over, all answered by what is found
    year = None
    while end not in memo:
        asked.append(end)
        front = sentence_front(doc.text_l, line_start, end)
        year = year_at(doc.text_l, front, end)
        if year is not None:
            if _RUNNING_END.match(doc.text_l, front):
                year = None
            break
        if front <= line_start:
            break
        end = front - 2
    else:
        year = memo[end]
    for k in asked:
        memo[k] = year
    return year


def sentence_front(text_l: str, line_start: int, pos: int) -> int:
    """Where the sentence (or `;`-clause) holding `pos` starts, found backwards at C speed."""
    stop = text_l.rfind(". ", line_start, pos)
    # a `;` after the full stop only (comparisons, not `max`: asked for most figures, several times)
    semi = text_l.rfind("; ", stop if stop > line_start else line_start, pos)
    if semi > stop:
        stop = semi
    return stop + 2 if stop >= 0 else line_start


def is_later(year: str, doc: Doc) -> bool:
    """A year after the document's own (its page date, else its reference year): a target's year."""
    date = doc.page_date or document_date(doc.text_l)  # the page's date line, given beside the text or in it
    own = date[0] if date else doc.ref_year
    return own is not None and int(year) > own
