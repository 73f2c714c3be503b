"""`xaetl report`: a self-contained HTML file that headless Chromium renders offline, charts visible."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.paths import DataPaths
from tests.helpers import chromium
from tests.helpers.png import read_png

pytestmark = pytest.mark.slow
runner = CliRunner()
needs_chromium = pytest.mark.skipif(
    chromium.skip_without_chromium(), reason="XAETL_SKIP_BROWSER_TESTS=1 and no headless Chromium"
)
# Colours of the report's charts (ingest/report/assets/report.js); the page's CSS uses none of them.
CHART_COLOURS = {
    "bars at or over plan": (0x2A, 0x9D, 0x3F),
    "bars under plan": (0xE8, 0x71, 0x0A),
    "100 % line": (0xD1, 0x24, 0x2F),
    "mapped mentions": (0x1F, 0x6F, 0xB2),
    "unmapped mentions": (0xB9, 0xC3, 0xCF),
}
MIN_PIXELS = {"100 % line": 200}  # a dashed 3-px line; the others are filled bars


@pytest.fixture(scope="module")
def report(demo_warehouse: DataPaths, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "rapport báo cáo.html"  # a path that needs URL quoting
    result = runner.invoke(app, ["report", "--data-dir", str(demo_warehouse.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "facts" in result.stdout and out.as_uri() in result.stdout
    return out


def _facts(paths: DataPaths, where: str = "true") -> int:
    with duckdb.connect(str(paths.published), read_only=True) as con:
        row = con.execute(
            "select count(*) from fct_commune_indicators f join dim_commune c using (commune_id) "
            f"where {where}"
        ).fetchone()
    assert row is not None
    return int(row[0])


LOADS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "embed": "src"}


class _Resources(HTMLParser):
    """Every URL the page would load by itself (script/link/img/iframe/… attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if LOADS.get(tag) == name and value:
                self.urls.append(value)


def _payload(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_page_loads_nothing_from_the_network_and_embeds_its_sources(report: Path, demo_warehouse) -> None:
    html = report.read_text(encoding="utf-8")
    parser = _Resources()
    parser.feed(html)
    assert parser.urls == []  # Plotly and the data are inline
    assert "Plotly" in html and len(html) > 1_000_000
    payload = _payload(html)
    assert len(payload["facts"]) == _facts(demo_warehouse)
    with duckdb.connect(str(demo_warehouse.published), read_only=True) as con:
        quotes = dict(
            con.execute(
                "select f.winning_mention_id, m.quote from fct_commune_indicators f "
                "join fct_indicator_mentions m on m.mention_id = f.winning_mention_id"
            ).fetchall()
        )
    assert all(f["quote"] and f["url"].startswith("http") and f["document_title"] for f in payload["facts"])
    assert {f["quote"].rstrip("…") for f in payload["facts"]} <= {q[:400] for q in quotes.values()} | {
        q[:399] for q in quotes.values()
    }
    # Vietnamese labels with English beside them, Vietnamese text intact
    assert "Bảng tổng hợp theo xã · Scorecard per commune" in html and "Xuân Phú" in html
    assert payload["labels"]["text"]["attainment"] == {"vi": "Mức đạt kế hoạch", "en": "Plan attainment"}


@needs_chromium
def test_chromium_renders_the_charts_offline(report: Path, tmp_path: Path) -> None:
    shot = chromium.screenshot(report.as_uri(), tmp_path / "report.png", tmp_path / "profile", height=4200)
    _, _, pixels = read_png(shot)
    counts = Counter(pixels)
    seen = {name: counts[rgb] for name, rgb in CHART_COLOURS.items()}
    for name, n in seen.items():
        assert n >= MIN_PIXELS.get(name, 2000), f"{name}: {n} pixels in {seen}"

    # The same page without Plotly draws no chart: the pixels above come from rendering.
    from plotly.offline import get_plotlyjs

    bare = tmp_path / "bare.html"
    bare.write_text(report.read_text(encoding="utf-8").replace(get_plotlyjs(), ""), encoding="utf-8")
    blank = chromium.screenshot(bare.as_uri(), tmp_path / "bare.png", tmp_path / "profile", height=4200)
    _, _, pixels = read_png(blank)
    counts = Counter(pixels)
    assert all(counts[rgb] == 0 for rgb in CHART_COLOURS.values())


@needs_chromium
def test_rendered_page_has_scorecards_and_filters_from_the_url(
    report: Path, demo_warehouse: DataPaths, tmp_path: Path
) -> None:
    dom = chromium.dump_dom(report.as_uri(), tmp_path / "profile")
    assert 'data-rendered="true"' in dom
    assert dom.count('class="main-svg"') >= 8  # four Plotly charts, two layers each
    assert f">{_facts(demo_warehouse):,}<" in dom
    assert all(name in dom for name in ("Xuân Phú", "Lộc Quảng", "Bình Thạnh Đông"))

    filtered = chromium.dump_dom(report.as_uri() + "#province=" + quote("Thanh Hóa"), tmp_path / "profile")
    scorecards = re.search(r'id="scorecards">(.*?)</section>', filtered, re.S)
    assert scorecards
    assert "Xuân Phú" in scorecards.group(1) and "Lộc Quảng" not in scorecards.group(1)
    thanh_hoa = _facts(demo_warehouse, "c.province_name = 'Thanh Hóa'")
    assert f">{thanh_hoa:,}<" in filtered


def test_a_scope_without_facts_fails_clearly(demo_warehouse: DataPaths, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(
        app, ["report", "--data-dir", str(demo_warehouse.root), "--out", str(out), "--province", "Atlantis"]
    )
    assert result.exit_code == 1
    assert "no facts for Atlantis" in result.stderr
    assert not out.exists()


def test_too_many_facts_is_refused(demo_warehouse: DataPaths, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(
        app, ["report", "--data-dir", str(demo_warehouse.root), "--out", str(out), "--max-facts", "5"]
    )
    assert result.exit_code == 1
    assert "--province" in result.stderr and not out.exists()


def test_commune_scope(demo_warehouse: DataPaths, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(
        app, ["report", "--data-dir", str(demo_warehouse.root), "--out", str(out), "--commune", "lộc quảng"]
    )
    assert result.exit_code == 0, result.output
    facts = _payload(out.read_text(encoding="utf-8"))["facts"]
    assert {f["commune"] for f in facts} == {"Lộc Quảng"}
    assert len(facts) == _facts(demo_warehouse, "c.commune_name = 'Lộc Quảng'")


def test_facts_carry_unit_approx_and_breakdown_from_the_warehouse(report: Path, demo_warehouse) -> None:
    facts = _payload(report.read_text(encoding="utf-8"))["facts"]
    with duckdb.connect(str(demo_warehouse.published), read_only=True) as con:
        rows = con.execute(
            "select f.commune_id, f.term_id, f.period, f.indicator_key, f.kind, f.value, f.unit, f.approx, "
            "f.has_breakdown, f.has_conflict, f.n_values, f.winning_period, i.counted_noun "
            "from fct_commune_indicators f left join dim_indicator i using (indicator_id)"
        ).fetchall()
    expected = {r[:5]: r[5:] for r in rows}
    page = {
        (f["commune_id"], f["term"], f["period"], f["indicator_key"], f["kind"]): (
            f["written_value"], f["written_unit"], f["approx"], f["has_breakdown"], f["has_conflict"],
            f["n_values"], f["winning_period"], f,
        )
        for f in facts
    }  # fmt: skip
    assert page.keys() == expected.keys()
    for key, (*fields, fact) in page.items():
        assert tuple(fields) == expected[key][:-1], key
        counted = expected[key][-1]
        if fact["base_unit"] == "count" and counted:
            assert fact["unit_vi"] == counted  # `15 kỳ họp`, not `15 số lượng`
    # the demo has estimates and breakdowns, and its breakdowns are no conflicts
    assert any(f["approx"] for f in facts)
    assert any(f["has_breakdown"] and f["n_values"] > 1 and not f["has_conflict"] for f in facts)


PROBE = """<script>
window.addEventListener("load", () => setTimeout(() => {
  const out = {};
  for (const id of ["chart-attainment", "chart-trends", "chart-targets"]) {
    out[id] = (document.getElementById(id).data || []).flatMap((t) => t.customdata || []);
  }
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}, 500));
</script></body>"""


@needs_chromium
def test_hover_and_scorecard_show_unit_approx_and_breakdown(report: Path, tmp_path: Path) -> None:
    html = report.read_text(encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", PROBE), encoding="utf-8")
    dom = chromium.dump_dom(probed.as_uri(), tmp_path / "profile")
    match = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert match, "the page did not render its charts"
    hovers = json.loads(match.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    texts = [" ".join(str(x) for x in point) for points in hovers.values() for point in points]
    assert texts and all("Ghi trong văn bản · As written:" in t for t in texts)  # the unit as written
    assert any("ước tính · approximate" in t for t in texts)  # an estimate says so
    assert all("Nguồn không khớp" not in t for t in texts)  # the demo has no conflict, breakdowns included
    scorecards = re.search(r'id="scorecards">(.*?)</section>', dom, re.S)
    assert scorecards
    cards = scorecards.group(1)
    breakdowns = [f for f in _payload(html)["facts"] if f["has_breakdown"] and f["kind"] == "actual"]
    assert breakdowns
    assert " Σ<" in cards and "Có số liệu chi tiết · Breakdown: " in cards
    assert " ~<" in cards and "⚠<" not in cards
    conflicts = re.search(r'id="conflicts">(.*?)</div>', dom, re.S)
    assert conflicts and not any(f["indicator_vi"] in conflicts.group(1) for f in breakdowns)
