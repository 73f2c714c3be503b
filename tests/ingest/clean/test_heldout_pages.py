"""Held-out CMS layouts (tests/fixtures/heldout_pages): fixture sanity and the cleaner's fallback score."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import lxml.html
import pytest

from evaluation import clean_scoring as scoring
from evaluation.clean_corpus import heldout_names

REPO = Path(__file__).resolve().parents[3]
HELDOUT = REPO / "tests" / "fixtures" / "heldout_pages"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


NAMES = heldout_names()
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "textarea", "select", "title")


def _meta(name: str) -> dict:
    return json.loads((HELDOUT / f"{name}.meta.json").read_text(encoding="utf-8"))


def _expected(name: str) -> list[str]:
    return (HELDOUT / f"{name}.expected.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")


def _visible_key(name: str) -> str:
    """The page's rendered-text characters (entities decoded, scripts and styles dropped), keyed."""
    raw = (HELDOUT / f"{name}.html").read_bytes()
    root = lxml.html.document_fromstring(raw.decode(_meta(name)["encoding"]))
    for el in root.iter(*_INVISIBLE_TAGS):
        el.drop_tree()
    return scoring.line_key(root.text_content())


def test_set_has_ten_layouts_of_realistic_size():
    assert len(NAMES) == 10
    for name in NAMES:
        size = (HELDOUT / f"{name}.html").stat().st_size
        assert 30_000 <= size <= 200_000, (name, size)
        assert (HELDOUT / f"{name}.expected.txt").is_file()
        assert (HELDOUT / f"{name}.meta.json").is_file()


def test_no_layout_belongs_to_a_known_family():
    """The set measures the generic fallback: no page's URL is an article URL of a configured family."""
    from ingest.sites.families import load_families

    for family in load_families().values():
        for name in NAMES:
            assert not family.is_article_url(_meta(name)["url"]), (family.name, name)


@pytest.mark.parametrize("name", NAMES)
def test_meta_is_valid(name):
    meta = _meta(name)
    assert isinstance(meta["title"], str) and meta["title"].strip() == meta["title"] and meta["title"]
    assert unicodedata.is_normalized("NFC", meta["title"])
    published = meta["published_at"]
    if len(published) == 10:
        date.fromisoformat(published)
    else:
        stamp = datetime.fromisoformat(published)
        assert stamp.utcoffset() == timedelta(hours=7), published
    declared = _CHARSET.search((HELDOUT / f"{name}.html").read_bytes()[:4000])
    assert declared, "every page declares its charset"
    assert declared.group(1).decode().lower().replace("windows-", "cp") in {meta["encoding"], "utf-8"}
    assert meta["encoding"] in {"utf-8", "cp1258"}


@pytest.mark.parametrize("name", NAMES)
def test_expected_text_is_contract_shaped(name):
    text = (HELDOUT / f"{name}.expected.txt").read_text(encoding="utf-8")
    lines = _expected(name)
    assert unicodedata.is_normalized("NFC", text)
    assert all(line and line == line.strip() and "  " not in line for line in lines)
    assert scoring.new_tones(text) == text, "one tone placement (hòa, thủy)"
    assert scoring.title_key(_meta(name)["title"]) not in {scoring.title_key(x) for x in lines}, (
        "title is not body"
    )


@pytest.mark.parametrize("name", NAMES)
def test_every_expected_line_is_visible_on_the_page(name):
    visible = _visible_key(name)
    missing = [line for line in _expected(name) if scoring.line_key(line) not in visible]
    assert not missing, missing[:3]
    assert scoring.title_key(_meta(name)["title"]).replace(" ", "") in visible


def test_fixtures_are_what_the_builder_makes(tmp_path):
    """Pages and expected texts are generated together, so they cannot drift apart by hand edits."""
    builder = _load("heldout_build", HELDOUT / "_build.py")
    builder.build(tmp_path)
    for name in NAMES:
        for suffix in (".html", ".expected.txt", ".meta.json"):
            assert (tmp_path / f"{name}{suffix}").read_bytes() == (
                HELDOUT / f"{name}{suffix}"
            ).read_bytes(), name + suffix


def test_line_scoring_counts_duplicates_and_ignores_spacing_and_tone_placement():
    expected = "Xã Hòa Bình đạt 45,7% dự toán.\n[1] Theo kế hoạch.\nTT"
    output = "Xã  Hoà Bình đạt 45,7%\u00a0dự toán.\n[1]Theo kế hoạch.\nTT\nTT\nTrang chủ"
    matched, n_out, n_exp, extra, missing = scoring.score_text("x", expected, output)
    assert (matched, n_out, n_exp) == (3, 5, 3)
    assert set(extra) == {"TT", "Trang chủ"} and missing == []
    assert scoring.same_date("2023-08-14T09:15:00+07:00", "2023-08-14T02:15:00+00:00")
    assert not scoring.same_date("2023-08-14T09:15:00+07:00", "2023-08-14")
    assert not scoring.same_date("2023-08-15", "2023-08-15T00:00:00+07:00")


def test_generic_fallback_reaches_precision_and_recall_of_090_on_heldout_layouts():
    scores = [scoring.score_page(name) for name in NAMES]
    figures = scoring.overall(scores)
    detail = ", ".join(f"{s.name}: P={s.precision:.2f} R={s.recall:.2f}" for s in scores)
    assert figures["recall"] >= 0.9, f"{figures} — {detail}"
    assert figures["precision"] >= 0.9, f"{figures} — {detail}"
