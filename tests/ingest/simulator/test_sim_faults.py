"""Every fault kind is observable with plain `requests`, per path glob, and `times` lets it recover."""

import gzip
import time
import unicodedata

import protego
import pytest
import requests

from ingest.simulator import FAULT_KINDS, Fault
from ingest.simulator.faults import Slow, Status

TIMEOUT = 5


@pytest.fixture
def page(simulator):
    """(url, path) of an ordinary article page of the Xuân Phú site."""
    url = simulator.article_urls("xuan-phu")[1]
    return url, url[len(simulator.base_url) :]


def test_unknown_kind_or_parameter_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown fault kind"):
        Fault("explode")
    with pytest.raises(ValueError, match="no parameter"):
        Fault("status", colour="red")
    assert set(FAULT_KINDS) == {
        "status",
        "retry_after",
        "slow",
        "truncate",
        "redirect_loop",
        "redirect_offsite",
        "oversize",
        "wrong_charset",
        "robots_disallow",
        "empty",
        "malformed",
    }


def test_parameters_are_typed():
    with pytest.raises(ValueError, match="code must be int"):
        Fault("status", code="503")
    with pytest.raises(ValueError, match="mode must be"):
        Fault("slow", mode="sometimes")
    with pytest.raises(ValueError, match="delay_s must be float"):
        Fault(Slow(delay_s=True))
    assert Fault("retry_after", seconds=2).params == {"code": 429, "seconds": 2, "http_date": False}


def test_a_responder_is_a_fault(simulator, page):
    url, path = page
    simulator.faults.add(path, Fault(Status(code=418), times=1))
    assert [requests.get(url, timeout=TIMEOUT).status_code for _ in range(2)] == [418, 200]


@pytest.mark.parametrize("code", [500, 503, 404])
def test_status(simulator, page, code):
    url, path = page
    simulator.faults.add(path, Fault("status", code=code))
    assert requests.get(url, timeout=TIMEOUT).status_code == code
    other = simulator.article_urls("xuan-phu")[2]
    assert requests.get(other, timeout=TIMEOUT).status_code == 200  # only the matching path
    assert simulator.request_log[-2].fault == "status"


def test_times_makes_the_fault_go_away(simulator, page):
    url, _ = page
    simulator.faults.add("/xuanphu/web/trang-chu/*/*.html", Fault("status", code=503, times=2))
    assert [requests.get(url, timeout=TIMEOUT).status_code for _ in range(3)] == [503, 503, 200]
    assert len(simulator.faults) == 0
    simulator.faults.add("/xuanphu/*", Fault("empty"))
    simulator.faults.clear("/xuanphu/*")
    assert requests.get(url, timeout=TIMEOUT).status_code == 200 and len(simulator.faults) == 0


def test_retry_after(simulator, page):
    url, path = page
    simulator.faults.add(path, Fault("retry_after", code=429, seconds=2, times=1))
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 429 and r.headers["Retry-After"] == "2"
    assert requests.get(url, timeout=TIMEOUT).status_code == 200
    simulator.faults.add(path, Fault("retry_after", code=503, seconds=3, http_date=True, times=1))
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 503 and r.headers["Retry-After"].endswith("GMT")


@pytest.mark.parametrize("mode", ["before", "during"])
def test_slow_exceeds_the_read_timeout(simulator, page, mode):
    url, path = page
    simulator.faults.add(path, Fault("slow", delay_s=1.5, mode=mode, times=1))
    start = time.monotonic()
    with pytest.raises((requests.exceptions.ReadTimeout, requests.exceptions.ConnectionError)):
        requests.get(url, timeout=(2, 0.3))
    assert time.monotonic() - start < 1.4
    assert requests.get(url, timeout=TIMEOUT).status_code == 200


def test_truncate(simulator, page):
    url, path = page
    simulator.faults.add(path, Fault("truncate", fraction=0.3, times=1))
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(url, timeout=TIMEOUT)
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 200 and len(r.content) == int(r.headers["Content-Length"])


def test_redirect_loop(simulator, page):
    url, path = page
    simulator.faults.add(path, Fault("redirect_loop"))
    with pytest.raises(requests.exceptions.TooManyRedirects):
        requests.get(url, timeout=TIMEOUT)
    r = requests.get(url, timeout=TIMEOUT, allow_redirects=False)
    hop = requests.get(
        url.split("/xuanphu")[0] + r.headers["Location"], timeout=TIMEOUT, allow_redirects=False
    )
    assert r.status_code == 302 and hop.headers["Location"] == path  # A → B → A


