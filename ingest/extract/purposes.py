"""Money raised for a purpose: `toàn huyện huy động trên 2.170 tỷ đồng cho công tác xây dựng nông thôn mới`.

A written name that is only a doer and the raising verb (`xã bình dân đã huy động`, `huy động`) says
neither what was raised nor what for; the gold rules name it by the money noun, the verb and the
purpose written after the amount (`kinh phí huy động xây dựng nông thôn mới`).
"""

from __future__ import annotations

import re

from ingest.extract.context import SPACES, Doc, words_alt
from ingest.extract.numbers import Quantity
from ingest.extract.vocab import FUND_NOUNS, PURPOSE_FILLERS, PURPOSE_OPENERS, RAISING_VERBS

_S = r"[^\S\n]"
_VERB_END = re.compile(rf"(?:^|{_S})(?P<verb>{words_alt(RAISING_VERBS)})$")
_AFTER = re.compile(
    rf"{_S}*(?P<noun>(?:{words_alt(FUND_NOUNS)})(?!\w))?[^.;:()\n]{{0,40}}?"
    rf"(?<!\w)(?:{words_alt(PURPOSE_OPENERS)}){_S}+(?:(?:{words_alt(PURPOSE_FILLERS)}){_S}+)?"
    rf"(?P<what>[^.;:()\n]{{3,90}})"
)
_MAX_PURPOSE_WORDS = 14
_MIN_WHOLE_PURPOSE = 3
_DEFAULT_NOUN = "kinh phí"


def raised_for(doc: Doc, q: Quantity, name: str) -> str | None:
    """`kinh phí huy động xây dựng nông thôn mới` for money raised, when the name is only who raised it."""
    if q.unit.base_unit != "VND":
        return None
    verb = _VERB_END.search(name)
    if verb is None:
        return None
    after = _AFTER.match(doc.text_l, q.end)
    if after is None:
        return None
    what = SPACES.sub(" ", after.group("what")).strip(" ,")
    first = what.split(",")[0].strip()
    if len(first.split()) >= _MIN_WHOLE_PURPOSE or len(what.split()) > _MAX_PURPOSE_WORDS:
        # "… nông thôn mới, vượt kế hoạch": the purpose ends at its comma, unless it is a lone verb
        # coordinated with the next ("để xây dựng, hoàn thiện các tiêu chí …")
        what = first
    words = what.split()
    if len(words) < 2 or len(words) > _MAX_PURPOSE_WORDS:
        return None
    noun = SPACES.sub(" ", after.group("noun") or _DEFAULT_NOUN)
    return f"{noun} {SPACES.sub(' ', verb.group('verb')).removesuffix(' được')} {what}"
