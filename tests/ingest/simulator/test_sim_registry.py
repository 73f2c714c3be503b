"""Registry files written by the simulator load with `ingest.sites.load_registry`; synthetic mode."""

import requests
from bs4 import BeautifulSoup

from ingest.simulator import PortalSimulator
from ingest.sites import load_registry

TIMEOUT = 5


def test_write_registry_loads_with_the_right_families(simulator, tmp_path):
    path = simulator.write_registry(tmp_path / "sites.yaml", delay_s=0.25)
    sites = {s.id: s for s in load_registry(path)}
    assert {k: s.family for k, s in sites.items()} == {
        "xuan-phu": "thanhhoa",
        "binh-thanh-dong": "thanhhoa",
        "loc-quang": "thanhhoa",
        "lamdong-loc-quang": "liferay",
        "phutan-news": "generic",
    }
    xp = sites["xuan-phu"]
    assert xp.commune == "Xuân Phú" and xp.district == "Thọ Xuân" and xp.province == "Thanh Hóa"
    assert xp.base_url == simulator.base_url + "/xuanphu" and xp.delay_s == 0.25
    assert xp.hosts == (simulator.base_url.removeprefix("http://"),)
    assert sites["phutan-news"].sitemap_urls == ("/sitemap.xml",) and sites["phutan-news"].feed_urls == (
        "/feed/",
    )
    for site in sites.values():  # every listing URL of the registry is served
        for url in site.listing:
            assert requests.get(url, timeout=TIMEOUT).status_code == 200, url
        assert site.adapter.name == site.family


def test_write_registry_subset(simulator, tmp_path):
    path = simulator.write_registry(tmp_path / "one.yaml", site_ids=["loc-quang"])
    assert [s.id for s in load_registry(path)] == ["loc-quang"]


def test_fixed_port(tmp_path):
    with PortalSimulator(port=0) as probe:
        port = int(probe.base_url.rsplit(":", 1)[1])
    with PortalSimulator(port=port) as sim:
        assert sim.base_url == f"http://127.0.0.1:{port}"
        assert sim.site_base_url("lamdong-loc-quang") == f"http://127.0.0.1:{port}/lamdong"


def test_synthetic_mode_serves_each_site_on_its_own_port(tmp_path):
    with PortalSimulator.synthetic(n_sites=4, articles_per_site=7, page_size=3) as sim:
        hosts = {sim.site_host(s.id) for s in sim.sites}
        assert len(hosts) == 4 and len(sim.base_urls) == 4
        assert [s.family for s in sim.sites] == ["thanhhoa", "liferay", "generic", "thanhhoa"]
        sites = load_registry(sim.write_registry(tmp_path / "bench.yaml", delay_s=0.2))
        assert len({s.host for s in sites}) == 4
        for site in sites:
            assert site.base_url == "http://" + sim.site_host(site.id)  # mounted at the root
            assert requests.get(site.listing[0], timeout=TIMEOUT).status_code == 200
            urls = sim.article_urls(site.id)
            assert len(urls) == 7
            page = requests.get(urls[0], timeout=TIMEOUT)
            assert page.status_code == 200 and len(page.content) > 120_000
            assert "ĐẢNG ỦY XÃ" in BeautifulSoup(page.content, "lxml").get_text()
        first = sites[0]
        assert sim.count(host=first.host) == 2
        assert sim.count() == 8
        # thanhhoa listings of 7 articles, 3 per page → 3 pages
        assert requests.get(sites[0].listing[0] + "?page=3", timeout=TIMEOUT).status_code == 200
        # article text is recombined from the seeds, figures differ between communes
        a, b = sim.sites[0].articles[0].source_text, sim.sites[3].articles[0].source_text
        assert a != b


def test_synthetic_is_deterministic():
    from ingest.simulator.synthetic import synthetic_sites

    one = synthetic_sites(n_sites=2, articles_per_site=3)
    two = synthetic_sites(n_sites=2, articles_per_site=3)
    assert [a.content_html for s in one for a in s.articles] == [
        a.content_html for s in two for a in s.articles
    ]
