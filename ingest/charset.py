"""Bytes to text for fetched pages: charset from BOM, header, <meta> or a Windows-1258-aware detector."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import charset_normalizer
import yaml

log = logging.getLogger(__name__)

# How far into the document a <meta charset> may sit (the HTML standard says 1024 bytes; real
# portals put theirs after long <script> blocks, so look further).
META_SCAN_BYTES = 8192
META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)

# Labels that browsers treat as another encoding (WHATWG Encoding Standard): a page that says
# iso-8859-1 is decoded as windows-1252 everywhere.
LABEL_ALIASES = {
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf8": "utf-8",
    "x-user-defined": "cp1252",
}

# Vietnamese tone marks as combining characters: Windows-1258 stores them apart from the letter.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Letters only Vietnamese text produces (after NFC): ă â ê ô ơ ư đ and every letter of the Latin
# Extended Additional block. Windows-1252 mojibake of Vietnamese never produces them.
VIETNAMESE_ONLY = frozenset("ăĂơƠưƯđĐ") | frozenset(chr(c) for c in range(0x1EA0, 0x1EFA))
# Characters that betray a wrong guess: Icelandic letters, C1 controls, the replacement char.
SUSPICIOUS = frozenset("ðÐþÞ\ufffd") | frozenset(chr(c) for c in range(0x80, 0xA0))

# The legacy font tables (ingest.clean converts the text with them; here only their byte signals).
LEGACY_FILE = Path(__file__).parent / "clean" / "vn_legacy.yaml"
_ASCII = bytes(range(128))

# What legacy-font pages honestly declare: the font, not the charset, made the letters.
LEGACY_CARRIERS = frozenset({"cp1252", "latin_1", "iso8859-1"})

# The detector's candidates besides what the page declares, in order of preference on ties.
FALLBACK_CANDIDATES = ("windows-1258", "cp1252")


@dataclass(frozen=True)
class Decoded:
    """Text of a page and how it was obtained."""

    text: str
    encoding: str  # Python codec name actually used, e.g. "utf-8", "cp1258"
    source: str  # bom | utf8 | ascii | legacy | header | meta | detected
    declared: str | None = None  # what the header / meta said, if anything
    mismatch: bool = False  # the declaration was present but wrong
    legacy: str | None = None  # TCVN3 / VNI: a legacy font encoding, still to convert (ingest.clean)


def normalize_label(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = LABEL_ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    if not content_type:
        return None
    m = HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in `<meta charset>` or `<meta http-equiv=Content-Type>`."""
    m = META_CHARSET.search(body[:META_SCAN_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


def vietnamese_score(text: str) -> float:
    """How much a decoding looks like Vietnamese: Vietnamese-only letters minus suspicious characters."""
    nfc = unicodedata.normalize("NFC", text)
    good = sum(1 for ch in nfc if ch in VIETNAMESE_ONLY)
    bad = sum(1 for ch in nfc if ch in SUSPICIOUS)
    return good - 3 * bad


def _try_decode(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bom(body: bytes) -> str | None:
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return enc
    return None


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode page bytes. Valid UTF-8 wins over any declaration (a header that says latin-1 on
    a UTF-8 page is the usual misconfiguration); otherwise the declared charset is used unless
    a Vietnamese-aware score shows it is wrong, then the detector decides."""
    declared_header = header_charset(content_type)
    declared_meta = meta_charset(body)
    declared = declared_header or declared_meta
    bom = _bom(body)
    if bom:
        return Decoded(body.decode(bom, errors="replace"), codecs.lookup(bom).name, "bom", declared)
    utf8 = _try_decode(body, "utf-8")
    if utf8 is not None:
        if body.isascii():
            enc = normalize_label(declared) or "utf-8"
            return Decoded(utf8, enc if enc != "utf-16" else "utf-8", "ascii", declared)
        mismatch = declared is not None and normalize_label(declared) != "utf-8"
        if mismatch:
            log.info("page declares %s but is valid UTF-8; decoding as UTF-8", declared)
        return Decoded(utf8, "utf-8", "utf8", declared, mismatch)

    # Not UTF-8. Legacy font encodings first: their bytes are distinctive, and any generic
    # detector (or the declared windows-1252 read as a Western text) would lose them. The text is
    # their Windows-1252 view, which ingest.clean.vietnamese converts line by line.
    legacy = detect_legacy_bytes(body)
    if legacy:
        named = normalize_label(declared)
        mismatch = declared is not None and named not in LEGACY_CARRIERS
        return Decoded(_legacy_view(body), "cp1252", "legacy", declared, mismatch, legacy)

    # Score what the page declares against the fallbacks.
    candidates: list[tuple[str, str]] = []
    for label, source in ((declared_header, "header"), (declared_meta, "meta")):
        named = normalize_label(label)
        if named and named != "utf-8" and named not in {c for c, _ in candidates}:
            candidates.append((named, source))
    guessed = charset_normalizer.from_bytes(body[:65536]).best()
    extra = [*FALLBACK_CANDIDATES, *([guessed.encoding] if guessed else [])]
    for label in extra:
        named = normalize_label(label)
        if named and named not in {c for c, _ in candidates}:
            candidates.append((named, "detected"))
    scored: list[tuple[float, int, str, str, str]] = []
    for order, (enc, source) in enumerate(candidates):
        text = _try_decode(body, enc)
        if text is not None:
            scored.append((vietnamese_score(text), -order, enc, source, text))
    if not scored:
        return Decoded(
            body.decode("utf-8", errors="replace"), "utf-8", "detected", declared, declared is not None
        )
    best = max(scored)
    first_declared = next((s for s in scored if s[3] in ("header", "meta")), None)
    # Keep the declared charset unless another candidate is clearly more Vietnamese.
    if first_declared and first_declared[0] >= best[0] - 2:
        best = first_declared
    _score, _, enc, source, text = best
    mismatch = declared is not None and source == "detected"
    return Decoded(text, enc, source, declared, mismatch)


@lru_cache(maxsize=1)
def _legacy_signals() -> dict:
    data = yaml.safe_load(LEGACY_FILE.read_text(encoding="utf-8"))
    tcvn3 = data["tcvn3_byte_signals"].encode("cp1252")  # each character is one Windows-1252 byte
    return {
        "not_tcvn3": bytes(b for b in range(128, 256) if b not in tcvn3),
        "vni": re.compile(data["vni_signal_pattern"].encode("cp1252")),
        "min_signals": int(data["legacy_min_signals"]),
        "min_share": float(data["legacy_min_share"]),
    }


def detect_legacy_bytes(body: bytes) -> str | None:
    """'TCVN3', 'VNI' or None, from a page's raw single-byte content.

    Runs before any charset detector: the byte patterns of the legacy fonts are distinctive,
    while a detector's guess (iso8859-10, Windows-1258) turns them into unrecoverable text.
    """
    signals = _legacy_signals()
    high = body.translate(None, _ASCII)  # the non-ASCII bytes
    if len(high) < signals["min_signals"]:
        return None
    tcvn = len(high.translate(None, signals["not_tcvn3"]))
    found = signals["vni"].findall(body)
    # VNI writes a mark after most vowels; a German ö or Spanish ñ alone must not pass for it
    vni_marks = sum(1 for m in found if len(m) == 2)
    floor = max(signals["min_signals"], signals["min_share"] * len(high))
    if tcvn >= floor and tcvn > len(found):
        return "TCVN3"
    if len(found) >= floor and vni_marks >= floor / 2:
        return "VNI"
    return None


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Windows-1252 leaves five bytes undefined; keep them as their Latin-1 characters."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("xaetl-latin1", _latin1_for_undefined)


def _legacy_view(body: bytes) -> str:
    return body.decode("cp1252", errors="xaetl-latin1")


def to_windows_1258(text: str) -> bytes:
    """Encode text the way Windows-1258 stores Vietnamese: base letter, then a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out += (base + tones).encode("cp1258", errors="replace")
    return bytes(out)
