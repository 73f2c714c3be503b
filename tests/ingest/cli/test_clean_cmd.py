"""`xaetl clean` and `xaetl reclean` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ingest.cli.main import app

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"
runner = CliRunner()


def _expected(name: str) -> str:
    return (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8")


def test_clean_prints_the_cleaned_text_of_a_portal_page() -> None:
    result = runner.invoke(app, ["clean", str(PAGES / "duplicated-body-visible.html")])
    assert result.exit_code == 0, result.output
    assert result.stdout == _expected("duplicated-body-visible")


def test_clean_with_family_and_from_stdin() -> None:
    page = (PAGES / "sim-thanhhoa-xuan-phu-report.html").read_bytes()
    result = runner.invoke(app, ["clean", "-", "--family", "thanhhoa"], input=page)
    assert result.exit_code == 0, result.output
    assert result.stdout == _expected("sim-thanhhoa-xuan-phu-report")
    assert result.stdout.count("Tổng thu ngân sách đến 30/6/2023 đạt 2.657 triệu đồng") == 1


def test_clean_plain_text_and_json() -> None:
    result = runner.invoke(app, ["clean", str(PAGES / "flat-xuan-phu-portal-page.txt"), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["text"] + "\n" == _expected("flat-xuan-phu-portal-page")
    assert doc["published_at"] == "2023-08-13T22:14:53+07:00"
    assert set(doc["footnotes"]) == {"1", "2"}


def test_clean_unreadable_input_exits_1(tmp_path) -> None:
    result = runner.invoke(app, ["clean", str(tmp_path / "nope.html")])
    assert result.exit_code == 1
    assert "cannot read" in result.output
    result = runner.invoke(app, ["clean", str(tmp_path)])  # a directory
    assert result.exit_code == 1
    result = runner.invoke(app, ["clean", str(PAGES / "word-soup.html"), "--family", "nosuch"])
    assert result.exit_code == 1 and "unknown family" in result.output


def test_reclean_requires_landed_pages(tmp_path) -> None:
    result = runner.invoke(app, ["reclean", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "no landed pages" in result.output


def test_reclean_cleans_landed_raw_pages(tmp_path) -> None:
    from datetime import UTC, datetime

    from ingest.land import PAGES_SCHEMA, land_part, store_raw
    from ingest.paths import DataPaths
    from tests.helpers.landing import rows_of

    paths = DataPaths.at(tmp_path).ensure()
    sha = store_raw(paths.store, (PAGES / "wordpress.html").read_bytes())
    row = {"site_id": "an-binh", "url": "http://h/p", "fetched_at": datetime(2026, 1, 2, tzinfo=UTC),
           "change": "new", "content_sha256": sha, "status": 200}  # fmt: skip
    land_part(
        paths.store, "pages", PAGES_SCHEMA, [row], crawl_date="2026-01-02", site_id="an-binh", name="r1"
    )
    result = runner.invoke(app, ["reclean", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 documents written" in result.output
    docs = rows_of(paths, "documents")
    assert docs[0]["title"] == "Hội nghị tổng kết năm 2022"
    assert (
        runner.invoke(app, ["reclean", "--data-dir", str(tmp_path)]).output.count("0 documents written") == 1
    )


def test_clean_on_a_live_simulator_article_prints_the_body_once(simulator, tmp_path) -> None:
    import requests

    url = simulator.article_url("xuan-phu", simulator.site("xuan-phu").articles[0].slug)
    page = tmp_path / "article.html"
    page.write_bytes(requests.get(url, timeout=10).content)
    result = runner.invoke(app, ["clean", str(page)])  # no --family: what a newcomer types
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("sản lượng lương thực có hạt đạt 1.936 tấn") == 1  # body once, not twice
    assert "[1] Kết quả đến ngày 30/6/2023" in out  # footnote kept with its marker
    for chrome in ("Hôm nay:", "Tất cả:", "Đăng lúc:", "bình luận", "Bấm vào đây để nhận mã", "SĐT"):
        assert chrome not in out, chrome


def test_reclean_on_a_store_apart_from_the_data_dir(tmp_path, store_url) -> None:
    """`--store` re-cleans pages landed in another directory or a bucket (as `crawl --store` lands them)."""
    from datetime import UTC, datetime

    from ingest.land import PAGES_SCHEMA, land_part, store_raw
    from ingest.paths import DataPaths
    from tests.helpers.landing import rows_of

    data_dir = tmp_path / "data"
    paths = DataPaths.at(data_dir, store_url).ensure()
    sha = store_raw(paths.store, (PAGES / "wordpress.html").read_bytes())
    row = {"site_id": "an-binh", "url": "http://h/p", "fetched_at": datetime(2026, 1, 2, tzinfo=UTC),
           "change": "new", "content_sha256": sha, "status": 200}  # fmt: skip
    land_part(
        paths.store, "pages", PAGES_SCHEMA, [row], crawl_date="2026-01-02", site_id="an-binh", name="r1"
    )
    # Without --store the data directory itself is the store: it holds no pages.
    assert runner.invoke(app, ["reclean", "--data-dir", str(data_dir)]).exit_code == 1
    result = runner.invoke(app, ["reclean", "--data-dir", str(data_dir), "--store", store_url])
    assert result.exit_code == 0, result.output
    assert "1 documents written" in result.output
    assert rows_of(paths, "documents")[0]["title"] == "Hội nghị tổng kết năm 2022"


def test_reclean_rejects_a_bad_store_in_one_line(tmp_path) -> None:
    result = runner.invoke(app, ["reclean", "--data-dir", str(tmp_path), "--store", "ftp://x/y"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "error:" in result.output
