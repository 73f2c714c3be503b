"""Vietnamese text normalisation: legacy font encodings, NFC, tone placement, invisible characters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

LEGACY_FILE = Path(__file__).with_name("vn_legacy.yaml")

# Characters that are never content: zero-width, BOM, soft hyphen (after legacy decoding), bidi
# marks, C0/C1 controls other than the line break.
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u200e\u200f\u2060-\u2063\ufeff\u00ad\u034f\u180e"
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]+"
)
# Horizontal spaces of every kind become a plain space; vertical ones (other than \n) too, so
# the number of lines never changes here.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\x0b\x0c\x85\u2028\u2029]")
_MULTISPACE = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r" *\n *")

# Old-style tone placement on open syllables: hoà -> hòa, khoẻ -> khỏe, thuý -> thúy.
# The tone moves from the second vowel to the first one when nothing follows the pair; "qu" is a
# consonant, so quý / quà stay as they are.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(r"(?:([uU])([ỳýỷỹỵỲÝỶỸỴ])|([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]))(?![^\W\d_])")
_VIETNAMESE_ONLY = re.compile(r"[\u1ea0-\u1ef9ăĂđĐơƠưƯ]")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _legacy() -> dict:
    data = yaml.safe_load(LEGACY_FILE.read_text(encoding="utf-8"))
    vni = data["vni"]
    keys = sorted(vni, key=len, reverse=True)
    return {
        "tcvn3": str.maketrans(data["tcvn3"]),
        "tcvn3_signals": frozenset(data["tcvn3_signals"]),
        "tcvn3_re": re.compile("[" + re.escape(data["tcvn3_signals"]) + "]"),
        "vni": vni,
        "vni_re": re.compile("|".join(re.escape(k) for k in keys)),
        "vni_signal": re.compile(data["vni_signal_pattern"]),
    }


def detect_legacy(s: str) -> str | None:
    """'TCVN3', 'VNI' or None: which legacy font encoding, if any, the decoded text is written in."""
    if not s:
        return None
    tables = _legacy()
    tcvn = len(tables["tcvn3_re"].findall(s))
    # Both counts: VNI capitals (Ñ for Đ, Ö for Ư) are TCVN3 signals too, so a VNI text also
    # scores a little as TCVN3; the encoding with more signals wins.
    vni = len(tables["vni_signal"].findall(s))
    if tcvn < 2 and vni < 2:
        return None
    letters = len(_LETTER.findall(s)) or 1
    native = len(_VIETNAMESE_ONLY.findall(s))
    if tcvn >= vni and tcvn >= 2 and tcvn / letters > 0.02 and tcvn > native:
        return "TCVN3"
    if vni > tcvn and vni >= 2 and vni / letters > 0.02 and vni > native:
        return "VNI"
    return None


def line_has_legacy(s: str, encoding: str) -> bool:
    """Whether one line of a document already known to be in `encoding` carries its marks.

    Lines typed in Unicode inside a legacy document (a title added by the CMS) stay untouched.
    """
    tables = _legacy()
    if encoding == "TCVN3":
        return bool(tables["tcvn3_re"].search(s)) and not _VIETNAMESE_ONLY.search(s)
    return bool(tables["vni_signal"].search(s)) and not _VIETNAMESE_ONLY.search(s)


def _restore_case(original: str, converted: str) -> str:
    """Words whose ASCII letters are all upper case were typed in an upper-case font (.VnTimeH)."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 1 and all(c.isupper() for c in ascii_letters):
            return word.upper()
        return word

    return re.sub(r"[^\W\d_]+", fix, converted)


def convert_legacy(s: str, encoding: str) -> str:
    """Text typed in a TCVN3 or VNI font, converted to Unicode."""
    tables = _legacy()
    if encoding == "TCVN3":
        return _restore_case(s, s.translate(tables["tcvn3"]))
    if encoding == "VNI":
        vni = tables["vni"]
        return tables["vni_re"].sub(lambda m: vni[m.group(0)], s)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _move_tone(m: re.Match[str]) -> str:
    if m.group(1):
        first, second = m.group(1), m.group(2)
        start = m.start()
        if start and m.string[start - 1] in "qQ":
            return m.group(0)  # "qu" is a consonant: quý, quỳ stay
    else:
        first, second = m.group(3), m.group(4)
    decomposed = unicodedata.normalize("NFD", second)
    tone = "".join(c for c in decomposed if c in _TONE_MARKS)
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", base)


def unify_tone_placement(s: str) -> str:
    """hoà -> hòa, khoẻ -> khỏe, thuý -> thúy (tone on the first vowel of open oa/oe/uy)."""
    return _OLD_TONE.sub(_move_tone, s)


def normalize_text(s: str, *, legacy: str | None = "detect") -> str:
    """NFC Vietnamese text: legacy fonts converted, invisible and control characters removed,
    spaces collapsed, one tone-placement style. Line breaks are kept (their count never changes).

    `legacy`: "detect" (default) looks for TCVN3/VNI text, None skips that, "TCVN3"/"VNI" forces it.
    """
    if not s:
        return ""
    if legacy == "detect":
        legacy = detect_legacy(s)
    if legacy:
        s = convert_legacy(s, legacy)
    s = unicodedata.normalize("NFC", _SPACES.sub(" ", _INVISIBLE.sub("", s)))
    s = unify_tone_placement(s)
    s = _MULTISPACE.sub(" ", s)
    if " \n" in s or "\n " in s:
        s = _LINE_EDGES.sub("\n", s)
    return s.strip(" ")
