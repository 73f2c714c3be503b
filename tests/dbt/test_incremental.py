"""Incremental builds extract only new document versions (or all, for a new extractor version);
a failed extraction is recorded and retried; a full refresh rebuilds identically."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

import ingest.extract
from ingest.paths import DataPaths
from ingest.warehouse.build import dbt_build
from tests.helpers import fake_extract
from tests.helpers.landing import SITES, Doc, land, seed_docs, utc

pytestmark = pytest.mark.slow

MARTS = [
    "dim_commune",
    "dim_period",
    "dim_term",
    "dim_document",
    "fct_indicator_mentions",
    "fct_commune_indicators",
    "fct_site_crawls",
]


def snapshot(paths: DataPaths) -> dict[str, list[tuple]]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return {t: con.execute(f"select * from {t} order by all").fetchall() for t in MARTS}


def scalar(paths: DataPaths, sql: str):
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_incremental_then_full_refresh(tmp_path, fake_extractor: list[str]) -> None:
    paths = DataPaths.at(tmp_path)
    xuan_phu, loc_quang, binh_thanh_dong = seed_docs()
    land(
        paths,
        [xuan_phu, loc_quang, binh_thanh_dong],
        run_id="20230815T010000Z-aaaaaa",
        at=utc(2023, 8, 15, 1),
    )
    first = dbt_build(paths)
    assert first.ok, first.message
    assert len(fake_extractor) == 3

    # nothing new: nothing extracted
    again = dbt_build(paths)
    assert again.ok, again.message
    assert len(fake_extractor) == 3

    # run 2: one new page, and the re-cleaned (clean_version 2) text of an existing page
    new_page = Doc(
        "xuan-phu",
        "http://127.0.0.1:8765/xuanphu/web/trang-chu/tin-tuc-su-kien/ket-qua-thu-ngan-sach-9-thang.html",
        "Xuân Phú, ngày 05 tháng 10 năm 2023\nBÁO CÁO 6 tháng đầu năm 2023\n"
        "Thu ngân sách xã được 2.900 triệu đồng đạt 50% KH năm.",
        title="Báo cáo thu ngân sách 6 tháng đầu năm 2023",
    )
    recleaned = Doc(
        loc_quang.site_id,
        loc_quang.url,
        loc_quang.text.replace("4.271 triệu đồng", "4.280 triệu đồng"),
        title=loc_quang.title,
        published_at=loc_quang.published_at,
        clean_version="2",
        content_sha256=loc_quang.content_sha256,
        change="unchanged",
    )
    # ...and the registry now spells Xuân Phú's district with its unit type
    edited = [replace(s, district="Huyện Thọ Xuân") if s.id == "xuan-phu" else s for s in SITES]
    land(paths, [new_page, recleaned], run_id="20230816T010000Z-bbbbbb", at=utc(2023, 8, 16, 1), sites=edited)
    incremental = dbt_build(paths)
    assert incremental.ok, incremental.message
    assert len(fake_extractor) == 5, "only the two new document versions are extracted"
    versions = scalar(
        paths,
        f"select list(distinct clean_version) from fct_indicator_mentions "
        f"where content_sha256 = '{loc_quang.content_sha256}'",
    )
    assert versions == ["2"]
    assert scalar(paths, "select count(*) from fct_indicator_mentions where base_value = 4271000000") == 0
    assert scalar(paths, "select count(*) from fct_indicator_mentions where base_value = 4280000000") == 1
    assert scalar(paths, "select count(*) from dim_document") == 4
    assert scalar(paths, "select count(*) from fct_site_crawls") == 6
    # both spellings are in dim_commune (resolved alike); facts follow the site's current entry
    assert (
        scalar(paths, "select count(*) from dim_commune where commune_name = 'Xuân Phú' and is_resolved") == 2
    )
    assert (
        scalar(
            paths,
            "select count(distinct f.commune_id) from fct_indicator_mentions f "
            "join dim_commune c using (commune_id) where c.district_name = 'Huyện Thọ Xuân'",
        )
        == 1
    )
    assert (
        scalar(
            paths,
            "select count(*) from fct_indicator_mentions f join dim_commune c using (commune_id) "
            "where f.site_id = 'xuan-phu' and c.district_name = 'Thọ Xuân'",
        )
        == 0
    )
    before = snapshot(paths)

    full = dbt_build(paths, full_refresh=True)
    assert full.ok, full.message
    assert len(fake_extractor) == 9, "a full refresh re-extracts the four current versions"
    after = snapshot(paths)
    for table in MARTS:
        assert after[table] == before[table], table


def _doubled(text: str, **kwargs):
    """What a new extractor finds: the fake extractor's mentions with every value doubled."""
    return [
        replace(m, value=m.value * 2, base_value=m.base_value * 2)
        for m in fake_extract.extract_mentions(text, **kwargs)
    ]


