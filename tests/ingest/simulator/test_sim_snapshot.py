"""The bundled snapshot: real seed text, Word-pasted bodies, realistic page weight (no HTTP)."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ingest.simulator import load_sites, render_article, render_listing
from ingest.simulator.encoding import encode_cp1258
from ingest.simulator.wordhtml import render_plain

SEEDS = Path(__file__).parents[2] / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def sites():
    return {s.id: s for s in load_sites()}


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_five_sites_of_three_families(sites):
    assert {sid: s.family for sid, s in sites.items()} == {
        "xuan-phu": "thanhhoa",
        "binh-thanh-dong": "thanhhoa",
        "loc-quang": "thanhhoa",
        "lamdong-loc-quang": "liferay",
        "phutan-news": "generic",
    }
    assert sites["xuan-phu"].district == "Thọ Xuân" and sites["xuan-phu"].province == "Thanh Hóa"
    assert sites["binh-thanh-dong"].province == "An Giang"
    assert sites["loc-quang"].district == "Bảo Lâm"
    # every thanhhoa listing needs more than one page so discovery has to paginate
    for sid in ("xuan-phu", "binh-thanh-dong"):
        site = sites[sid]
        assert site.pages_in(site.categories[0].key) >= 2


def test_report_bodies_are_the_real_seed_text(sites):
    seed = (SEEDS / "xuan-phu-portal-page-2023-h1.txt").read_text(encoding="utf-8").split("\n")
    report = sites["xuan-phu"].articles[0]
    assert report.published.strftime("%d/%m/%Y %H:%M:%S") == "13/08/2023 22:14:53"
    assert report.source_text == "\n".join(seed[19:232]) + "\n"  # the body between title and print copy

    btd = (SEEDS / "binh-thanh-dong-term-report-2020-2025.txt").read_text(encoding="utf-8")
    parts = sorted(
        (a for a in sites["binh-thanh-dong"].articles if "nhiem-ky" in a.slug), key=lambda a: a.published
    )
    assert len(parts) == 3
    for part in parts:
        assert part.source_text.strip() in btd
    assert "90 triệu đồng" in parts[2].source_text  # the 2025-2030 indicator list

    notice = (SEEDS / "loc-quang-notice-2023-h1.txt").read_text(encoding="utf-8")
    assert sites["loc-quang"].articles[0].source_text == notice
    assert (
        sites["lamdong-loc-quang"]
        .article("thong-bao-ket-qua-lam-viec-cua-thuong-truc-huyen-uy-voi-ang-uy-xa-loc-quang")
        .source_text
        == notice
    )
    assert sites["phutan-news"].articles[0].source_text == parts[0].source_text  # near-duplicate


def test_body_is_word_soup_with_text_intact(sites):
    report = sites["xuan-phu"].articles[0]
    html = render_article(sites["xuan-phu"], report)
    soup = BeautifulSoup(html, "lxml")
    content = soup.select_one("div.news-content")
    assert content.select("p.MsoNormal") and content.select("span[lang=VI]") and "&nbsp;" in report.body_html
    paragraphs = [p.get_text() for p in content.select("div.WordSection1 > p")]
    expected = [ln for ln in report.source_text.split("\n") if ln and not ln.lstrip().startswith("[")]
    assert [_norm(p) for p in paragraphs] == [_norm(e) for e in expected]
    # Word footnotes: `[1]` anchor in the text, the footnote text at the end of the body
    assert content.select_one('a[href="#_ftn1"]').get_text() == "[1]"
    notes = content.select("div[id^=ftn]")
    assert [n.get("id") for n in notes] == ["ftn1", "ftn2"]
    assert "đàn chó đạt 100% KH" in notes[0].get_text()


def test_sup_footnotes_and_signature(sites):
    news = sites["xuan-phu"].article(
        "xuan-phu-ra-quan-tong-ve-sinh-moi-truong-huong-ung-ngay-moi-truong-the-gioi"
    )
    assert "cổng trường học<sup>1</sup>" in news.body_html
    assert "<sup>1</sup> Theo kế hoạch" in news.body_html
    report = BeautifulSoup(sites["xuan-phu"].articles[0].body_html, "lxml").get_text()
    assert "Nơi nhận:" in report and "Bùi Văn Hoàng" in report


@pytest.mark.parametrize(
    "sid", ["xuan-phu", "binh-thanh-dong", "loc-quang", "lamdong-loc-quang", "phutan-news"]
)
def test_pages_weigh_like_real_ones(sites, sid):
    site = sites[sid]
    for art in site.articles:
        size = len(render_article(site, art).encode("utf-8"))
        assert 120_000 < size < 400_000, (art.slug, size)
    assert len(render_listing(site, site.categories[0].key, 1).encode("utf-8")) > 100_000


def test_rendering_is_deterministic(sites):
    fresh = {s.id: s for s in load_sites()}
    for sid, site in sites.items():
        art = site.articles[-1]
        assert render_article(site, art) == render_article(fresh[sid], fresh[sid].article(art.slug))


def test_windows_1258_encoding_round_trips():
    import unicodedata

    text = "Tổng thu ngân sách đạt 2.657 triệu đồng; Đảng ủy xã Xuân Phú; hệ thống"
    raw = encode_cp1258(text)
    assert b"&#" not in raw
    assert unicodedata.normalize("NFC", raw.decode("cp1258")) == text
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_run_splitting_never_breaks_markup():
    html = render_plain("Có <b> chữ đậm </b> và [1] ghi chú dài dòng ở đây nữa\n[1]Chú thích.\n", seed="x")
    soup = BeautifulSoup(html, "lxml")
    assert "Có <b> chữ đậm </b> và [1] ghi chú" in soup.get_text()
