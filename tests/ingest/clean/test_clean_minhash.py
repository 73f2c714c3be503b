"""MinHash near-duplicate detection on the real seed documents."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ingest.clean.minhash import best_match, jaccard, sketch

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
BTD = (SEEDS / "binh-thanh-dong-term-report-2020-2025.txt").read_text(encoding="utf-8")
LQ = (SEEDS / "loc-quang-notice-2023-h1.txt").read_text(encoding="utf-8")
XP = (SEEDS / "xuan-phu-portal-page-2023-h1.txt").read_text(encoding="utf-8")


def _index(*texts: str) -> tuple[np.ndarray, np.ndarray]:
    sks = [sketch(t) for t in texts]
    return np.stack([s.minhash for s in sks]), np.array([s.size for s in sks])


def test_identical_text_with_different_spacing_and_case_matches() -> None:
    a, b = sketch(LQ), sketch(LQ.upper().replace(" ", "  "))
    assert jaccard(a.minhash, b.minhash) == 1.0


def test_republished_notice_with_edits_is_a_near_duplicate() -> None:
    edited = LQ.replace("Bảo Lâm, ngày 09 tháng 8 năm 2023", "") + "\nNguồn: Huyện ủy Bảo Lâm"
    sigs, sizes = _index(BTD, LQ, XP)
    assert best_match(sketch(edited), sigs, sizes) == 1


def test_part_of_a_report_is_contained_in_it() -> None:
    part = BTD[12000:24000]
    sigs, sizes = _index(LQ, XP, BTD)
    assert best_match(sketch(part), sigs, sizes) == 2


def test_unrelated_and_tiny_documents_do_not_match() -> None:
    sigs, sizes = _index(BTD, XP)
    assert best_match(sketch(LQ), sigs, sizes) is None
    assert best_match(sketch("Thông báo nghỉ lễ"), sigs, sizes) is None
    assert best_match(sketch(""), sigs, sizes) is None
