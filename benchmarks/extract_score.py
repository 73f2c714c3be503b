"""Extraction quality on the seed documents: runs the extractor, scores it against the gold, prints figures.

Usage: `python benchmarks/extract_score.py [--errors]`. The input text of each seed is prepared the way
`xaetl extract X.txt` does: `ingest.clean.clean_text(text).text` (a cleaner that cannot be imported
fails the run: a figure on raw text is not comparable). The last line is JSON:
{"precision", "recall", "f1", "f1_numbered", "plan_pct_acc", "yoy_pct_acc", "kind_acc", "period_acc"}.
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

from evaluation.scoring import FIELDS, Score, error_report, load_jsonl, score  # noqa: E402
from evaluation.scoring import combine as combine_scores  # noqa: E402
from ingest.extract import extract_mentions  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold"


def prepare(raw: str) -> tuple[str, dict[str, Any], str]:
    """The extractor's input text, the keyword arguments it gets, and how the text was prepared."""
    from ingest.clean import clean_text  # no fallback to raw text: its figure is not comparable

    cleaned = clean_text(raw)
    kwargs = {
        "title": getattr(cleaned, "title", None),
        "published_at": getattr(cleaned, "published_at", None),
    }
    return cleaned.text, kwargs, "ingest.clean.clean_text(text).text"


def as_dict(mention: Any) -> dict[str, Any]:
    return mention if isinstance(mention, dict) else mention.to_dict()


def run(show_errors: bool) -> Score:
    scores: dict[str, Score] = {}
    preparation = ""
    for gold_path in sorted(GOLD.glob("*.jsonl")):
        raw = (SEEDS / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        text, kwargs, preparation = prepare(raw)
        predicted = [as_dict(m) for m in extract_mentions(text, **kwargs)]
        gold = load_jsonl(gold_path)
        doc_score = score(gold, predicted, text)
        scores[gold_path.stem] = doc_score
        if show_errors:
            print("\n".join(error_report(gold_path.stem, gold, predicted, doc_score)))
    total = combine_scores(scores)
    print(f"input: {preparation}")
    header = f"{'document':<40} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6} {'F1num':>6}"
    print(header)
    print("-" * len(header))
    for name, s in [*scores.items(), ("ALL", total)]:
        o, n = s.overall, s.numbered
        numbered = f"{n.f1:>6.3f}" if n.n_gold or n.n_pred else f"{'-':>6}"  # no numbered list here
        print(
            f"{name:<40} {o.n_gold:>5} {o.n_pred:>5} {o.tp:>5} {o.precision:>6.3f} {o.recall:>6.3f} "
            f"{o.f1:>6.3f} {numbered}"
        )
    accuracies = ", ".join(f"{name} {_fmt(total.accuracy(name))}" for name in FIELDS)
    print(f"on {total.matched} matched mentions: {accuracies}")
    return total


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list missed, spurious, mis-fielded mentions")
    args = parser.parse_args(argv)
    total = run(args.errors)
    print(json.dumps(total.summary()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
