"""The rolling raw-integrity audit: slices over nights on the local S3 server, every URL locally,
a lost raw file found (and its page refetched) on the night its slice comes, bad knob values."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from ingest.cli import exits
from ingest.cli.main import app
from ingest.crawl import crawl_site
from ingest.crawl_config import RAW_AUDIT_NIGHTS_ENV, CrawlConfig, crawl_config
from ingest.fetch import FetchConfig
from ingest.paths import DataPaths, raw_key
from ingest.raw_audit import audit_raw, audit_slice, night_slice
from ingest.simulator.server import PortalSimulator
from ingest.site_state import SiteState
from ingest.sites import load_registry
from ingest.storage import Store

FAST = FetchConfig(
    connect_timeout_s=1.0, read_timeout_s=0.5, retries=1, backoff_base_s=0.01, backoff_max_s=0.02
)
VALIDATED = "lamdong-loc-quang"  # a Liferay portal: ETag, Last-Modified, 304 (a refetch without them shows)
URLS = [f"https://xa-{i % 3}.example.vn/tin-tuc/bai-{i}.html" for i in range(70)]
LOST = {u for i, u in enumerate(URLS) if i % 3 == 0}  # their raw files were never stored (or are gone)


def sha_of(url: str) -> str:
    import hashlib

    return hashlib.sha256(url.encode()).hexdigest()


@pytest.fixture
def s3_store(s3) -> Store:
    store = Store.at(f"s3://{s3.new_bucket()}/data")
    for url in URLS:
        if url not in LOST:
            store.write_bytes(raw_key(sha_of(url)), gzip.compress(url.encode()))
    return store


def nights_from(start: date, n: int) -> list[str]:
    return [(start + timedelta(days=i)).isoformat() for i in range(n)]


def audit(store: Store, night: str, nights: int, always: list[str] | None = None):
    return audit_raw(store, [(u, sha_of(u)) for u in URLS], night=night, nights=nights, always=always or [])


def test_an_object_store_checks_every_url_exactly_once_over_the_cycle(s3_store) -> None:
    for start in (date(2026, 3, 1), date(2026, 12, 30)):  # any 7 nights in a row, across a year end
        audits = [audit(s3_store, night, 7) for night in nights_from(start, 7)]
        checked = [a.checked for a in audits]
        assert sum(len(c) for c in checked) == len(URLS)  # no URL twice...
        assert frozenset().union(*checked) == set(URLS)  # ...and none left out
        assert all(0 < len(c) < len(URLS) for c in checked)  # a slice a night, not all, not none
        for a in audits:  # the existence checks are real: lost = the checked URLs without a raw object
            assert a.known == len(URLS) and a.lost == a.checked & LOST
        assert frozenset().union(*(a.lost for a in audits)) == LOST


def test_the_slice_follows_the_night_and_the_url(s3_store) -> None:
    night = "2026-03-04"
    a = audit(s3_store, night, 7)
    assert night_slice(night, 7) == date(2026, 3, 4).toordinal() % 7
    assert a.checked == {u for u in URLS if audit_slice(u, 7) == night_slice(night, 7)}
    assert audit(s3_store, night, 7).checked == a.checked  # the same night, the same slice
    assert audit(s3_store, "2026-03-11", 7).checked == a.checked  # a cycle later, again


def test_versions_still_to_clean_are_checked_every_night(s3_store) -> None:
    uncleaned = sorted(LOST)[:2]
    for night in nights_from(date(2026, 3, 1), 7):
        a = audit(s3_store, night, 7, always=uncleaned)
        assert set(uncleaned) <= a.checked and set(uncleaned) <= a.lost


def test_one_night_means_every_url_every_night(s3_store) -> None:
    for night in nights_from(date(2026, 3, 1), 3):
        a = audit(s3_store, night, 1)
        assert a.checked == set(URLS) and a.lost == LOST


def test_a_local_store_checks_every_url_every_night(tmp_path: Path) -> None:
    store = Store.at(str(tmp_path / "store"))
    for url in URLS:
        if url not in LOST:
            store.write_bytes(raw_key(sha_of(url)), gzip.compress(url.encode()))
    for night in nights_from(date(2026, 3, 1), 3):
        a = audit(store, night, 7)
        assert a.checked == set(URLS) and a.lost == LOST


@pytest.mark.parametrize("bad", [0, -1, -7])
def test_a_bad_knob_is_a_clear_error(bad: int, s3_store, monkeypatch) -> None:
    with pytest.raises(ValueError, match=f"raw_audit_nights must be at least 1.*got {bad}"):
        CrawlConfig(raw_audit_nights=bad)
    with pytest.raises(ValueError, match="raw_audit_nights must be at least 1"):
        audit(s3_store, "2026-03-01", bad)
    monkeypatch.setenv(RAW_AUDIT_NIGHTS_ENV, str(bad))
    with pytest.raises(ValueError, match="at least 1"):
        crawl_config()
    monkeypatch.setenv(RAW_AUDIT_NIGHTS_ENV, "weekly")
    with pytest.raises(ValueError, match=f"{RAW_AUDIT_NIGHTS_ENV} must be a whole number, got 'weekly'"):
        crawl_config()
    assert crawl_config(3).raw_audit_nights == 3  # the option wins over the environment
    monkeypatch.delenv(RAW_AUDIT_NIGHTS_ENV)
    assert crawl_config().raw_audit_nights == 7


def test_the_cli_refuses_a_bad_knob(tmp_path: Path, monkeypatch) -> None:
    registry = tmp_path / "registry.yaml"
    registry.write_text("sites: []\n")
    runner = CliRunner()
    for command in ("crawl", "run"):
        args = [command, "--registry", str(registry), "--data-dir", str(tmp_path / "data")]
        result = runner.invoke(app, [*args, "--raw-audit-nights", "0"])
        assert result.exit_code == exits.USAGE and "--raw-audit-nights" in result.output, result.output
        monkeypatch.setenv(RAW_AUDIT_NIGHTS_ENV, "-2")
        result = runner.invoke(app, args)
        out = " ".join(result.output.split())
        assert result.exit_code == exits.USAGE and "raw_audit_nights must be at least 1" in out, out
        monkeypatch.delenv(RAW_AUDIT_NIGHTS_ENV)
    assert not (tmp_path / "data" / "landing").exists()  # refused before anything ran


def _night(day: date) -> tuple[str, datetime]:
    at = datetime(day.year, day.month, day.day, 1, tzinfo=UTC)
    return f"{day:%Y%m%d}T010000Z-{day:%m%d}aa", at


@pytest.mark.slow  # five to eight nightly crawls of a simulated portal, on moto or local disk
@pytest.mark.parametrize(
    ("where", "nights", "found_on"),
    [("s3", 7, 3), ("s3", 1, 1), ("local", 7, 1)],  # found_on: the night after the loss it is found
)
def test_a_lost_raw_file_is_found_and_refetched_when_its_slice_comes(
    where: str, nights: int, found_on: int, tmp_path: Path, s3
) -> None:
    store_url = f"s3://{s3.new_bucket()}/data" if where == "s3" else str(tmp_path / "store")
    paths = DataPaths.at(tmp_path / "data", store_url).ensure()
    crawl = CrawlConfig(raw_audit_nights=nights)
    with PortalSimulator() as sim:
        [site] = load_registry(sim.write_registry(tmp_path / "registry.yaml", site_ids=[VALIDATED]))
        first = date(2026, 3, 1)
        run_id, at = _night(first)
        assert crawl_site(site, paths, run_id=run_id, config=FAST, crawl=crawl, now=at).pages_new > 1
        state = SiteState.load(paths.store, site.id)
        url, st = sorted(state.urls.items())[0]
        assert st.latest_sha and paths.store.exists(raw_key(st.latest_sha))
        paths.store.delete(raw_key(st.latest_sha))  # a bucket lifecycle rule, a wrong `rm`
        path = urlsplit(url).path
        unconditional = sim.count(path_prefix=path, conditional=False)

        # The nights after the loss: the first with the URL's slice `found_on` nights later (a
        # night audits the slice equal to its date's ordinal modulo the knob).
        day = first + timedelta(days=1)
        if nights > 1:
            slice_ = audit_slice(url, nights)
            while (day + timedelta(days=found_on - 1)).toordinal() % nights != slice_:
                day += timedelta(days=1)
        known = len(state.urls)
        for n in range(1, found_on + 1):
            run_id, at = _night(day)
            result = crawl_site(site, paths, run_id=run_id, config=FAST, crawl=crawl, now=at)
            lost_notes = [e for e in result.errors if "lost their raw HTML" in e]
            refetched = sim.count(path_prefix=path, conditional=False) - unconditional
            if n < found_on:  # not its slice yet: not checked, not refetched, still gone
                assert result.raw_audited < known and not lost_notes and refetched == 0
                assert not paths.store.exists(raw_key(st.latest_sha))
            else:
                assert lost_notes == [
                    "1 landed page(s) had lost their raw HTML: refetched without validators"
                ]
                assert refetched == 1 and paths.store.exists(raw_key(st.latest_sha))  # the same bytes again
                if where == "local" or nights == 1:
                    assert result.raw_audited == known
            day += timedelta(days=1)
        run_id, at = _night(day)  # healthy again: nothing lost
        result = crawl_site(site, paths, run_id=run_id, config=FAST, crawl=crawl, now=at)
        assert not [e for e in result.errors if "lost their raw HTML" in e]