def test_redirect_offsite(simulator, page):
    url, path = page
    port = simulator.base_url.rsplit(":", 1)[1]
    simulator.faults.add(path, Fault("redirect_offsite", times=1))
    r = requests.get(url, timeout=TIMEOUT, allow_redirects=False)
    assert r.status_code == 302 and r.headers["Location"] == f"http://127.0.0.2:{port}{path}"
    simulator.faults.add(path, Fault("redirect_offsite", target="http://169.254.169.254/latest/meta-data"))
    r = requests.get(url, timeout=TIMEOUT, allow_redirects=False)
    assert r.headers["Location"] == "http://169.254.169.254/latest/meta-data"


def test_oversize_plain_and_gzip_bomb(simulator, page):
    url, path = page
    simulator.faults.add(path, Fault("oversize", mb=3, times=1))
    r = requests.get(url, timeout=TIMEOUT)
    assert int(r.headers["Content-Length"]) == 3 * 1024 * 1024 == len(r.content)
    simulator.faults.add(path, Fault("oversize", mb=25, gzip=True, times=1))
    r = requests.get(url, timeout=TIMEOUT, stream=True)
    raw = r.raw.read(decode_content=False)
    assert r.headers["Content-Encoding"] == "gzip" and len(raw) < 1024 * 1024
    assert len(gzip.decompress(raw)) > 25 * 1024 * 1024
    simulator.faults.add(path, Fault("oversize", mb=2, content_length=False, times=1))
    r = requests.get(url, timeout=TIMEOUT)
    assert "Content-Length" not in r.headers and len(r.content) == 2 * 1024 * 1024


def test_wrong_charset(simulator, page):
    url, path = page
    simulator.site("xuan-phu").live_counter = False  # two answers compared byte for byte
    good = requests.get(url, timeout=TIMEOUT).content.decode("utf-8")
    simulator.faults.add(path, Fault("wrong_charset", times=1))  # body windows-1258, header utf-8
    r = requests.get(url, timeout=TIMEOUT)
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        r.content.decode("utf-8")
    assert unicodedata.normalize("NFC", r.content.decode("cp1258")) == good.replace(
        '<meta charset="utf-8">', ""
    )
    simulator.faults.add(path, Fault("wrong_charset", body_charset="utf-8", header_charset="iso-8859-1"))
    r = requests.get(url, timeout=TIMEOUT)
    assert r.headers["Content-Type"].endswith("iso-8859-1") and r.encoding == "iso-8859-1"
    assert "Xuân Phú" not in r.text and "Xuân Phú" in r.content.decode("utf-8")


def test_robots_disallow(simulator, page):
    url, path = page
    simulator.faults.add(path, Fault("robots_disallow", times=1))
    robots = protego.Protego.parse(requests.get(simulator.base_url + "/robots.txt", timeout=TIMEOUT).text)
    assert not robots.can_fetch(url, "xaetl")
    assert robots.can_fetch(simulator.article_urls("xuan-phu")[2], "xaetl")
    assert requests.get(url, timeout=TIMEOUT).status_code == 200  # the server itself still answers
    again = protego.Protego.parse(requests.get(simulator.base_url + "/robots.txt", timeout=TIMEOUT).text)
    assert again.can_fetch(url, "xaetl")  # times=1: allowed on the next robots.txt fetch


def test_crawl_delay_in_robots(simulator):
    simulator.site("xuan-phu").crawl_delay = 2.5
    robots = protego.Protego.parse(requests.get(simulator.base_url + "/robots.txt", timeout=TIMEOUT).text)
    assert robots.crawl_delay("xaetl") == 2.5


def test_empty(simulator, page):
    url, path = page
    simulator.faults.add(path, Fault("empty", times=1))
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 200 and r.content == b""


def test_malformed(simulator, page):
    url, path = page
    good = requests.get(url, timeout=TIMEOUT).text
    simulator.faults.add(path, Fault("malformed", times=1))
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 200 and len(r.text) < len(good)
    assert "</div>" not in r.text and "</html>" not in r.text and r.text.endswith("<p")
    assert "Ngày Môi trường thế giới" in r.text  # still partly usable


def test_fault_on_robots_txt_itself(simulator):
    simulator.faults.add("/robots.txt", Fault("status", code=500, times=1))
    assert requests.get(simulator.base_url + "/robots.txt", timeout=TIMEOUT).status_code == 500
    assert requests.get(simulator.base_url + "/robots.txt", timeout=TIMEOUT).status_code == 200
