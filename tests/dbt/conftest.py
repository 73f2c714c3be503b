"""Warehouse test fixtures: a fake extractor patched into `ingest.extract`, and a scenario landing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import ingest.extract
from ingest.sites import Site
from tests.helpers import fake_extract
from tests.helpers.landing import SITES, Doc, seed_docs

RUN_1 = "20250701T010000Z-aaaaaa"

# A registered site whose commune name matches no official unit (kept, flagged).
UNKNOWN_COMMUNE_SITE = Site(
    id="tan-tien-moi",
    commune="Tân Tiến Mới",
    district="Thọ Xuân",
    province="Thanh Hóa",
    family="thanhhoa",
    base_url="http://127.0.0.1:8765/tantienmoi",
    listing_urls=("/",),
)

LOC_QUANG_LATER_REPORT = """Lộc Quảng, ngày 20 tháng 8 năm 2023

BÁO CÁO
Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2023

Thu ngân sách xã được 5.100 triệu đồng đạt 88% KH năm; sản lượng lương thực đạt 1.250 tấn.
"""


@pytest.fixture(scope="module")
def fake_extractor() -> Iterator[list[str]]:
    """Deterministic mentions: the dbt Python model calls `ingest.extract.*` at build time."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ingest.extract, "extract_mentions", fake_extract.extract_mentions)
        mp.setattr(ingest.extract, "extract_metadata", fake_extract.extract_metadata)
        fake_extract.CALLS.clear()
        yield fake_extract.CALLS


def scenario_docs() -> list[Doc]:
    """Seed documents plus a near-duplicate, a conflicting later report, and odd sites."""
    xuan_phu, loc_quang, binh_thanh_dong = seed_docs()
    repost = Doc(
        "xuan-phu",
        "http://127.0.0.1:8765/xuanphu/web/trang-chu/tin-tuc-su-kien/dang-lai-bao-cao-6-thang-2023.html",
        xuan_phu.text + "\nNguồn: Văn phòng Đảng ủy xã (đăng lại)",
        title=xuan_phu.title,
        published_at="2023-08-14T07:00:00+07:00",
        neardup_group=xuan_phu.content_sha256,
    )
    later = Doc(
        "loc-quang",
        "http://127.0.0.1:8765/locquang/bao-cao-6-thang-dau-nam-2023/",
        LOC_QUANG_LATER_REPORT,
        title="Báo cáo kết quả 6 tháng đầu năm 2023",
        published_at="2023-08-21T08:00:00+07:00",
    )
    unknown = Doc(
        "tan-tien-moi",
        "http://127.0.0.1:8765/tantienmoi/bao-cao.html",
        "Tân Tiến Mới, ngày 05 tháng 7 năm 2023\nBÁO CÁO 6 tháng đầu năm 2023\n"
        "Tổng sản lượng lương thực đạt 2.100 tấn.",
        title="Báo cáo 6 tháng đầu năm 2023",
    )
    unregistered = Doc(
        "xa-chua-dang-ky",
        "http://127.0.0.1:8765/unregistered/bai-viet.html",
        "Ngày 01 tháng 7 năm 2023\nBÁO CÁO 6 tháng đầu năm 2023\nDiện tích lúa đạt 300 ha.",
        title="Báo cáo 6 tháng đầu năm 2023",
    )
    return [xuan_phu, loc_quang, binh_thanh_dong, repost, later, unknown, unregistered]


SCENARIO_SITES = [*SITES, UNKNOWN_COMMUNE_SITE]
