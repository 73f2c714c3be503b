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
        (one(delay_s=float("inf")), "delay_s must be a finite number"),
        (one(delay_s=float("nan")), "delay_s must be a finite number"),
        (one(delay_s=True), "delay_s must be a number"),
        (one(delay_s=3600), "delay_s must be at most 600 s"),
        (one(deadline_s=0), "deadline_s must be > 0"),
        (one(deadline_s=float("inf")), "deadline_s must be a finite number"),
        (one(family=["generic"]), "family must be one name"),
        (one(base_url="http://"), "absolute http(s) URL with a host"),
        (one(base_url="/xuanphu"), "absolute http(s) URL with a host"),
        (one(base_url="http://h:99999/"), "not a valid URL"),
        (one(base_url="http://user:pw@h/"), "must not carry credentials"),
        (one(listing_urls=["javascript:alert(1)"]), "listing_urls must be an absolute http(s) URL"),
        (one(listing_urls=["//evil.example/x"]), "listing_urls must be an absolute http(s) URL"),
        (one(allow_networks=["localhost"]), "allow_networks entry 'localhost' is not an IP network"),
        ({"allow_networks": "10.0.0.0/33", "sites": [GOOD]}, "is not an IP network"),
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


HEAD = b"sites:\n  - id: x\n    commune: a\n    province: b\n    base_url: http://h/\n"


def test_allow_networks_per_site_and_for_the_whole_registry():
    data = {"allow_networks": ["10.0.0.0/8"], "sites": [{**GOOD, "allow_networks": "127.0.0.1/32"}]}
    [site] = parse_registry(data)
    assert site.allow_networks == ("10.0.0.0/8", "127.0.0.1/32")
    [plain] = parse_registry(one())
    assert plain.allow_networks == () and plain.deadline_s is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("sites:\n  - id: x\n    commune: Xuân Phú\n".encode("cp1258"), "is not UTF-8 text"),
        (
            HEAD + b"    family: [generic]\n",
            "family must be one name",
        ),
        (
            HEAD + b"    delay_s: .inf\n",
            "finite",
        ),
    ],
)
def test_file_errors_are_one_line_and_name_the_file(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "sites.yaml"
    path.write_bytes(content)
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    text = str(info.value)
    assert message in text and str(path) in text and "\n" not in text
