"""The cleaner on the page corpus: expected text, metadata, and invariants of every output."""

from __future__ import annotations

import unicodedata

import pytest

from evaluation.clean_corpus import cases, clean_case, expected_path

CASES = cases()


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 20
    for name in CASES:
        assert expected_path(name).exists(), f"{name} has no expected text"


@pytest.mark.parametrize("name", sorted(CASES))
def test_cleaned_text_matches_expected(name: str) -> None:
    spec = CASES[name] or {}
    doc = clean_case(name, spec)
    expected = expected_path(name).read_text(encoding="utf-8").rstrip("\n")
    assert doc.text == expected
    for key in ("title", "published_at", "footnotes"):
        if key in spec:
            assert getattr(doc, key) == spec[key], key
    if "warning" in spec:
        assert any(spec["warning"] in w for w in doc.warnings), doc.warnings


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_invariants(name: str) -> None:
    doc = clean_case(name, CASES[name] or {})
    text = doc.text
    assert unicodedata.is_normalized("NFC", text)
    assert not any(ch in text for ch in "\u00a0\u200b\u200c\u200d\ufeff\u00ad\r\t")
    assert "[bookmark" not in text and "mso-" not in text
    lines = text.split("\n") if text else []
    assert len(doc.blocks) == len(lines)  # one block per line, in order, offsets exact
    for block, line in zip(doc.blocks, lines, strict=True):
        assert text[block.start : block.end] == line
        assert line == line.strip() and line
        if block.block_type == "footnote":
            assert line.startswith(f"[{block.marker}] ")
            assert doc.footnotes[block.marker] == line[len(block.marker) + 3 :]


BOILERPLATE = [
    "Hôm nay:",
    "Tất cả:",
    "bình luận",
    "Bấm vào đây",
    "Đăng lúc",
    "SĐT:",
    "Email:",
    "Chia sẻ",
    "Bản quyền",
]


@pytest.mark.parametrize(
    "name",
    ["sim-thanhhoa-xuan-phu-report.html", "flat-xuan-phu-portal-page.txt", "duplicated-body-visible.html"],
)
def test_portal_page_body_once_without_chrome(name: str) -> None:
    doc = clean_case(name, CASES[name] or {})
    for needle in BOILERPLATE:
        assert needle not in doc.text, needle
    body_line = next(line for line in doc.text.split("\n") if len(line) > 60)
    assert doc.text.count(body_line) == 1


def test_generic_fallback_agrees_with_family_selectors_on_the_simulator_page() -> None:
    spec = CASES["sim-thanhhoa-xuan-phu-report.html"]
    with_family = clean_case("sim-thanhhoa-xuan-phu-report.html", spec)
    generic = clean_case("sim-thanhhoa-xuan-phu-report.html", {})
    assert generic.text == with_family.text
    assert generic.footnotes == with_family.footnotes
