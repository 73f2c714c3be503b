"""The real corpus loads, its gold files keep the gold rules, and the frozen split is the agreed hash."""

from __future__ import annotations

import csv
import hashlib
import json
import re

import pytest

from evaluation.real_corpus import (
    GENRES,
    GOLD_FIELDS,
    LEVELS,
    META_FIELDS,
    REAL_DIR,
    dev_fold_of,
    doc_ids,
    load_corpus,
    locate,
    split_of,
)
from ingest.records import BASE_UNITS

PERIOD = re.compile(
    r"^(\d{4}(-H1|-9M|-Q[1-4])?|term-\d{4}-\d{4}(-mid|-start|-second-half)?|as-of:\d{4}-\d{2}-\d{2})$"
)
DOC_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SCALE = (
    ("triệu tỷ", 1e15),
    ("triệu tỉ", 1e15),
    ("nghìn tỷ", 1e12),
    ("nghìn tỉ", 1e12),
    ("ngàn tỷ", 1e12),
    ("ngàn tỉ", 1e12),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
    ("triệu", 1e6),
    # a misspelt `triệu` read as written (settled item 88: `44,7 triêụ đồng/người/năm`, Bình Phước 2018)
    ("triêụ", 1e6),
    # an unaccented slug line read as written (item 88 again: `1270 ty dong`, TP Thái Nguyên 6M 2017)
    ("ty dong", 1e9),
    ("vạn", 1e4),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
)


def expected_factor(unit: str, base_unit: str) -> float | None:
    """Value x factor = base value for the plain cases of the gold rules; None where not decidable here."""
    u = unit.lower()
    scale = next((f for word, f in SCALE if re.search(rf"(?<!\w){word}(?!\w)", u)), 1.0)
    if base_unit in ("VND", "VND/person/year", "count", "%"):
        return scale
    if base_unit == "t":
        return scale * (0.1 if re.search(r"(?<!\w)tạ(?!\w)", u) else 0.001 if u.startswith("kg") else 1.0)
    if base_unit == "t/ha":
        return 0.1 if "tạ" in u else 1.0
    if base_unit == "ha":
        # an area typed in a length unit (`diện tích tự nhiên 4.662,5km`) means km² (settled item 32)
        return 1e-4 if u in ("m2", "m²", "m") else 100.0 if u in ("km2", "km²", "km") else scale
    if base_unit == "km":
        return 1e-3 if u == "m" else 1.0
    return None


DOCS = doc_ids()
CATALOGUE_CSV = REAL_DIR.parents[2] / "ingest" / "extract" / "catalogue" / "indicators.csv"


def test_corpus_is_not_empty_and_loads():
    docs = load_corpus()
    assert len(docs) == len(DOCS) >= 20
    assert sum(len(d.gold) for d in docs) >= 100


