"""A tier of a tier list is not the id of the whole: `hoàn thành tốt nhiệm vụ 85%` beside `hoàn thành
xuất sắc nhiệm vụ 15%` is the good tier alone, not `party_orgs_rated_good` (good or better).

The corpus README's test-split id rule and sixth review: in a tier list (excellent / good / completed;
exceeded / on track / behind) a tier that leaves out the tiers above it measures a part of the id's
whole and takes no id; a tier nested with `trong đó` (`18/19 chi bộ … tốt, trong đó 4 … xuất sắc`) is
a part of the one before, which keeps its id. The rules are data (`vocab.TIER_LIST_RULES`).
"""

from __future__ import annotations

import dataclasses
import re

from ingest.extract.context import Doc, Draft
from ingest.extract.vocab import TIER_LIST_RULES, TIER_NESTING_WORDS
from ingest.records import Mention

_RULES = tuple(
    (frozenset(ids), re.compile(own), frozenset(sibling_ids), re.compile(sibling))
    for ids, own, sibling_ids, sibling in TIER_LIST_RULES
)
_TIER_IDS = frozenset().union(*(r[0] for r in _RULES))
_SIBLING_IDS = frozenset().union(*(r[2] for r in _RULES))
_CLAUSE_END = re.compile(r"(?<!\d)[.,](?!\d)|[;:!?\n]")
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[!?\n]")
_NESTING = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, TIER_NESTING_WORDS))})(?!\w)")


def without_tier_ids(doc: Doc, drafts: list[Draft], found: list[Mention]) -> list[Mention]:
    """The mentions (one per draft), a tier of a tier list stripped of the id of the whole."""
    ids = [m.indicator_id for m in found]
    tiers = [n for n, i in enumerate(ids) if i in _TIER_IDS]
    if not tiers:
        return found
    # (only figures with an id of a rule are read: most documents have none)
    own = {n: _own_clause(doc, drafts, n) for n, i in enumerate(ids) if i in _TIER_IDS or i in _SIBLING_IDS}
    out = list(found)
    for n in tiers:
        m = found[n]
        for tier_ids, tier_words, sibling_ids, sibling_words in _RULES:
            if m.indicator_id not in tier_ids or not tier_words.search(own[n]):
                continue
            if any(
                k != n
                and ids[k] in sibling_ids
                and sibling_words.search(own[k])
                and _siblings(doc, drafts, found, n, k)
                for k in own
            ):
                out[n] = dataclasses.replace(m, indicator_id=None)
                break
    return out


def _own_clause(doc: Doc, drafts: list[Draft], n: int) -> str:
    """The words of the draft's own clause: from the figure before it to the clause's end."""
    d = drafts[n]
    end_at = _CLAUSE_END.search(doc.text_l, d.q.end, d.sentence.end)
    end = end_at.start() if end_at else d.sentence.end
    return " ".join(doc.text_l[d.left : end].split())


def _siblings(doc: Doc, drafts: list[Draft], found: list[Mention], n: int, k: int) -> bool:
    """Whether two figures are tiers of one list: one sentence, neither nested in the other."""
    if found[n].part_of == k or found[k].part_of == n:
        return False
    a, b = sorted((drafts[n].q.end, drafts[k].q.start))
    between = doc.text_l[a:b]
    return not _SENTENCE_END.search(between) and not _NESTING.search(between)
