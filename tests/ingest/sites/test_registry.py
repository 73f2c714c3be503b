"""Registry validation: the docs/registry.md schema, clear errors naming site and key, family overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.simulator.server import PortalSimulator
from ingest.sites import RegistryError, load_registry
from ingest.sites.families import get_family
from ingest.sites.registry import parse_registry

GOOD = {
    "id": "xuan-phu",
    "commune": "Xuân Phú",
    "district": "Thọ Xuân",
    "province": "Thanh Hóa",
    "family": "thanhhoa",
    "base_url": "http://127.0.0.1:8765/xuanphu",
    "listing_urls": ["/web/trang-chu/tin-tuc-su-kien.html"],
    "allowed_hosts": ["127.0.0.1:8765"],
    "delay_s": 1.5,
}


def one(**changes: object) -> dict:
    entry = {**GOOD, **changes}
    return {"sites": [{k: v for k, v in entry.items() if v is not None}]}


def test_design_example_loads():
    [site] = parse_registry(one())
    assert site.id == "xuan-phu" and site.district == "Thọ Xuân" and site.delay_s == 1.5
    assert site.listing == ("http://127.0.0.1:8765/xuanphu/web/trang-chu/tin-tuc-su-kien.html",)
    assert site.hosts == ("127.0.0.1:8765",) and site.adapter.name == "thanhhoa"


def test_defaults_and_unknown_keys_kept():
    [site] = parse_registry(one(district=None, allowed_hosts=None, delay_s=None, family=None, notes="hi"))
    assert site.family == "generic" and site.delay_s == 1.0 and site.hosts == ("127.0.0.1:8765",)
    assert site.district is None and site.extra == {"notes": "hi"}


def test_single_string_values_are_one_item():
    [site] = parse_registry(
        one(allowed_hosts="127.0.0.1:8765", listing_urls="/a.html", sitemap_urls="/s.xml")
    )
    assert site.allowed_hosts == ("127.0.0.1:8765",)
    assert site.listing_urls == ("/a.html",) and site.sitemap_urls == ("/s.xml",)


def test_per_site_selector_override():
    [site] = parse_registry(one(selectors={"article_links": "div.tin a"}))
    assert site.adapter.article_links == "div.tin a"
    assert site.adapter.body == get_family("thanhhoa").body  # the rest comes from the family


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"site": []}, "'sites:' list"),
        ([1, 2], "'sites:' list"),
        (one(id="Xuan Phu"), "[a-z0-9-]+"),
        (one(commune=None), "missing required key 'commune'"),
        (one(base_url="ftp://h/x"), "http(s)"),
        (one(family="joomla"), "unknown family 'joomla'"),
        (one(delay_s="slow"), "delay_s must be a number"),
        (one(delay_s=-1), "delay_s must be >= 0"),
        (one(max_pages=0), "max_pages must be a positive integer"),
        (one(max_pages="lots"), "max_pages must be a positive integer"),
        (one(allowed_hosts=["http://127.0.0.1:8765/"]), "no scheme or path"),
        (one(allowed_hosts=["other.example"]), "must include the base_url host"),
        (one(listing_urls=[""]), "listing_urls must hold non-empty strings"),
        (one(selectors=["x"]), "selectors must be a mapping"),
        ({"sites": [GOOD, GOOD]}, "duplicate id"),
    ],
)
def test_bad_registries_name_the_problem(data, message):
    with pytest.raises(RegistryError) as info:
        parse_registry(data)
    assert message in str(info.value)


def test_file_errors(tmp_path: Path):
    with pytest.raises(RegistryError, match="cannot read"):
        load_registry(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("sites: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="not valid YAML"):
        load_registry(bad)


def test_simulator_registry_loads_one_site_per_family(tmp_path: Path):
    with PortalSimulator() as sim:
        sites = load_registry(sim.write_registry(tmp_path / "r.yaml"))
        assert all(s.delay_s == 0.0 and s.hosts == (sim.site_host(s.id),) for s in sites)
    assert {s.family for s in sites} == {"thanhhoa", "liferay", "generic"}
