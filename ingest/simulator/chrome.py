"""Portal chrome shared by the family templates: menus, sidebars, inline CSS/JS, link lists.

Real commune portal pages weigh 150–250 KB, most of it chrome. The pieces here are generated
deterministically from the site id (same site → byte-identical chrome, so ETags are stable) and
cached per site, so assembling a page at request time is a string join.
"""

from __future__ import annotations

import random
from functools import lru_cache

# Vocabulary of the chrome, kept as data.
MENU = {
    "Giới thiệu": [
        "Lịch sử hình thành",
        "Điều kiện tự nhiên",
        "Cơ cấu tổ chức",
        "Chức năng nhiệm vụ",
        "Danh bạ điện thoại",
        "Bản đồ hành chính",
        "Di tích - danh thắng",
    ],
    "Tin tức - Sự kiện": [
        "Tin trong xã",
        "Tin trong huyện",
        "Tin trong tỉnh",
        "Hoạt động lãnh đạo",
        "Xây dựng nông thôn mới",
        "Văn hóa - Xã hội",
        "Quốc phòng - An ninh",
    ],
    "Chính quyền": [
        "Đảng ủy",
        "Hội đồng nhân dân",
        "Ủy ban nhân dân",
        "Mặt trận Tổ quốc",
        "Hội Nông dân",
        "Hội Phụ nữ",
        "Đoàn Thanh niên",
        "Hội Cựu chiến binh",
    ],
    "Văn bản": [
        "Văn bản chỉ đạo điều hành",
        "Văn bản quy phạm pháp luật",
        "Báo cáo",
        "Kế hoạch",
        "Thông báo",
        "Nghị quyết",
        "Văn bản dự thảo",
    ],
    "Thủ tục hành chính": [
        "Công khai thủ tục hành chính",
        "Dịch vụ công trực tuyến",
        "Tra cứu hồ sơ",
        "Kết quả giải quyết TTHC",
        "Phản ánh kiến nghị",
    ],
    "Công khai": [
        "Công khai ngân sách",
        "Quy hoạch - Kế hoạch",
        "Đầu tư xây dựng cơ bản",
        "Thi đua - Khen thưởng",
        "Tuyển dụng",
    ],
    "Chuyển đổi số": ["Tin chuyển đổi số", "Tổ công nghệ số cộng đồng", "Hướng dẫn dịch vụ công"],
    "Liên hệ": ["Hỏi đáp", "Góp ý", "Sơ đồ cổng"],
}
DOC_KINDS = ("Quyết định", "Kế hoạch", "Thông báo", "Công văn", "Báo cáo", "Nghị quyết", "Tờ trình")
DOC_CODES = ("QĐ-UBND", "KH-UBND", "TB-UBND", "UBND-VP", "BC-UBND", "NQ-HĐND", "TTr-UBND")
DOC_TOPICS = (
    "triển khai thực hiện nhiệm vụ phát triển kinh tế - xã hội",
    "kiện toàn Ban Chỉ đạo xây dựng nông thôn mới",
    "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
    "tổ chức các hoạt động văn hóa, thể thao",
    "kết quả giải quyết thủ tục hành chính",
    "công tác tuyển chọn và gọi công dân nhập ngũ",
    "phòng, chống dịch bệnh gia súc, gia cầm",
    "thu các loại quỹ theo quy chế dân chủ ở cơ sở",
    "cải cách hành chính và chuyển đổi số",
    "quản lý đất đai, trật tự xây dựng trên địa bàn",
    "vận động nhân dân tham gia bảo hiểm y tế",
    "công tác bảo vệ môi trường, thu gom rác thải",
    "chương trình công tác trọng tâm",
    "tiếp công dân định kỳ",
    "công khai dự toán ngân sách",
    "phát triển sản phẩm OCOP",
    "đảm bảo an toàn thực phẩm",
    "phòng cháy, chữa cháy rừng mùa khô",
)
LINKS = (
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Báo Nhân Dân", "https://nhandan.vn"),
    ("Cổng thông tin Chính phủ", "https://chinhphu.vn"),
    ("Báo điện tử Đảng Cộng sản", "https://dangcongsan.vn"),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn"),
    ("Thông tấn xã Việt Nam", "https://vnanet.vn"),
)
CSS_BLOCKS = (
    "header",
    "banner",
    "menu",
    "submenu",
    "breadcrumb",
    "news",
    "news-item",
    "news-list",
    "sidebar",
    "box",
    "box-title",
    "counter",
    "footer",
    "pagination",
    "share",
    "comment",
    "search",
    "weather",
    "calendar",
    "marquee",
    "doc-list",
    "tthc",
    "poll",
    "gallery",
    "video",
    "banner-right",
)
CSS_PROPS = (
    "margin:0 auto",
    "padding:4px 8px",
    "color:#1b3a6b",
    "background:#f3f6fb",
    "border:1px solid #d6dde8",
    "font-size:13px",
    "line-height:1.55",
    "display:block",
    "float:left",
    "width:100%",
    "text-transform:uppercase",
    "font-weight:700",
    "border-radius:3px",
    "overflow:hidden",
    "box-shadow:0 1px 2px rgba(0,0,0,.08)",
    "transition:all .2s ease-in-out",
    "position:relative",
)


