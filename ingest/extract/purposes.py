"""Money raised for a purpose: `toàn huyện huy động trên 2.170 tỷ đồng cho công tác xây dựng nông thôn mới`.

A written name that is only a doer and the raising verb (`xã bình dân đã huy động`, `huy động`) says
neither what was raised nor what for; the gold rules name it by the money noun, the verb and the
purpose written after the amount (`kinh phí huy động xây dựng nông thôn mới`), or, when none is written
there, the programme its paragraph names (`Thực hiện xây dựng NTM, … đã huy động gần 68 tỷ đồng`).
Money a doer contributes keeps the doer (`vốn người dân đóng góp xây dựng nông thôn mới`). Money spent
(`hỗ trợ 200 triệu đồng cho trẻ em …`, `Giải ngân hơn 33,3 tỷ đồng cho giảm nghèo`) is named like money
raised, but only by a purpose written after the amount.
"""

from __future__ import annotations

import re

from ingest.extract.context import SPACES, Doc, words_alt
from ingest.extract.numbers import Quantity
from ingest.extract.phrases import spell_out
from ingest.extract.triggers import gated
from ingest.extract.vocab import (
    CAPITAL_DOERS,
    CAPITAL_PURPOSES,
    CAPITAL_VERBS,
    CONTRIBUTING_VERBS,
    CONTRIBUTION_NOUN,
    DOER_FILLERS,
    FUND_NOUNS,
    PARAGRAPH_PURPOSES,
    PURPOSE_FILLERS,
    PURPOSE_OPENERS,
    RAISING_VERBS,
    SPENDING_VERBS,
)

_S = r"[^\S\n]"
# the raising verb may be followed by what it raised (`đã huy động nguồn lực gần 68 tỷ đồng`); a spending
# verb (`hỗ trợ`, `giải ngân`) is named the same way when its purpose follows the amount (names13)
_VERB_END = gated(
    re.compile(
        rf"(?:^|{_S})(?P<verb>{words_alt(RAISING_VERBS + SPENDING_VERBS)})"
        rf"(?:{_S}+(?P<noun>{words_alt(FUND_NOUNS)}))?$"
    )
)
_RAISING = re.compile(rf"^(?:{words_alt(RAISING_VERBS)})$")
_CONTRIBUTED_END = gated(re.compile(rf"(?:^|{_S})(?:{words_alt(CONTRIBUTING_VERBS)})$"))
_DOER_FILLER_END = re.compile(rf"(?:^|{_S})(?:{words_alt(DOER_FILLERS)})$")
_PARAGRAPH_PURPOSES = [(re.compile(rf"(?<!\w){k}(?!\w)"), v) for k, v in PARAGRAPH_PURPOSES.items()]
_MAX_DOER_WORDS = 4
_FUND_START = re.compile(rf"^(?:{words_alt(FUND_NOUNS)})(?!\w)")
_AFTER = re.compile(
    rf"{_S}*(?P<noun>(?:{words_alt(FUND_NOUNS)})(?!\w))?[^.;:()\n]{{0,40}}?"
    rf"(?<!\w)(?:{words_alt(PURPOSE_OPENERS)}){_S}+(?:(?:{words_alt(PURPOSE_FILLERS)}){_S}+)?"
    rf"(?P<what>[^.;:()\n]{{3,90}})"
)
_MAX_PURPOSE_WORDS = 14
_MIN_WHOLE_PURPOSE = 3
_DEFAULT_NOUN = "kinh phí"
_STOPS_AFTER_CAPITAL = "tăng|giảm|đạt|bằng|và|với"


def raised_for(doc: Doc, q: Quantity, name: str, line_start: int | None = None) -> str | None:
    """`kinh phí huy động xây dựng nông thôn mới` for money raised, when the name is only who raised it;
    `vốn người dân đóng góp …` for money a doer contributed."""
    if q.unit.base_unit != "VND":
        return capital_moved(doc, q, name) if "usd" in q.unit.unit else None
    verb = _VERB_END.search(name)
    contributed = None if verb is not None else _CONTRIBUTED_END.search(name)
    if verb is None and contributed is None:
        return None
    after = _AFTER.match(doc.text_l, q.end)
    if after is None:
        if verb is not None and not _RAISING.match(verb.group("verb")):
            # money spent is named by what it was spent on, written after it (names13)
            return capital_moved(doc, q, name)
        purpose = _paragraph_purpose(doc, q, line_start)
        if purpose is None:
            return capital_moved(doc, q, name)
        if contributed is not None:
            return _contribution(name, contributed, purpose)
        assert verb is not None
        noun = SPACES.sub(" ", verb.group("noun") or _DEFAULT_NOUN)
        return f"{noun} {SPACES.sub(' ', verb.group('verb')).removesuffix(' được')} {purpose}"
    what = SPACES.sub(" ", after.group("what")).strip(" ,")
    first = what.split(",")[0].strip()
    if len(first.split()) >= _MIN_WHOLE_PURPOSE or len(what.split()) > _MAX_PURPOSE_WORDS:
        # "… nông thôn mới, vượt kế hoạch": the purpose ends at its comma, unless it is a lone verb
        # coordinated with the next ("để xây dựng, hoàn thiện các tiêu chí …")
        what = first
    words = what.split()
    if len(words) < 2 or len(words) > _MAX_PURPOSE_WORDS:
        return None
    what = spell_out(what)
    if contributed is not None:
        # "Nhân dân đóng góp trên 690 triệu đồng để xây dựng, chỉnh trang nông thôn" (names13)
        return _contribution(name, contributed, what)
    assert verb is not None
    noun = SPACES.sub(" ", after.group("noun") or _DEFAULT_NOUN)
    return f"{noun} {SPACES.sub(' ', verb.group('verb')).removesuffix(' được')} {what}"


