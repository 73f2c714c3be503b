"""The whole nightly job with raw HTML, landing and state on local disk, then on a local S3 server."""

from __future__ import annotations

import duckdb
import pytest

from ingest import pipeline
from ingest.paths import DataPaths
from tests.helpers.landing import rows_of

pytestmark = pytest.mark.slow  # two whole runs per store: crawl, groups, dbt build, checks, publish

SITES = ["xuan-phu", "lamdong-loc-quang", "binh-thanh-dong"]


def _published(paths: DataPaths) -> dict[str, int]:
    with duckdb.connect(str(paths.published), read_only=True) as con:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("dim_document", "fct_indicator_mentions", "fct_commune_indicators", "fct_site_crawls")
        }


def test_two_nights_on_the_store(store_url, simulator, tmp_path) -> None:
    registry = simulator.write_registry(tmp_path / "sites.yaml", delay_s=0, site_ids=SITES)
    data_dir = tmp_path / "data"
    articles = {u for s in SITES for u in simulator.article_urls(s)}

    first = pipeline.run(registry, data_dir, store=store_url)
    assert first.ok, first.failure
    paths = DataPaths.at(data_dir, store_url)
    assert paths.store.uri() == store_url.rstrip("/") or paths.store.is_local
    pages = rows_of(paths, "pages")
    assert {p["url"] for p in pages} == articles
    assert paths.store.files("state/sites") == sorted(f"state/sites/{s}.json.gz" for s in SITES)
    assert paths.store.files(f"neardup/clean_version={first.crawl.sites[0] and _clean_version()}/docs")
    if not paths.store.is_local:  # nothing the workers share is on the local disk
        assert not (data_dir / "landing").exists() and not (data_dir / "raw").exists()
    night1 = _published(paths)
    assert night1["dim_document"] == len(articles) and night1["fct_indicator_mentions"] > 0

    simulator.reset_log()
    second = pipeline.run(registry, data_dir, store=store_url)
    assert second.ok, second.failure
    article_paths = {u.split(simulator.base_url, 1)[1] for u in articles}
    assert not [r for r in simulator.request_log if r.path in article_paths]  # nothing due, nothing new
    assert second.crawl.counts()["pages_seen"] == 0
    night2 = _published(paths)
    assert night2["fct_site_crawls"] == 2 * len(SITES)
    assert {k: v for k, v in night2.items() if k != "fct_site_crawls"} == {
        k: v for k, v in night1.items() if k != "fct_site_crawls"
    }


def _clean_version() -> str:
    from ingest.clean import CLEANER_VERSION

    return CLEANER_VERSION
