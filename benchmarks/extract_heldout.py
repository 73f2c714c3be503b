"""Extraction quality on the held-out development set: documents the extractor was not tuned on.

Usage: `python benchmarks/extract_heldout.py [--errors]`. Each document of `tests/fixtures/heldout/` is
prepared the way `xaetl extract X.txt` does (`ingest.clean.clean_text(text).text`), run through
`ingest.extract.extract_mentions` and scored against its hand-made gold with
`evaluation.scoring.score_documents`. Prints a per-document table; the last line is JSON:
{"precision", "recall", "f1", "f1_numbered", "plan_pct_acc", "yoy_pct_acc", "kind_acc", "period_acc"}.
`--errors` lists, per document, the missed gold mentions, the spurious predictions and the matched
mentions whose plan_pct / yoy_pct / kind / period disagree with the gold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evaluation.scoring import FIELDS, Score, error_report, load_jsonl, score_documents  # noqa: E402
from ingest.clean import clean_text  # noqa: E402
from ingest.extract import extract_mentions  # noqa: E402

HELDOUT = ROOT / "tests" / "fixtures" / "heldout"

Row = dict[str, Any]


def as_dict(mention: Any) -> Row:
    """A mention as a plain dict, whether the extractor returns dicts or `Mention` records."""
    return mention if isinstance(mention, dict) else mention.to_dict()


def load_documents(folder: Path = HELDOUT) -> list[tuple[str, list[Row], list[Row], str]]:
    """(name, gold, predicted, cleaned text) for every held-out document with a gold file."""
    documents = []
    for gold_path in sorted(folder.glob("*.jsonl")):
        text_path = gold_path.with_suffix(".txt")
        if not text_path.exists():
            raise FileNotFoundError(f"gold file without its document: {gold_path.name}")
        cleaned = clean_text(text_path.read_text(encoding="utf-8"))
        kwargs = {
            "title": getattr(cleaned, "title", None),
            "published_at": getattr(cleaned, "published_at", None),
        }
        predicted = [as_dict(m) for m in extract_mentions(cleaned.text, **kwargs)]
        documents.append((gold_path.stem, load_jsonl(gold_path), predicted, cleaned.text))
    return documents


def print_table(total: Score) -> None:
    header = f"{'document':<42} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6} {'F1num':>6}"
    print(header)
    print("-" * len(header))
    for name, s in [*total.documents.items(), ("ALL", total)]:
        o, n = s.overall, s.numbered
        numbered = f"{n.f1:>6.3f}" if n.n_gold or n.n_pred else f"{'-':>6}"
        print(
            f"{name:<42} {o.n_gold:>5} {o.n_pred:>5} {o.tp:>5} {o.precision:>6.3f} {o.recall:>6.3f} "
            f"{o.f1:>6.3f} {numbered}"
        )
    accuracies = ", ".join(f"{name} {_fmt(total.accuracy(name))}" for name in FIELDS)
    print(f"on {total.matched} matched mentions: {accuracies}")


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list missed, spurious, mis-fielded mentions")
    args = parser.parse_args(argv)
    documents = load_documents()
    total = score_documents(documents)
    if args.errors:
        for name, gold, predicted, _ in documents:
            print("\n".join(error_report(name, gold, predicted, total.documents[name])))
    print("input: ingest.clean.clean_text(text).text, held-out documents in tests/fixtures/heldout/")
    print_table(total)
    print(json.dumps(total.summary()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
