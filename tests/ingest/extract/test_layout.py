"""Sections and target scopes of `ingest.extract.layout`, read through the mentions."""

from __future__ import annotations

from ingest.extract import extract_mentions

_TITLE = "Tân Phú phấn đấu đạt chuẩn nông thôn mới kiểu mẫu năm 2026"
_BODY = (
    "(Báo Tân Phú) - Năm 2026, xã Tân Phú tập trung hoàn thành xây dựng nông thôn mới kiểu mẫu.\n\n"
    "{headline}\n\n"
    "Đại biểu dự kỳ họp.\n\n"
    "Năm 2025, tổng giá trị sản xuất ước đạt 1.215 tỷ đồng. Có thêm 3 sản phẩm đạt OCOP 3 sao.\n\n"
    "Thu ngân sách nhà nước là hơn 45 tỷ đồng, đạt 130% kế hoạch."
)


def _kinds(text: str, title: str | None) -> dict[float, str]:
    return {m.value: m.kind for m in extract_mentions(text, title=title)}


def test_the_page_title_printed_again_in_the_body_opens_no_target_scope() -> None:
    # the gold rules: a lead's scope runs until the text returns to results; the headline, printed again
    # under the lead-in (or under a photo), sums the article up and leads no list of targets
    text = _TITLE + "\n\n" + _BODY.format(headline=_TITLE)
    found = _kinds(text, _TITLE)
    assert found[1215.0] == "actual"
    assert found[3.0] == "actual"
    assert found[45.0] == "actual"
    # a caption's tail after the title (`- Ảnh 1.`) does not hide it
    found = _kinds(_BODY.format(headline=_TITLE + " - Ảnh 1."), _TITLE)
    assert found[1215.0] == "actual"


def test_a_label_lead_that_is_not_the_page_title_still_leads_what_follows() -> None:
    text = _BODY.format(headline="Phương hướng, nhiệm vụ năm 2026")
    found = _kinds(text, _TITLE)
    assert found[1215.0] == "target"


def test_a_coming_term_fronting_a_paragraph_sets_its_targets() -> None:
    # the gold rules: next-term targets at a congress are targets of that term; a term that has closed
    # (`Nhiệm kỳ 2015-2020, …` at the congress of 2020) fronts results
    text = (
        "Ngày 12/6/2020, Đảng bộ xã Tân Phú tổ chức đại hội lần thứ X, nhiệm kỳ 2020-2025.\n\n"
        "Nhiệm kỳ 2015-2020, tỷ lệ hộ nghèo của xã giảm còn 4,6%; kết nạp 56 đảng viên mới.\n\n"
        "Nhiệm kỳ 2020-2025, Đảng bộ xã tập trung hoàn thành các chỉ tiêu cơ bản, cụ thể, giá trị sản xuất "
        "tăng 12%/năm; thu nhập bình quân đầu người đạt 65 triệu đồng/năm; tỷ lệ hộ nghèo dưới 2%."
    )
    found = {m.value: m.kind for m in extract_mentions(text, published_at="2020-06-12")}
    assert found[4.6] == "actual"
    assert found[56.0] == "actual"
    assert found[12.0] == "target"
    assert found[65.0] == "target"
    assert found[2.0] == "target"


def test_a_coming_term_fronting_results_opens_no_targets() -> None:
    text = (
        "Ngày 12/6/2020, Đảng bộ xã Tân Phú tổ chức đại hội lần thứ X, nhiệm kỳ 2020-2025.\n\n"
        "Nhiệm kỳ 2020-2025, Đảng bộ xã đã kết nạp 56 đảng viên mới."
    )
    found = {m.value: m.kind for m in extract_mentions(text, published_at="2020-06-12")}
    assert found[56.0] == "actual"


_ITEMS_LEAD = (
    "Kỳ họp HĐND xã Tân Phú đã thông qua nghị quyết về nhiệm vụ năm 2027.\n"
    "Năm 2027, xã Tân Phú đặt mục tiêu: giá trị sản xuất tăng 9%; thu nhập bình quân đạt 72 triệu đồng.\n"
)


def test_a_paragraph_of_items_right_after_a_lead_goes_on_with_its_targets() -> None:
    # the gold rules: a lead's scope runs until the text returns to results; a paragraph of `;`-items
    # right after the lead's list, saying nothing of results, is more of the same list
    text = _ITEMS_LEAD + "Thu ngân sách trên địa bàn 38 tỷ đồng; tỷ lệ đô thị hóa đạt 27%; 2 thôn đạt chuẩn."
    found = {m.value: (m.kind, m.period) for m in extract_mentions(text, published_at="2026-12-15")}
    assert found[72.0] == ("target", "2027")
    assert found[38.0] == ("target", "2027")
    assert found[27.0] == ("target", "2027")


def test_items_after_a_lead_end_at_their_full_stop_or_when_back_on_results() -> None:
    text = _ITEMS_LEAD + "Thu ngân sách trên địa bàn 38 tỷ đồng; tỷ lệ đô thị hóa đạt 27%. Xã có 41 hộ nghèo."
    found = {m.value: m.kind for m in extract_mentions(text, published_at="2026-12-15")}
    assert found[27.0] == "target"
    assert found[41.0] == "actual"
    # an item paragraph that reports results, or dates itself, is no part of the list
    for after in (
        "Năm 2026, thu ngân sách trên địa bàn đạt 38 tỷ đồng; tỷ lệ đô thị hóa 27%.",
        "Thu ngân sách trên địa bàn đã đạt 38 tỷ đồng; tỷ lệ đô thị hóa 27%.",
    ):
        found = {m.value: m.kind for m in extract_mentions(_ITEMS_LEAD + after, published_at="2026-12-15")}
        assert found[38.0] == "actual", after


def test_a_label_leads_its_lines_until_one_is_back_on_results() -> None:
    # the gold rules: the scope of a lead runs until the text returns to results (`Nhiệm kỳ qua, …`)
    text = (
        "Sáng 12/5, nhiều Đảng bộ cơ sở tổ chức đại hội nhiệm kỳ 2020 - 2025.\n\n"
        "* Tân Phú phấn đấu đạt chuẩn đô thị văn minh\n\n"
        "Sáng 12/5, Đảng bộ phường Tân Phú tiến hành đại hội.\n\n"
        "Nhiệm kỳ qua, Đảng bộ và Nhân dân phường đã vượt qua nhiều khó khăn.\n\n"
        "Thu nhập bình quân đầu người đạt 57,3 triệu đồng/người/năm."
    )
    found = {m.value: m.kind for m in extract_mentions(text, published_at="2020-05-12")}
    assert found[57.3] == "actual"
