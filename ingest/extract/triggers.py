r"""Trigger words: the literal words a rule's pattern cannot match without, read from the pattern itself.

A rule evaluated for every figure (a cue before the number, a verb after it) usually needs one of a few
words: `(?<!\w)(?:tăng|giảm)[^\S\n]+từ[^\S\n]*$` cannot match a stretch holding neither `tăng` nor
`giảm`. `needs(pattern)` derives such sets from the compiled pattern (runs of literals, alternations
of them, groups and repeats that must match), so the triggers can never drift from the pattern they
stand for; no sets when the pattern has no literal every match holds.

`gated(pattern)` is the rule with its triggers beside it: `search`, `match` and `fullmatch` first look
for one trigger in the stretch they are given (one search of a literal alternation, which the regex
engine skips through at C speed) and answer None without running the rule when none is written. It
pays for a pattern the engine must try at every position (one opening with a look-behind such as
`(?<!\w)`, or with `(?:^|[^\S\n])`): such a rule costs 3-11 µs on a 70-character clause, its trigger
search a tenth of that. On a rule that opens with a literal the engine already skips to it, and the
extra search costs more than it saves: only the rules measured to gain are gated (on the seed texts
all the gateable rules together cost about a tenth of extraction, so no gate can save more). A
pattern with no triggers always runs: gating it changes nothing.

Two more gates read from the pattern serve rules the engine also tries at every position:
`opened(pattern)` looks for a whole-text rule only where one of the words every match opens with is
written (`openings`, found by `str.find`); `ended(pattern)` tries an end-anchored rule only on a text
ending with one of the literal endings every match ends with (`endings`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_SHORTEST = 2  # a one-character literal (`%`, `,`) is in nearly every sentence: it gates nothing
_MOST = 64  # the most strings an exact piece spells before it counts as unknown


def needs(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of literal strings: every match of `pattern` contains one string of each set (no sets: the
    pattern has no literal every match holds, and always runs)."""
    if pattern.flags & re.IGNORECASE:
        return ()
    return tuple(s for s in _needs_seq(sre_parse.parse(pattern.pattern, pattern.flags)) if _usable(s))


def _usable(s: frozenset[str]) -> bool:
    return bool(s) and min(map(len, s)) >= _SHORTEST


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """Every string one parsed item matches, when they are few (a literal, a small class, an
    alternation or group of such, an optional one); else None."""
    if op is sre.LITERAL:
        return frozenset([chr(av)])
    if op is sre.IN:
        if all(o is sre.LITERAL for o, _ in av) and len(av) <= _MOST:
            return frozenset(chr(a) for _, a in av)
        return None
    if op is sre.SUBPATTERN:
        return _exact_seq(av[-1])
    if op is sre.BRANCH:
        parts = [_exact_seq(b) for b in av[1]]
        if any(p is None for p in parts):
            return None
        out = frozenset().union(*parts)  # type: ignore[arg-type]
        return out if len(out) <= _MOST else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] <= 1:
        body = _exact_seq(av[2])
        if body is None:
            return None
        return body | {""} if av[0] == 0 else body
    return None


def _exact_seq(items: Any) -> frozenset[str] | None:
    out = frozenset([""])
    for op, av in items:
        piece = _exact(op, av)
        if piece is None:
            return None
        out = frozenset(a + b for a in out for b in piece)
        if len(out) > _MOST:
            return None
    return out


