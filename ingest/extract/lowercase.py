"""The lowercased copy of a document's text, made once for the metadata and the mention readers.

`extract_metadata` and `extract_mentions` each read the whole lowercased text; lowering 50 KB of
Vietnamese costs about 1 % of an extraction, so the last copy made is kept for the same text object.
"""

from __future__ import annotations

# (text, text.lower()) of the last call: keyed by identity, so a lookup never hashes or compares 50 KB
_LAST: list[tuple[str, str]] = []


def lowercase(text: str) -> str:
    """`text.lower()`, made once for the text the last call was given."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is text:
        return last[1]
    lowered = text.lower()
    _LAST[:] = [(text, lowered)]
    return lowered
