"""HTML extraction: body selector lists (lead + content) and the lead that only repeats the body."""

from __future__ import annotations

import time

import pytest

from ingest.clean import clean_html
from ingest.clean.html import MAX_NESTING, flatten_deep_nesting
from ingest.simulator import load_sites, render_article
from ingest.sites.families import get_family

FIRST = (
    "Hưởng ứng Ngày Môi trường thế giới 5/6, sáng chủ nhật vừa qua, Ủy ban nhân dân xã Xuân Phú phối hợp "
    "với Ủy ban MTTQ và các đoàn thể tổ chức lễ ra quân tổng vệ sinh môi trường tại các khu dân cư."
)
SECOND = "Tham gia lễ ra quân có đông đảo cán bộ, đảng viên, đoàn viên thanh niên và nhân dân các thôn."


def _page(lead: str) -> str:
    return f"""<html><body><div class="news-detail">
<h1 class="news-title">Xuân Phú ra quân tổng vệ sinh môi trường</h1>
<div class="news-date">Ngày 06/06/2023 08:31:10</div>
<div class="share-tools"><a href="#">Chia sẻ</a></div>
<div class="news-summary"><strong>{lead}</strong></div>
<div class="news-content"><h3>I. Kết quả</h3><p>{FIRST}</p><p>{SECOND}</p></div>
</div></body></html>"""


def _body(html: str) -> list[str]:
    doc = clean_html(html, family=get_family("thanhhoa"))
    assert doc.title == "Xuân Phú ra quân tổng vệ sinh môi trường"
    assert doc.published_at == "2023-06-06T08:31:10+07:00"
    return doc.text.split("\n")[1:]


def test_a_distinct_lead_opens_the_body() -> None:
    lead = "(Xuân Phú) - Gần 500 người dân đã tham gia ngày ra quân, thu gom 12 tấn rác thải."
    assert _body(_page(lead)) == [lead, "I. Kết quả", FIRST, SECOND]


@pytest.mark.parametrize(
    "lead",
    [
        FIRST[:120].rsplit(" ", 1)[0] + "...",  # the listing teaser of the first paragraph
        FIRST[:90] + " …",
        "I. Kết quả",  # a body heading shown again as the lead: the body keeps it in place
        SECOND,
    ],
)
def test_a_lead_that_only_repeats_the_body_is_dropped(lead: str) -> None:
    assert _body(_page(lead)) == ["I. Kết quả", FIRST, SECOND]


def test_selector_list_walks_matches_in_document_order_once() -> None:
    html = _page("Lead riêng của bài viết, khác với đoạn mở đầu của nội dung.").replace(
        '<div class="news-content">',
        '<div class="news-content"><div class="news-summary">Lồng bên trong</div>',
    )
    body = _body(html)
    assert body[0].startswith("Lead riêng") and body.count("Lồng bên trong") == 1


def test_simulator_thanhhoa_pages_keep_one_copy_of_their_lead() -> None:
    for site in load_sites():
        if site.family != "thanhhoa":
            continue
        for art in site.articles:
            doc = clean_html(render_article(site, art), family=get_family("thanhhoa"))
            # the lead is a teaser of the first paragraph, the title or a body line: one copy only
            lead = art.summary.removesuffix("...")
            lines = doc.text.split("\n")[1:]
            assert sum(line.startswith(lead) for line in lines) <= 1, (site.id, art.slug)


# --- generic fallback: layout signals ---------------------------------------------------------
PARAS = [
    "Năm 2023, tổng thu ngân sách nhà nước trên địa bàn xã đạt 11.038 triệu đồng, bằng 74% kế hoạch năm.",
    "Toàn xã có 01 Hợp tác xã với 67 thành viên và 10 Tổ hợp tác với 75 thành viên, hoạt động hiệu quả.",
    "Công tác phòng, chống dịch trên gia súc, gia cầm được quan tâm, không để dịch bệnh lan rộng.",
]
TITLE = "Kết quả phát triển kinh tế của xã Bình Thạnh Đông năm 2023"
SIDEBAR = "".join(
    f'<li><a href="/tin/{i}.html">Tin khác số {i} của cổng thông tin xã</a></li>' for i in range(30)
)