def _needs_seq(items: Any) -> list[frozenset[str]]:
    """Need-sets of a sequence of parsed items: a run of exact items spells its own set (every match
    holds one of its strings), and an item with needs of its own (a group, a repeat) adds them."""
    found: list[frozenset[str]] = []
    run = frozenset([""])
    for op, av in [*items, (None, None)]:
        piece = _exact(op, av) if op is not None else None
        if piece is not None:
            joined = frozenset(a + b for a in run for b in piece)
            if len(joined) <= _MOST:
                run = joined
                continue
        if "" not in run:
            found.append(run)
        run = frozenset([""]) if piece is None else piece
        if op is sre.SUBPATTERN:
            found.extend(_needs_seq(av[-1]))
        elif op is sre.BRANCH:
            branches = [_needs_seq(b) for b in av[1]]
            if all(branches):
                # one set per branch; each branch's best: the alternation needs one of their strings
                found.append(frozenset().union(*(_best(b) for b in branches)))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            if av[0] >= 1:
                found.extend(_needs_seq(av[2]))
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found.extend(_needs_seq(av))
    return found


def _best(sets: list[frozenset[str]]) -> frozenset[str]:
    """The most selective need-set: the fewest strings, then its shortest string the longest."""
    return max(sets, key=lambda s: (-len(s), min(map(len, s)) if s else 0))