def _values(paths: DataPaths) -> list[tuple]:
    return sorted(
        tuple(r)
        for r in duckdb.connect(str(paths.warehouse), read_only=True)
        .execute("select content_sha256, quote, base_value, extractor_version from fct_indicator_mentions")
        .fetchall()
    )


def test_new_extractor_version_reextracts_without_full_refresh(
    tmp_path, fake_extractor: list[str], monkeypatch
) -> None:
    paths = DataPaths.at(tmp_path)
    land(paths, seed_docs(), run_id="20230815T010000Z-aaaaaa", at=utc(2023, 8, 15, 1))
    monkeypatch.setattr(ingest.extract, "EXTRACTOR_VERSION", "test-1")
    assert dbt_build(paths).ok
    old = _values(paths)
    assert old and {v for *_, v in old} == {"test-1"}
    calls = len(fake_extractor)

    # the same extractor again: nothing re-extracted
    assert dbt_build(paths).ok
    assert len(fake_extractor) == calls

    # a new extractor: every document re-extracted, the facts hold only its mentions
    monkeypatch.setattr(ingest.extract, "EXTRACTOR_VERSION", "test-2")
    monkeypatch.setattr(ingest.extract, "extract_mentions", _doubled)
    result = dbt_build(paths)
    assert result.ok, result.message
    assert len(fake_extractor) == calls + 3
    new = _values(paths)
    assert new == sorted((sha, quote, value * 2, "test-2") for sha, quote, value, _ in old)
    n_facts = scalar(paths, "select count(*) from fct_commune_indicators")

    # ...and the same as a full refresh with the new extractor
    full = dbt_build(paths, full_refresh=True)
    assert full.ok, full.message
    assert _values(paths) == new
    assert scalar(paths, "select count(*) from fct_commune_indicators") == n_facts


def test_warehouse_built_before_extractor_versions_is_reextracted(
    tmp_path, fake_extractor: list[str], monkeypatch
) -> None:
    paths = DataPaths.at(tmp_path)
    land(paths, seed_docs(), run_id="20230815T010000Z-aaaaaa", at=utc(2023, 8, 15, 1))
    assert dbt_build(paths).ok
    old = _values(paths)
    # the warehouse as the extractor without versions left it: no extractor_version column
    with duckdb.connect(str(paths.warehouse)) as con:
        for table in ("int_documents_extracted", "fct_indicator_mentions"):
            con.execute(f"alter table {table} drop column extractor_version")
    calls = len(fake_extractor)
    monkeypatch.setattr(ingest.extract, "extract_mentions", _doubled)
    result = dbt_build(paths)
    assert result.ok, result.message
    assert len(fake_extractor) == calls + 3
    version = ingest.extract.EXTRACTOR_VERSION
    assert _values(paths) == sorted((sha, quote, value * 2, version) for sha, quote, value, _ in old)


