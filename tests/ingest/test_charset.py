"""Charset decisions on real-looking Vietnamese pages: header, meta, wrong header, Windows-1258."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest.charset import (
    decode_html,
    detect_legacy_bytes,
    header_charset,
    meta_charset,
    normalize_label,
    to_windows_1258,
)

TEXT = (
    "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2023. "
    "Thu nhập bình quân đầu người ước đạt 45,7 triệu đồng; tổng sản lượng lương thực đạt 6.150 tấn."
)


def page(text: str = TEXT, meta: str | None = None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<!DOCTYPE html><html><head>{head}<title>Xuân Phú</title></head><body><p>{text}</p></body></html>"


def test_utf8_with_matching_header():
    got = decode_html(page().encode("utf-8"), "text/html; charset=UTF-8")
    assert got.encoding == "utf-8" and TEXT in got.text and not got.mismatch


def test_wrong_header_on_utf8_page_is_overruled():
    got = decode_html(page().encode("utf-8"), "text/html; charset=iso-8859-1")
    assert got.encoding == "utf-8" and TEXT in got.text
    assert got.mismatch and got.declared == "iso-8859-1"


def test_meta_charset_used_when_header_silent():
    body = page(meta="windows-1258").encode("ascii", "ignore")  # ascii page, meta decides label
    assert decode_html(body, "text/html").encoding == "cp1258"
    assert meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">') == (
        "windows-1258"
    )


def test_windows_1258_page_detected_without_any_declaration():
    body = to_windows_1258(page())
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    got = decode_html(body, "text/html")
    assert got.encoding == "cp1258" and got.source == "detected"
    assert unicodedata.normalize("NFC", got.text).count("nhiệm vụ") == 1


def test_windows_1258_page_behind_a_wrong_latin1_header():
    got = decode_html(to_windows_1258(page()), "text/html; charset=ISO-8859-1")
    assert got.encoding == "cp1258" and got.mismatch
    assert "kết quả" in unicodedata.normalize("NFC", got.text)


def test_windows_1258_declared_in_header():
    got = decode_html(to_windows_1258(page()), "text/html; charset=windows-1258")
    assert got.encoding == "cp1258" and got.source == "header" and not got.mismatch


def test_utf8_header_on_windows_1258_bytes_falls_back():
    got = decode_html(to_windows_1258(page()), "text/html; charset=utf-8")
    assert got.encoding == "cp1258" and "\ufffd" not in got.text


def test_windows_1252_french_like_page_stays_1252():
    body = "<html><body>Café à la crème, déjà vu, naïve façade</body></html>".encode("cp1252")
    got = decode_html(body, "text/html; charset=windows-1252")
    assert got.encoding == "cp1252" and "crème" in got.text


def test_bom_wins():
    got = decode_html(b"\xef\xbb\xbf" + page().encode("utf-8"), "text/html; charset=latin-1")
    assert got.source == "bom" and got.text.startswith("<!DOCTYPE")


def test_labels():
    assert normalize_label("latin1") == "cp1252"
    assert normalize_label("UTF8") == "utf-8"
    assert normalize_label("no-such-charset") is None
    assert header_charset('text/html; charset="windows-1258"') == "windows-1258"
    assert header_charset("text/html") is None


# -- legacy font encodings in raw bytes (issue 13, item 5) -------------------------------------

LEGACY = Path(__file__).resolve().parents[1] / "fixtures" / "legacy"
CP1258_PAGES = [
    Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "windows-1258.html",
    Path(__file__).resolve().parents[1] / "fixtures" / "heldout_pages" / "table-layout-xuan-phu-cp1258.html",
]


@pytest.mark.parametrize(
    "declared", [None, "text/html; charset=windows-1252", "text/html; charset=iso-8859-1"]
)
def test_single_byte_tcvn3_page_is_recognised_before_any_detector(declared):
    body = (LEGACY / "tcvn3-binh-thanh-dong.html").read_bytes()
    got = decode_html(body, declared)
    assert (got.source, got.legacy, got.encoding) == ("legacy", "TCVN3", "cp1252")
    assert not got.mismatch
    assert "Thu nhËp b×nh qu©n ®Çu ng­êi" in got.text  # the font's view, converted by ingest.clean


def test_tcvn3_page_declaring_windows_1258_is_still_tcvn3_and_flagged():
    body = (LEGACY / "tcvn3-binh-thanh-dong.html").read_bytes()
    got = decode_html(body, "text/html; charset=windows-1258")
    assert got.legacy == "TCVN3" and got.mismatch


def test_undeclared_vni_page_is_recognised():
    got = decode_html((LEGACY / "vni-loc-quang.html").read_bytes())
    assert (got.source, got.legacy) == ("legacy", "VNI")
    assert "ngaân saùch" in got.text


@pytest.mark.parametrize("path", CP1258_PAGES, ids=lambda p: p.name)
def test_real_windows_1258_pages_are_not_taken_for_legacy(path):
    got = decode_html(path.read_bytes())
    assert got.legacy is None and got.encoding == "cp1258"


@pytest.mark.parametrize(
    "text",
    [
        "Où est la bibliothèque ? Noël approche; les élèves ont été très sérieux, le maître était content. ",
        "Die Größe der schönen Gärten überrascht uns. Österreichische Bürger fühlen sich wohl; Grüße. ",
        "El niño y la señora cantan en el año nuevo; mañana será otro día. España es un país pequeño. ",
    ],
)
def test_western_text_is_not_taken_for_legacy(text):
    assert detect_legacy_bytes((text * 6).encode("cp1252")) is None
    assert detect_legacy_bytes(to_windows_1258(TEXT * 6)) is None