_CAPITAL_ONLY = re.compile(
    rf"(?:(?:{words_alt(CAPITAL_DOERS)}){_S}+)*(?P<verb>{words_alt(CAPITAL_VERBS)})(?:{_S}+được)?"
)
_CAPITAL_AFTER = re.compile(
    rf"{_S}+(?:(?P<noun>(?:{words_alt(FUND_NOUNS)})(?!\w)[^\d.,;:()\n]{{0,40}}?)"
    rf"|(?P<purpose>(?:{words_alt(CAPITAL_PURPOSES)})(?!\w)[^\d.,;:()\n]{{3,60}}?))"
    rf"{_S}*(?=[.,;:()\n]|$|{_S}(?:{_STOPS_AFTER_CAPITAL})(?!\w))"
)


def capital_moved(doc: Doc, q: Quantity, name: str) -> str | None:
    """`huy động trên 420 tỷ đồng vốn đầu tư toàn xã hội` -> `vốn đầu tư toàn xã hội huy động`, `đã huy
    động trên 350 tỷ đồng xây dựng kết cấu hạ tầng` -> `vốn huy động xây dựng kết cấu hạ tầng`, `tỉnh giải
    ngân được 2.719 tỷ đồng` -> `vốn giải ngân`: a name that is only a verb moving capital (and who moved
    it) says neither what was moved nor, the gold rules ask, any measure: the capital is named by its
    words after the amount, else by `vốn` (names23b)."""
    only = _CAPITAL_ONLY.fullmatch(SPACES.sub(" ", name).strip())
    if only is None:
        return None
    verb = only.group("verb")
    after = _CAPITAL_AFTER.match(doc.text_l, q.end)
    noun = SPACES.sub(" ", after.group("noun") or "").strip() if after is not None else ""
    purpose = SPACES.sub(" ", after.group("purpose") or "").strip() if after is not None else ""
    if noun:
        return spell_out(f"{noun} {verb}")
    if not purpose and _money_before(doc, q):
        return None  # "tổng vốn đầu tư công 58 tỷ đồng, đã giải ngân được 25,2 tỷ đồng": that capital's
    return spell_out(f"vốn {verb} {purpose}".strip())


def _money_before(doc: Doc, q: Quantity) -> bool:
    """Whether an amount of money stands before the figure in its clause (back to `.`, `;` or a line)."""
    text_l = doc.text_l
    start = max(
        text_l.rfind(".", 0, q.num_start),
        text_l.rfind(";", 0, q.num_start),
        text_l.rfind("\n", 0, q.num_start),
    )
    before = text_l[start + 1 : q.num_start]
    return "đồng" in before or "usd" in before


def _contribution(name: str, contributed: re.Match[str], purpose: str) -> str | None:
    """`vốn nhân dân đóng góp <purpose>`: the doer stays in the name of money it contributed."""
    if _FUND_START.match(name):
        return None  # "vốn nhân dân đóng góp 216 tỷ đồng": named already
    doer = _doer(name[: contributed.start()])
    return f"{CONTRIBUTION_NOUN} {doer} đóng góp {purpose}" if doer else None


def _paragraph_purpose(doc: Doc, q: Quantity, line_start: int | None) -> str | None:
    """The programme the amount's paragraph names (`xây dựng NTM`), before or after the amount."""
    if line_start is None:
        return None
    end = doc.text_l.find("\n", q.end)
    paragraph = doc.text_l[line_start : end if end >= 0 else len(doc.text_l)]
    for pattern, purpose in _PARAGRAPH_PURPOSES:
        if pattern.search(paragraph):
            return purpose
    return None


def _doer(words: str) -> str:
    """Who contributed (`người dân`), without the fillers before the verb; empty when it is a clause."""
    doer = SPACES.sub(" ", words).strip(" ,")
    while (filler := _DOER_FILLER_END.search(doer)) is not None:
        doer = doer[: filler.start()].strip(" ,")
    return doer if 0 < len(doer.split()) <= _MAX_DOER_WORDS else ""
