"""clean_text and the shared cleaning steps on small hand-made inputs."""

from __future__ import annotations

from ingest.clean import clean_html, clean_text

LONG = "Tổng thu ngân sách trên địa bàn đạt 2.657 triệu đồng, đạt 45,7% dự toán năm, bằng 114% cùng kỳ."
LONG2 = "Sản lượng lương thực có hạt đạt 1.936 tấn, đạt 60% kế hoạch; toàn xã gieo trồng 927/912 ha."


def test_repeated_body_dropped_short_legit_repeats_kept() -> None:
    text = "\n".join(
        ["Truy cập", "Hôm nay:", "1", "Tất cả:", "158881", "Tiêu đề bài", "Ngày 13/08/2023 22:14:53",
         LONG, "- Lưu VP.", LONG2, "- Lưu VP.", "Tiêu đề bài", "Đăng lúc: 13/08/2023 22:14:53 (GMT+7)",
         LONG, "- Lưu VP.", LONG2, "- Lưu VP.", "0 bình luận", "(Bấm vào đây để nhận mã)", "SĐT: 0977916732"]
    )  # fmt: skip
    doc = clean_text(text)
    assert doc.title == "Tiêu đề bài"
    assert doc.published_at == "2023-08-13T22:14:53+07:00"
    assert doc.text.split("\n") == ["Tiêu đề bài", LONG, "- Lưu VP.", LONG2, "- Lưu VP."]
    assert [b.block_type for b in doc.blocks] == [
        "heading",
        "paragraph",
        "list_item",
        "paragraph",
        "list_item",
    ]


def test_footnote_markers_and_map() -> None:
    doc = clean_text(f"{LONG}[1]\n{LONG2}[2]\n[1]Chú thích một.\n[2] Chú thích hai.")
    assert doc.footnotes == {"1": "Chú thích một.", "2": "Chú thích hai."}
    assert doc.text.endswith("[1] Chú thích một.\n[2] Chú thích hai.")
    assert [b.marker for b in doc.blocks if b.block_type == "footnote"] == ["1", "2"]


def test_word_artefacts_removed() -> None:
    doc = clean_text(f"[bookmark: _GoBack]{LONG}\nNormal 0 false false false EN-US X-NONE X-NONE")
    assert doc.text == LONG


def test_empty_inputs_never_raise() -> None:
    for doc in (
        clean_text(""),
        clean_text("  \n "),
        clean_html(""),
        clean_html(b""),
        clean_html("<html></html>"),
    ):
        assert doc.text == ""
        assert doc.warnings
    assert isinstance(clean_html(b"\x00\xff<<p>\x01</div>").text, str)


def test_bytes_use_declared_or_detected_charset() -> None:
    html = f"<html><body><div><h1>Tin</h1><p>{LONG}</p></div></body></html>"
    assert LONG in clean_html(html.encode("utf-8")).text
    from ingest.charset import to_windows_1258

    assert LONG in clean_html(to_windows_1258(html), declared_encoding="windows-1258").text
