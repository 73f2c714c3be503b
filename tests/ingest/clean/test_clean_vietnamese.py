"""Vietnamese normalisation: NFC, tone placement, invisible characters, TCVN3 and VNI."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ingest.clean import normalize_text
from ingest.clean.vietnamese import convert_legacy, detect_legacy


def test_old_tone_placement_is_unified() -> None:
    assert normalize_text("hoà bình, thuý, khoẻ, uỷ ban, Hoá") == "hòa bình, thúy, khỏe, ủy ban, Hóa"


def test_closed_syllables_and_qu_keep_their_tone() -> None:
    text = "hoàng, toán, quý, quà, khuyến, hoài, thuỷ"
    assert normalize_text(text) == "hoàng, toán, quý, quà, khuyến, hoài, thủy"


def test_nfd_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Việt Nam đạt 45,7% dự toán")
    assert normalize_text(nfd) == "Việt Nam đạt 45,7% dự toán"


def test_invisible_and_control_characters_go_spaces_collapse() -> None:
    assert normalize_text("a\u200bb\u00a0\u00a0c\x07d\ufeff e\u00ad") == "ab cd e"


def test_line_breaks_are_kept() -> None:
    assert normalize_text("một  \n  hai\n\nba") == "một\nhai\n\nba"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_line_count_never_changes(s: str) -> None:
    assert normalize_text(s, legacy=None).count("\n") == s.strip(" ").count("\n") or not s.strip(" ")


def test_tcvn3_detected_and_converted() -> None:
    tcvn = "Tæng thu ng©n s¸ch x· ®¹t 4.271 triÖu ®ång, b»ng 105% dù to¸n."
    assert detect_legacy(tcvn) == "TCVN3"
    assert normalize_text(tcvn) == "Tổng thu ngân sách xã đạt 4.271 triệu đồng, bằng 105% dự toán."


def test_tcvn3_upper_case_font_keeps_capitals() -> None:
    assert convert_legacy("B¸O C¸O", "TCVN3") == "BÁO CÁO"


def test_vni_detected_and_converted() -> None:
    vni = "Thu ngaân saùch nhaø nöôùc ñaït hôn 11.038 trieäu ñoàng."
    assert detect_legacy(vni) == "VNI"
    assert normalize_text(vni) == "Thu ngân sách nhà nước đạt hơn 11.038 triệu đồng."


def test_unicode_vietnamese_is_never_taken_for_legacy() -> None:
    for text in (
        "Báo cáo tình hình thực hiện nhiệm vụ quý, thuý, hoà bình, quân, quê, tuấn, khoá.",
        "Bản quyền © 2023 UBND xã",
        "Nhiệt độ 25°C, diện tích 450 m², giá 1.000 €",
    ):
        assert detect_legacy(text) is None
        assert normalize_text(text) == unicodedata.normalize("NFC", text).replace("thuý", "thúy").replace(
            "hoà", "hòa"
        ).replace("khoá", "khóa")


def test_vni_with_capitals_is_vni_not_tcvn3() -> None:
    # Ñ (Đ) and Ö (Ư) are TCVN3 signals too; the VNI marks must still win
    vni = "Ñaûng uûy xaõ Loäc Quaûng; Thöôøng tröïc Huyeän uûy. ÑAÛNG UÛY XAÕ."
    assert detect_legacy(vni) == "VNI"
    assert normalize_text(vni) == "Đảng ủy xã Lộc Quảng; Thường trực Huyện ủy. ĐẢNG ỦY XÃ."