@pytest.mark.parametrize("doc_id", DOCS)
def test_gold_file_follows_gold_md(doc_id):
    text = (REAL_DIR / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
    meta = json.loads((REAL_DIR / "docs" / f"{doc_id}.meta.json").read_text(encoding="utf-8"))
    assert DOC_ID.match(doc_id)
    assert set(META_FIELDS) <= set(meta), f"meta misses {set(META_FIELDS) - set(meta)}"
    assert meta["doc_id"] == doc_id and meta["genre"] in GENRES and meta["level"] in LEVELS
    assert isinstance(meta["trimmed"], bool) and meta["url"].startswith("http")
    lines = (REAL_DIR / "gold" / f"{doc_id}.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines, "a document without facts is not taken"
    for n, line in enumerate(lines, 1):
        row = json.loads(line)
        where = f"{doc_id}:{n}"
        assert set(GOLD_FIELDS) <= set(row), f"{where} misses {set(GOLD_FIELDS) - set(row)}"
        assert row["quote"] in text, f"{where} quote not in text"
        assert row["indicator"] and row["indicator"] == row["indicator"].lower(), where
        assert PERIOD.match(row["period"]), f"{where} period {row['period']!r}"
        assert row["kind"] in ("actual", "target"), where
        assert row["base_unit"] in BASE_UNITS, f"{where} base_unit {row['base_unit']!r}"
        assert isinstance(row["approx"], bool) and isinstance(row["optional"], bool), where
        assert isinstance(row["value"], int | float) and isinstance(row["base_value"], int | float), where
        factor = expected_factor(row["unit"], row["base_unit"])
        if factor is not None:
            assert row["base_value"] == pytest.approx(row["value"] * factor, rel=2e-3), (
                f"{where} base_value {row['base_value']} for {row['value']} {row['unit']}"
            )


def test_gold_ids_name_catalogue_indicators_in_their_base_unit():
    with CATALOGUE_CSV.open(encoding="utf-8") as f:
        base_unit = {r["indicator_id"]: r["base_unit"] for r in csv.DictReader(f)}
    wrong = [
        f"{d.doc_id}: {g['indicator_id']!r} for {g['indicator']!r} ({g['base_unit']})"
        for d in load_corpus()
        for g in d.gold
        if g["indicator_id"] is not None and base_unit.get(g["indicator_id"]) != g["base_unit"]
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("split", ["dev", "test"])
def test_both_splits_gold_is_labelled_with_ids(split):
    required = [g for d in load_corpus(split=split) for g in d.gold if not g["optional"]]
    assert sum(g["indicator_id"] is not None for g in required) > len(required) / 2


def test_split_is_the_agreed_hash_rule():
    for doc_id in [*DOCS, "ha-tinh-cam-ha-6m-2022", "x"]:
        h = int(hashlib.sha256(("xaetl-real-split-v1:" + doc_id).encode()).hexdigest(), 16)
        assert split_of(doc_id) == ("test" if h % 3 == 0 else "dev")
    ids = [f"doc-{i}" for i in range(3000)]
    share = sum(split_of(i) == "test" for i in ids) / len(ids)
    assert 0.30 < share < 0.37


def test_dev_folds_are_their_own_hash_rule_over_a_third_of_dev():
    for doc_id in [*DOCS, "x"]:
        h = int(hashlib.sha256(("xaetl-dev-fold-v2:" + doc_id).encode()).hexdigest(), 16)
        assert dev_fold_of(doc_id) == ("check" if h % 3 == 0 else "tune")
    dev = [d for d in DOCS if split_of(d) == "dev"]
    assert 0.25 < sum(dev_fold_of(d) == "check" for d in dev) / len(dev) < 0.40
    ids = [f"doc-{i}" for i in range(3000)]  # independent of the split's hash
    test_share_in_check = [split_of(i) == "test" for i in ids if dev_fold_of(i) == "check"]
    assert 0.28 < sum(test_share_in_check) / len(test_share_in_check) < 0.39


def test_extract_real_scores_the_dev_folds_apart_and_lists_errors_of_dev_tune_only():
    """`--split dev-folds` with the gold as predictor (the harness: 1.0 on both folds), then with
    the extractor and `--errors`, on the dev split as a whole: every listed error belongs to a dev-tune
    document (dev-check is scored, never read, whichever split is asked for)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = str(root / "benchmarks" / "extract_real.py")
    run = subprocess.run(
        [sys.executable, script, "--split", "dev-folds", "--predictor", "gold"],
        capture_output=True, text=True, timeout=300, check=True, cwd=root,
    )  # fmt: skip
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(figures) == {"dev-tune", "dev-check"}
    assert figures["dev-tune"]["f1"] == figures["dev-check"]["f1"] == 1.0
    dev = [d for d in DOCS if split_of(d) == "dev"]
    assert figures["dev-check"]["docs"] == sum(dev_fold_of(d) == "check" for d in dev)
    assert figures["dev-tune"]["docs"] + figures["dev-check"]["docs"] == len(dev)
    run = subprocess.run(
        [sys.executable, script, "--split", "dev", "--errors"],
        capture_output=True, text=True, timeout=600, check=True, cwd=root,
    )  # fmt: skip
    listed = run.stdout.split("errors (dev-tune documents only):", 1)[1].strip().splitlines()[:-1]
    listed_docs = {line.split(":", 1)[0] for line in listed if line and not line.startswith(" ")}
    assert listed_docs, "the extractor makes some error on 88 documents"
    assert all(dev_fold_of(d) == "tune" and split_of(d) == "dev" for d in listed_docs), listed_docs


def test_extract_real_writers_keeps_only_those_writers_documents_and_refuses_an_unknown_one():
    """`--writers` scores one writer's batch: the document counts are that writer's, split by split."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = str(root / "benchmarks" / "extract_real.py")
    metas = {d: json.loads((REAL_DIR / "docs" / f"{d}.meta.json").read_text(encoding="utf-8")) for d in DOCS}
    writer = sorted({m["writer"] for m in metas.values()})[0]
    run = subprocess.run(
        [sys.executable, script, "--predictor", "gold", "--writers", writer],
        capture_output=True, text=True, timeout=300, check=True, cwd=root,
    )  # fmt: skip
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    for split in ("dev", "test"):
        mine = [d for d, m in metas.items() if m["writer"] == writer and split_of(d) == split]
        assert figures[split]["docs"] == len(mine)
    assert figures["dev"]["docs"] + figures["test"]["docs"] < len(DOCS)
    bad = subprocess.run(
        [sys.executable, script, "--predictor", "gold", "--writers", "nobody-at-all"],
        capture_output=True, text=True, timeout=300, cwd=root,
    )  # fmt: skip
    assert bad.returncode != 0 and "nobody-at-all" in bad.stderr


def test_extract_real_without_writers_leaves_their_documents_out_of_every_fold():
    """`--without-writers` keeps a batch unseen while a branch tunes on dev: the fold counts lose exactly
    that writer's documents, and an unknown writer is refused."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = str(root / "benchmarks" / "extract_real.py")
    metas = {d: json.loads((REAL_DIR / "docs" / f"{d}.meta.json").read_text(encoding="utf-8")) for d in DOCS}
    # the newest writer with a dev document (a batch being written may have only test documents so far)
    writer = max(m["writer"] for d, m in metas.items() if split_of(d) == "dev")
    run = subprocess.run(
        [sys.executable, script, "--predictor", "gold", "--split", "dev-folds", "--without-writers", writer],
        capture_output=True, text=True, timeout=300, check=True, cwd=root,
    )  # fmt: skip
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    for fold in ("tune", "check"):
        kept = [
            d
            for d, m in metas.items()
            if split_of(d) == "dev" and dev_fold_of(d) == fold and m["writer"] != writer
        ]
        assert figures[f"dev-{fold}"]["docs"] == len(kept)
    every_dev = sum(1 for d in metas if split_of(d) == "dev")
    assert figures["dev-tune"]["docs"] + figures["dev-check"]["docs"] < every_dev
    bad = subprocess.run(
        [sys.executable, script, "--predictor", "gold", "--without-writers", "nobody-at-all"],
        capture_output=True, text=True, timeout=300, cwd=root,
    )  # fmt: skip
    assert bad.returncode != 0 and "nobody-at-all" in bad.stderr


def test_both_splits_have_documents():
    splits = {split_of(d) for d in DOCS}
    assert splits == {"dev", "test"}


def test_repeated_quotes_take_successive_occurrences():
    text = "Diện tích lúa 173 ha. Nhắc lại: Diện tích lúa 173 ha."
    g = {"quote": "Diện tích lúa 173 ha"}
    a, b, c = locate(text, [g, g, {"quote": "lúa 173"}])
    assert (a["start"], b["start"]) == (0, text.rindex("Diện tích lúa 173 ha"))
    assert text[a["start"] : a["end"]] == g["quote"] and c["start"] == 10


def test_quote_not_in_text_is_a_clear_error():
    with pytest.raises(ValueError, match="not in the text"):
        locate("abc", [{"quote": "xyz"}], "doc")