def _generic(body: str, head: str = f"<title>Cổng thông tin điện tử xã Bình Thạnh Đông - {TITLE}</title>"):
    return clean_html(f"<html><head>{head}</head><body>{body}</body></html>")


def test_a_page_wide_form_is_layout_but_a_comment_form_is_chrome() -> None:
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    doc = _generic(
        f'<form id="Form" method="post"><input type="hidden" name="__VIEWSTATE" value="x">'
        f'<h1>CỔNG THÔNG TIN ĐIỆN TỬ XÃ BÌNH THẠNH ĐÔNG</h1><ul class="m">{SIDEBAR}</ul>'
        f'<div class="detail"><h1>{TITLE}</h1><div class="meta">Ngày đăng: 16/08/2023 10:05'
        f"<span>Lượt xem: 97</span></div>{article}</div>"
        f'<form class="f"><p>Ý kiến của bạn về bài viết này sẽ được kiểm duyệt trước khi đăng.</p>'
        f"<textarea></textarea></form></form>"
    )
    # the longest heading the <title> contains is the title, not the site name
    assert doc.title == TITLE
    assert doc.published_at == "2023-08-16T10:05:00+07:00"  # inside the meta line under the title
    assert doc.text.split("\n") == [TITLE, *PARAS]


def test_compound_class_names_and_link_lists_are_chrome() -> None:
    related = (
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3>Bài viết liên quan</h3>'
        "<p>Đại hội đã thảo luận, thông qua Báo cáo chính trị và bầu Ban Chấp hành nhiệm kỳ mới.</p></div>"
    )
    doc = _generic(
        f'<div class="content"><h1>{TITLE}</h1>{"".join(f"<p>{p}</p>" for p in PARAS)}{related}</div>'
        f'<div class="box"><ol>{SIDEBAR}</ol></div>'
    )
    assert doc.text.split("\n") == [TITLE, *PARAS]


def test_date_label_cap_nhat_ngay_and_title_above_it_without_headings() -> None:
    rows = "".join(f"<tr><td>{p}</td></tr>" for p in PARAS)
    doc = _generic(
        f'<table><tr><td><font size="4"><b>{TITLE}</b></font></td></tr>'
        f"<tr><td><i>Cập nhật ngày: 15/08/2023</i></td></tr>"
        f"<tr><td><table><tr><td><font>{'<br>'.join(PARAS)}</font></td></tr></table></td></tr>{rows[:0]}</table>",
        head="<title>Website xa Xuan Phu</title>",
    )
    assert doc.title == TITLE
    assert doc.published_at == "2023-08-15"
    assert doc.text.split("\n") == [TITLE, *PARAS]


SENTENCE = "Thu ngân sách xã đạt 4.271 triệu đồng, bằng 105% dự toán."


@pytest.mark.parametrize(
    ("name", "html"),
    [
        # fewer tags than the flattening scan looks at: the walk itself must cope (no recursion)
        ("2,500 nested divs", "<div>" * 2500 + f"<p>{SENTENCE}</p>" + "</div>" * 2500),
        ("3,000 unclosed fonts", "<p>" + "<font size=2>" * 3000 + SENTENCE + "</p>"),
        # many tags: nesting beyond MAX_NESTING is flattened before lexbor parses it
        ("60,000 nested divs", "<div>" * 60000 + f"<p>{SENTENCE}</p>" + "</div>" * 60000),
    ],
)
def test_deeply_nested_pages_keep_their_text(name, html):
    started = time.monotonic()
    doc = clean_html(f"<html><body>{html}</body></html>".encode())
    assert doc.text.splitlines()[-1] == SENTENCE, name
    assert time.monotonic() - started < 20  # unflattened, 60,000 levels take ~15 s to parse alone


def test_flattening_keeps_text_order_and_shallow_pages_untouched():
    shallow = "<div><p>a</p></div>" * 5000
    assert flatten_deep_nesting(shallow) == (shallow, False)
    deep = "<div>x" * (MAX_NESTING + 5) + "</div>" * (MAX_NESTING + 5) + "<b>" * 9000
    flat, changed = flatten_deep_nesting(deep)
    assert changed and flat.count("x") == MAX_NESTING + 5
    assert flat.count("<div>") == MAX_NESTING and flat.count("</div>") == MAX_NESTING