class Gated:
    """A rule's pattern and its triggers (`needs(pattern)`'s most selective set): the pattern is run
    only on a stretch holding one of the triggers; with no triggers it always runs."""

    __slots__ = ("_finder", "rule", "triggers")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.rule = pattern
        sets = needs(pattern)
        self.triggers: frozenset[str] = _best(list(sets)) if sets else frozenset()
        alternation = "|".join(re.escape(t) for t in sorted(self.triggers, key=len, reverse=True))
        self._finder = re.compile(alternation) if self.triggers else None

    def __repr__(self) -> str:
        return f"gated({self.rule.pattern!r}, triggers={sorted(self.triggers)})"

    @property
    def pattern(self) -> str:
        """The rule's source, as `re.Pattern.pattern` (a rule built from another reads it)."""
        return self.rule.pattern

    def written_in(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether one of the triggers is written in `text[pos:endpos]` (always, without triggers)."""
        return self._finder is None or self._finder.search(text, pos, endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._finder is not None and self._finder.search(text, pos, endpos) is None:
            return None
        return self.rule.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._finder is not None and self._finder.search(text, pos, endpos) is None:
            return None
        return self.rule.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._finder is not None and self._finder.search(text, pos, endpos) is None:
            return None
        return self.rule.fullmatch(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.rule.sub(repl, text) if self.written_in(text) else text


def gated(pattern: re.Pattern[str]) -> Gated:
    """The rule `pattern`, run only where one of its triggers is written."""
    return Gated(pattern)


def openings(pattern: re.Pattern[str]) -> frozenset[str]:
    """The literal strings one of which opens every match of `pattern` (its branches' leading literals);
    empty when some match may open otherwise (a class, a look-around, a case-blind pattern)."""
    if pattern.flags & re.IGNORECASE:
        return frozenset()
    found = _openings_seq(sre_parse.parse(pattern.pattern, pattern.flags))
    return frozenset() if found is None or "" in found else found


def _openings_seq(items: Any) -> frozenset[str] | None:
    """Prefixes of every match of a parsed sequence: its leading literals, then the openings of the first
    group or alternation (a match of the sequence opens with one of them); None when unknown."""
    prefix = ""
    for op, av in items:
        if op is sre.LITERAL:
            prefix += chr(av)
            continue
        if op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            inner = _openings_seq(av[-1])
        elif op is sre.BRANCH:
            parts = [_openings_seq(b) for b in av[1]]
            inner = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        else:
            inner = None
        if inner is None or "" in inner:
            break
        return frozenset(prefix + i for i in inner)
    return frozenset([prefix]) if prefix else None


class Opened:
    """A pattern and the words every match of it opens with (`openings`): `finditer` tries the pattern
    only where one of them is written; with none it is the pattern's own `finditer`."""

    __slots__ = ("openings", "rule")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.rule = pattern
        self.openings = openings(pattern)

    def __repr__(self) -> str:
        return f"opened({self.rule.pattern!r}, openings={sorted(self.openings)})"

    @property
    def pattern(self) -> str:
        return self.rule.pattern

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """The matches of `self.rule.finditer(text, pos, endpos)`, in order."""
        if not self.openings:
            yield from self.rule.finditer(text, pos, endpos)
            return
        starts: set[int] = set()
        for word in self.openings:
            at = text.find(word, pos, endpos)
            while at >= 0:
                starts.add(at)
                at = text.find(word, at + 1, endpos)
        match, end = self.rule.match, pos
        for at in sorted(starts):
            if at >= end and (m := match(text, at, endpos)) is not None:
                yield m
                end = m.end()  # non-empty (it holds an opening word): the next match starts at or after it


def opened(pattern: re.Pattern[str]) -> Opened:
    """The whole-text rule `pattern`, looked for only where one of its opening words is written."""
    return Opened(pattern)


def endings(pattern: re.Pattern[str]) -> frozenset[str]:
    """For a pattern anchored at the end (`…$`, not multi-line): the literal strings one of which ends every
    match, trailing whitespace aside; empty when unknown (then the pattern always runs)."""
    if pattern.flags & (re.IGNORECASE | re.MULTILINE):
        return frozenset()
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if not items or items[-1] != (sre.AT, sre.AT_END):
        return frozenset()
    found = _endings_seq(items[:-1])
    return frozenset() if found is None or "" in found else found


def _spaces_only(op: Any, av: Any) -> bool:
    """Whether a parsed item matches whitespace only (a space, `\\s`, `[^\\S\\n]`, or a repeat of one)."""
    if op is sre.LITERAL:
        return chr(av).isspace()
    if op is sre.IN:
        return av == [(sre.CATEGORY, sre.CATEGORY_SPACE)] or av == [
            (sre.NEGATE, None),
            (sre.CATEGORY, sre.CATEGORY_NOT_SPACE),
            (sre.LITERAL, 10),
        ]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return all(_spaces_only(o, a) for o, a in av[2])
    return False


def _endings_seq(items: Any) -> frozenset[str] | None:
    """Suffixes of every match of a parsed sequence, trailing whitespace and zero-width items aside: its
    trailing literals, else the endings of its last group, alternation or optional part; None when
    unknown."""
    suffix = ""
    for i in range(len(items) - 1, -1, -1):
        op, av = items[i]
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) or (not suffix and _spaces_only(op, av)):
            continue  # zero-width, or whitespace after the last literal (`rstrip` drops it)
        if op is sre.LITERAL:
            suffix = chr(av) + suffix
            continue
        if suffix:
            return frozenset([suffix])
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            return _endings_seq(av[-1])
        if op is sre.BRANCH:
            parts = [_endings_seq(b) for b in av[1]]
            return None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            body = _endings_seq(av[2])
            if body is None or av[0] >= 1:
                return body
            before = _endings_seq(items[:i])  # an optional part: the match may end before it
            return None if before is None else body | before
        return None
    return frozenset([suffix]) if suffix else frozenset([""])


class Ended:
    """A pattern anchored at the end and the literal endings of its matches (`endings`): `sub` and `search`
    run it only on a text ending with one of them (trailing whitespace aside); with none it always runs."""

    __slots__ = ("endings", "rule")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.rule = pattern
        self.endings = tuple(sorted(endings(pattern)))

    def __repr__(self) -> str:
        return f"ended({self.rule.pattern!r}, endings={list(self.endings)})"

    @property
    def pattern(self) -> str:
        return self.rule.pattern

    def may_match(self, text: str) -> bool:
        """Whether `text` ends with one of the endings (always, without endings)."""
        return not self.endings or text.rstrip().endswith(self.endings)

    def search(self, text: str) -> re.Match[str] | None:
        return self.rule.search(text) if self.may_match(text) else None

    def sub(self, repl: str, text: str) -> str:
        return self.rule.sub(repl, text) if self.may_match(text) else text


def ended(pattern: re.Pattern[str]) -> Ended:
    """The end-anchored rule `pattern`, run only on a text that ends with one of its endings."""
    return Ended(pattern)
