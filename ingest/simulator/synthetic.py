"""Synthetic portals for benchmarks: many communes, realistic article text recombined from the seeds."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta
from functools import lru_cache

from ingest.simulator.model import VN_TZ, SimArticle, SimCategory, SimSite, slugify, summary_of
from ingest.simulator.snapshot import CONTENT_DIR

# (commune, district, province) of real pre-2025 communes, used as names only.
COMMUNES = (
    ("Xuân Lai", "Thọ Xuân", "Thanh Hóa"),
    ("Xuân Hòa", "Thọ Xuân", "Thanh Hóa"),
    ("Thọ Lập", "Thọ Xuân", "Thanh Hóa"),
    ("Quảng Phú", "Thọ Xuân", "Thanh Hóa"),
    ("Xuân Tín", "Thọ Xuân", "Thanh Hóa"),
    ("Hạnh Phúc", "Thọ Xuân", "Thanh Hóa"),
    ("Định Liên", "Yên Định", "Thanh Hóa"),
    ("Thiệu Vận", "Thiệu Hóa", "Thanh Hóa"),
    ("Hoằng Lộc", "Hoằng Hóa", "Thanh Hóa"),
    ("Nga Thạch", "Nga Sơn", "Thanh Hóa"),
    ("Lộc Thành", "Bảo Lâm", "Lâm Đồng"),
    ("Lộc Ngãi", "Bảo Lâm", "Lâm Đồng"),
    ("Lộc Đức", "Bảo Lâm", "Lâm Đồng"),
    ("Đinh Lạc", "Di Linh", "Lâm Đồng"),
    ("Tân Hà", "Lâm Hà", "Lâm Đồng"),
    ("Phú Thạnh", "Phú Tân", "An Giang"),
    ("Phú Bình", "Phú Tân", "An Giang"),
    ("Hiệp Xương", "Phú Tân", "An Giang"),
    ("Tân Trung", "Phú Tân", "An Giang"),
    ("Bình Mỹ", "Châu Phú", "An Giang"),
    ("Vĩnh Thạnh Trung", "Châu Phú", "An Giang"),
    ("Mỹ Đức", "Châu Phú", "An Giang"),
    ("Long Giang", "Chợ Mới", "An Giang"),
    ("Kiến An", "Chợ Mới", "An Giang"),
)
TITLES = (
    "Báo cáo tình hình, kết quả thực hiện nhiệm vụ 6 tháng đầu năm {year}",
    "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {year}",
    "Thông báo kết luận của Thường trực Đảng ủy về tình hình thực hiện nhiệm vụ quý {q} năm {year}",
    "Báo cáo sơ kết 9 tháng đầu năm {year}, phương hướng nhiệm vụ quý IV",
    "Xã {commune} tổ chức hội nghị sơ kết công tác xây dựng nông thôn mới năm {year}",
    "Hội nghị tổng kết công tác Mặt trận và các đoàn thể năm {year}",
)
NUMBER = re.compile(r"(?<![\d/.,-])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\d/])")
MARKUP = re.compile(r"\*\*|(?<!\w)\*|\*(?!\w)|^#+\s*|\[bookmark: [^\]]+\]")


@lru_cache(maxsize=1)
def paragraph_pool() -> tuple[str, ...]:
    """Every substantial paragraph of the three seed documents, markup removed."""
    out = []
    for path in sorted((CONTENT_DIR / "bodies").iterdir()):
        for line in path.read_text(encoding="utf-8").split("\n"):
            text = MARKUP.sub("", line).strip()
            if len(text) > 120 and not re.match(r"^\s*\[\d+\]", text):
                out.append(text)
    return tuple(dict.fromkeys(out))


def _perturb(text: str, rng: random.Random) -> str:
    """Scale the figures of a paragraph (years and dates untouched) so each commune differs."""

    def scale(m: re.Match[str]) -> str:
        whole, frac = m.group(1), m.group(2) or ""
        value = int(whole.replace(".", ""))
        if 1900 <= value <= 2100 and not frac and "." not in whole:
            return m.group(0)
        new = max(1, round(value * rng.uniform(0.6, 1.4)))
        return f"{new:,}".replace(",", ".") + frac

    return NUMBER.sub(scale, text)


def _body(commune: str, title: str, rng: random.Random) -> str:
    pool = paragraph_pool()
    header = [
        f"ĐẢNG ỦY XÃ {commune.upper()}",
        "*",
        "\xa0",
        title.upper() if len(title) < 90 else title,
        "\xa0",
    ]
    paras = [_perturb(p, rng) for p in rng.sample(pool, k=min(len(pool), rng.randint(8, 18)))]
    footer = ["Nơi nhận:", "- Thường trực Huyện ủy (b/c),", "- Lưu Văn phòng.", "T/M ĐẢNG ỦY", "BÍ THƯ"]
    return "\n".join(header + paras + footer) + "\n"


def synthetic_sites(
    *,
    n_sites: int = 20,
    articles_per_site: int = 50,
    families: tuple[str, ...] = ("thanhhoa", "liferay", "generic"),
    page_size: int = 10,
    seed: int = 0,
    crawl_delay: float | None = None,
) -> list[SimSite]:
    """`n_sites` sites (families cycled) of `articles_per_site` articles each, mounted at the host root."""
    if n_sites < 1 or articles_per_site < 0:
        raise ValueError("n_sites must be >= 1 and articles_per_site >= 0")
    sites = []
    for i in range(n_sites):
        commune, district, province = COMMUNES[i % len(COMMUNES)]
        if i >= len(COMMUNES):
            commune = f"{commune} {i // len(COMMUNES) + 1}"
        family = families[i % len(families)]
        sid = f"sim-{i + 1:02d}-{slugify(commune)}"
        rng = random.Random(f"{seed}/{sid}")
        site = SimSite(
            id=sid,
            family=family,
            commune=commune,
            district=district,
            province=province,
            prefix="",
            page_size=page_size,
            crawl_delay=crawl_delay,
            categories=[SimCategory("tin-tuc-su-kien", "Tin tức - Sự kiện")],
            address=f"UBND xã {commune}, huyện {district}, tỉnh {province}",
            phone=f"0{rng.randint(200, 299)} {rng.randint(3000000, 3999999)}",
            email=f"ubnd.{slugify(commune).replace('-', '')}@example.gov.vn",
            visitor_total=rng.randint(20000, 400000),
        )
        when = datetime(2025, 6, 30, 9, 0, tzinfo=VN_TZ)
        arts = []
        for j in range(articles_per_site):
            when -= timedelta(days=rng.randint(3, 12), minutes=rng.randint(0, 600))
            title = rng.choice(TITLES).format(year=when.year, q=(when.month - 1) // 3 + 1, commune=commune)
            slug = f"{slugify(title, drop_d=family == 'liferay')}-{j + 1}"
            text = _body(commune, title, rng)
            footnotes = "word" if j % 2 else "sup"
            arts.append(
                SimArticle(
                    slug=slug,
                    title=title,
                    published=when,
                    category="tin-tuc-su-kien",
                    post_id=1000 + j,
                    body_html="",  # rendered on first request: building 1000 articles stays fast
                    summary=summary_of(text),
                    source_text=text,
                    source_format="plain",
                    footnotes=footnotes,
                )
            )
        site.articles = arts  # newest first
        sites.append(site)
    return sites