def test_failed_extraction_is_recorded_kept_and_retried(
    tmp_path, fake_extractor: list[str], monkeypatch
) -> None:
    paths = DataPaths.at(tmp_path)
    xuan_phu, loc_quang, binh_thanh_dong = seed_docs()
    land(
        paths,
        [xuan_phu, loc_quang, binh_thanh_dong],
        run_id="20230815T010000Z-aaaaaa",
        at=utc(2023, 8, 15, 1),
    )
    monkeypatch.setattr(ingest.extract, "EXTRACTOR_VERSION", "test-1")
    assert dbt_build(paths).ok
    before = _values(paths)
    loc_quang_rows = [r for r in before if r[0] == loc_quang.content_sha256]
    assert loc_quang_rows

    def broken_on_loc_quang(text: str, **kwargs):
        if text == loc_quang.text:
            raise RuntimeError("extractor bug on this page")
        return _doubled(text, **kwargs)

    # a new extractor that fails on one document: the build completes and warns, the error is
    # recorded where an operator sees it, the document keeps its older mentions
    monkeypatch.setattr(ingest.extract, "EXTRACTOR_VERSION", "test-2")
    monkeypatch.setattr(ingest.extract, "extract_mentions", broken_on_loc_quang)
    result = dbt_build(paths)
    assert result.ok, result.message
    assert [n.name for n in result.nodes if n.status == "warn"] == ["assert_no_extraction_errors"]
    assert (
        scalar(paths, "select count(*) from dim_document where extraction_error like '%extractor bug%'") == 1
    )
    after = _values(paths)
    assert [r for r in after if r[0] == loc_quang.content_sha256] == loc_quang_rows
    assert {r[3] for r in after if r[0] != loc_quang.content_sha256} == {"test-2"}

    # fixed: the next build retries only that document and replaces its mentions
    calls = len(fake_extractor)
    monkeypatch.setattr(ingest.extract, "extract_mentions", _doubled)
    result = dbt_build(paths)
    assert result.ok, result.message
    assert [n.name for n in result.nodes if n.status == "warn"] == []
    assert len(fake_extractor) == calls + 1
    assert scalar(paths, "select count(*) from dim_document where extraction_error is not null") == 0
    assert _values(paths) == sorted((sha, quote, value * 2, "test-2") for sha, quote, value, _ in before)


def _with_breakdown(text: str, **kwargs):
    """The fake extractor's mentions, each after the first an item of the first (`trong đó …`)."""
    mentions = fake_extract.extract_mentions(text, **kwargs)
    return [mentions[0], *(replace(m, part_of=0) for m in mentions[1:])] if mentions else mentions


def test_warehouse_built_before_breakdown_links_gets_them_without_reextraction(
    tmp_path, fake_extractor: list[str], monkeypatch
) -> None:
    paths = DataPaths.at(tmp_path)
    land(paths, seed_docs(), run_id="20230815T010000Z-aaaaaa", at=utc(2023, 8, 15, 1))
    monkeypatch.setattr(ingest.extract, "extract_mentions", _with_breakdown)
    assert dbt_build(paths).ok
    links = "select count(part_of_mention_id) from fct_indicator_mentions"
    n_links = scalar(paths, links)
    assert (
        n_links == scalar(paths, "select count(*) from fct_indicator_mentions") - 3
    )  # all but one per document
    # the warehouse as it was before fct_indicator_mentions carried the links
    with duckdb.connect(str(paths.warehouse)) as con:
        con.execute("alter table fct_indicator_mentions drop column part_of_mention_id")
    calls = len(fake_extractor)
    result = dbt_build(paths)
    assert result.ok, result.message
    assert len(fake_extractor) == calls  # unnested again from the stored extraction, not re-extracted
    assert scalar(paths, links) == n_links
    orphans = (
        "select count(*) from fct_indicator_mentions m where part_of_mention_id is not null and not exists "
        "(select 1 from fct_indicator_mentions t where t.mention_id = m.part_of_mention_id "
        "and t.document_version_id = m.document_version_id and t.part_of_mention_id is null)"
    )
    assert scalar(paths, orphans) == 0