def _rng(site_id: str, what: str) -> random.Random:
    return random.Random(f"{site_id}/{what}")


def document_titles(site_id: str, n: int) -> list[tuple[str, str]]:
    """(title, slug-ish id) of `n` plausible administrative documents for sidebars."""
    rng = _rng(site_id, "docs")
    out = []
    for i in range(n):
        k = rng.randrange(len(DOC_KINDS))
        num, year = rng.randint(1, 480), rng.choice((2021, 2022, 2023, 2024, 2025))
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        title = (
            f"{DOC_KINDS[k]} số {num}/{DOC_CODES[k]} ngày {day:02d}/{month:02d}/{year} "
            f"về {rng.choice(DOC_TOPICS)}"
        )
        out.append((title, f"{num}-{year}-{i}"))
    return out


@lru_cache(maxsize=256)
def inline_css(site_id: str) -> str:
    """A big inline stylesheet (themes inline their CSS on these portals)."""
    rng = _rng(site_id, "css")
    rules = []
    for block in CSS_BLOCKS:
        for variant in (
            "",
            "-inner",
            "-title",
            "-content",
            "-header",
            "-body",
            "-footer",
            " a",
            " a:hover",
            " a:focus",
            " li",
            " li:first-child",
            " .active",
            " img",
            " .icon",
            " span",
        ):
            props = ";".join(rng.sample(CSS_PROPS, rng.randint(3, 7)))
            rules.append(f".{block}{variant}{{{props}}}")
        for bp in (480, 768, 992, 1200):
            props = ";".join(rng.sample(CSS_PROPS, 3))
            rules.append(f"@media (max-width:{bp}px){{.{block}{{{props}}}}}")
    return "\n".join(rules)


@lru_cache(maxsize=256)
def inline_js(site_id: str) -> str:
    """Inline scripts: analytics stub, menu code and a JSON config blob."""
    rng = _rng(site_id, "js")
    handlers = "\n".join(
        f"  $('.{b}').on('click','a.toggle',function(e){{e.preventDefault();"
        f"$(this).closest('.{b}').toggleClass('open');var h=$(this).data('h')||{rng.randint(80, 400)};"
        f"$(this).next().stop().animate({{height:h}},{rng.randint(100, 400)});}});"
        for b in CSS_BLOCKS
    )
    config = ",".join(f'"k{i}":"{rng.getrandbits(64):016x}"' for i in range(700))
    return (
        "var _gaq=_gaq||[];_gaq.push(['_setAccount','UA-" + str(rng.randint(10**7, 10**8)) + "-1']);"
        "_gaq.push(['_trackPageview']);\n(function($){\n" + handlers + "\n})(jQuery);\n"
        "window.__PORTAL_CONFIG__={" + config + "};\n"
        "function portalCounter(){var x=new XMLHttpRequest();x.open('GET','/counter.ashx?t='+Date.now());"
        "x.send();}\nwindow.addEventListener('load',portalCounter);"
    )


@lru_cache(maxsize=256)
def menu_html(
    site_id: str, prefix: str, ul_class: str = "menu", url_format: str = "/web/trang-chu/{path}.html"
) -> str:
    """The main mega menu: every section with its sub-pages (`url_format` gives the CMS's URL shape)."""

    def href(path: str) -> str:
        return prefix + url_format.format(path=path)

    items = []
    for top, subs in MENU.items():
        sub = "".join(
            f'<li class="menu-item"><a href="{href(_slug(top) + "/" + _slug(s))}" title="{s}">{s}</a></li>'
            for s in subs
        )
        items.append(
            f'<li class="menu-item has-children"><a href="{href(_slug(top))}">{top}</a>'
            f'<ul class="sub-menu">{sub}</ul></li>'
        )
    home = f'<li class="menu-item home"><a href="{prefix}/">Trang chủ</a></li>'
    return f'<ul class="{ul_class}">{home}{"".join(items)}</ul>'


@lru_cache(maxsize=256)
def doc_list_html(
    site_id: str, prefix: str, n: int = 140, url_format: str = "/web/trang-chu/van-ban/{path}.html"
) -> str:
    """A sidebar box of the latest administrative documents (many links)."""
    lis = "".join(
        f'<li><a href="{prefix}{url_format.format(path=doc_id)}" title="{t}">'
        f'<span class="doc-icon"></span>{t}</a></li>'
        for t, doc_id in document_titles(site_id, n)
    )
    return f'<ul class="doc-list">{lis}</ul>'


def links_html() -> str:
    return "".join(
        f'<li><a href="{url}" target="_blank" rel="noopener">{name}</a></li>' for name, url in LINKS
    )


def _slug(text: str) -> str:
    from ingest.simulator.model import slugify

    return slugify(text)
