"""Extraction quality on the real-document corpus, strictly scored, dev and test splits apart.

Usage: `python benchmarks/extract_real.py [--errors] [--predictor extractor|gold]
[--split dev|test|both|dev-folds] [--writers a,b] [--without-writers a,b] [--cv K] [--without a,b]
[--doc-periods] [--text-only]`.
Each document's stored text (`tests/fixtures/real/docs/<id>.txt`, verbatim as published) goes, with
the page's title and date from its `meta.json`, through the product's extraction step
(`ingest.extract.parallel.extract_one`, as the warehouse runs it: `evaluation.product_inputs`);
`--text-only` gives the extractor the text alone (the path scored before round 11). The mentions are
scored by `evaluation.strict` against the hand-written gold (tests/fixtures/real/README.md,
"Scoring"). Prints, per split and per genre: F1/P/R, located recall, attribute accuracies on matched
facts, catalogue coverage and precision. `--errors` lists
misses, false positives, wrong attributes and wrong or missing catalogue ids (`IDWRONG`, `IDMISSED`)
of the **dev-tune** documents only, whichever split is scored: the test split is scored, never
inspected, and dev-check is the round's own held-out, scored, never read. `--predictor gold` scores
the gold against itself (checks the harness: 1.0 expected).
`--split dev` scores the dev split alone (the test split is not even extracted): the mode for tuning.
`--split dev-folds` scores the dev split as two folds, `dev-tune` (two thirds) and `dev-check`
(`evaluation.real_corpus.dev_fold_of`): a round's own held-out.
`--writers gold-e,gold-f` keeps only the documents those gold writers added (a later batch of the
corpus, scored apart to see how the extractor does on documents no round has tuned on);
`--without-writers gold-zza,gold-zzb` leaves those writers' documents out of every figure and of
`--errors` (a fresh batch merged for the lead's judge while later branches still tune on dev).
`--cv K` (dev or dev-folds only) extracts each dev document with the learned components
(`evaluation.learned`) trained on the dev documents of the other K-1 folds: the honest dev figure of a
learned component, whose shipped model has seen every dev document. `--without ids,…` switches those
learned components off (with or without `--cv`), to compare with and without in one run.
`--doc-periods` scores the document's own period instead (`evaluation.doc_periods`): per split, the
share of documents whose default period (`extract_metadata(...).default_period`, and the default the
facts take, from the same inputs) is the period most of its required actual gold facts take; its split
defaults to `dev` (test only when asked with `--split`); `--errors` lists the wrong dev-tune documents.
The last line is JSON: {"dev": {...}, "test": {...}} (only the scored splits).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evaluation.doc_periods import DocPeriod, accuracy, doc_period  # noqa: E402
from evaluation.learned import (  # noqa: E402
    COMPONENTS,
    cv_fold_of,
    models_installed,
    trained_models,
    training_docs,
)
from evaluation.product_inputs import product_mentions  # noqa: E402
from evaluation.real_corpus import RealDoc, dev_fold_of, load_corpus  # noqa: E402
from evaluation.strict import ATTRIBUTES, Tally, combine, error_lines, id_error_lines, score  # noqa: E402

Predictor = Callable[[RealDoc], list[dict[str, Any]]]


def extractor_predictor(text_only: bool = False) -> Predictor:
    """The product's extraction of a document (text, page title and date: `evaluation.product_inputs`)."""

    def predict(doc: RealDoc) -> list[dict[str, Any]]:
        return product_mentions(doc, text_only=text_only)

    return predict


def cv_predictor(base: Predictor, k: int, without: frozenset[str]) -> Predictor:
    """`base` run with models trained on the dev documents outside the predicted document's fold."""
    if not COMPONENTS:
        raise SystemExit("--cv: no learned component is registered in evaluation.learned")
    dev = training_docs(load_corpus())
    by_fold: dict[int, dict[str, Any]] = {}

    def predict(doc: RealDoc) -> list[dict[str, Any]]:
        fold = cv_fold_of(doc.doc_id, k)
        if fold not in by_fold:
            by_fold[fold] = trained_models([d for d in dev if cv_fold_of(d.doc_id, k) != fold], without)
        with models_installed(by_fold[fold]):
            return base(doc)

    return predict


def without_predictor(base: Predictor, without: frozenset[str]) -> Predictor:
    """`base` run with the named learned components switched off."""

    def predict(doc: RealDoc) -> list[dict[str, Any]]:
        with models_installed(dict.fromkeys(without)):
            return base(doc)

    return predict


def gold_predictor(doc: RealDoc) -> list[dict[str, Any]]:
    """The gold itself, optional facts included, as predictions (a harness check)."""
    return [{k: v for k, v in g.items() if k != "optional"} for g in doc.gold]


def _fmt(x: float | None) -> str:
    return f"{'n/a':>6}" if x is None else f"{x:>6.3f}"


def table(title: str, rows: dict[str, Tally]) -> list[str]:
    head = (
        f"{title:<14} {'docs':>4} {'gold':>5} {'pred':>5} {'tp':>5} {'F1':>6} {'P':>6} {'R':>6} {'loc':>6} "
        + " ".join(f"{a[:6]:>6}" for a in ATTRIBUTES)
        + f" {'catcov':>6} {'catP':>6} {'idable':>6} {'idrght':>6}"
    )
    out = [head, "-" * len(head)]
    for name, t in rows.items():
        out.append(
            f"{name:<14} {t.docs:>4} {t.n_required:>5} {t.n_pred:>5} {t.tp:>5} "
            f"{_fmt(t.f1)} {_fmt(t.precision)} {_fmt(t.recall)} {_fmt(t.located_recall)} "
            + " ".join(_fmt(t.accuracy(a)) for a in ATTRIBUTES)
            + f" {_fmt(t.catalogue_coverage)} {_fmt(t.catalogue_precision)}"
            + f" {_fmt(t.gold_id_share)} {_fmt(t.right_of_fittable)}"
        )
    return out


def scored_docs(splits: tuple[str, ...], writers: frozenset[str] | None) -> Iterator[tuple[str, RealDoc]]:
    """(split or dev fold, document) of the corpus documents in `splits`, by `writers` when given; the
    others are not even read further: tuning looks at the dev split alone."""
    docs = [d for d in load_corpus() if writers is None or d.meta.get("writer") in writers]
    if not docs:
        raise SystemExit(f"no document of the corpus is by {', '.join(sorted(writers or ()))}")
    for doc in docs:
        folds = doc.split == "dev" and "dev-tune" in splits
        split = f"dev-{dev_fold_of(doc.doc_id)}" if folds else doc.split
        if split in splits:
            yield split, doc


def _listable(split: str, doc_id: str) -> bool:
    """Whether a document's errors may be listed: dev-tune's only, whichever split was asked for; the
    test split is scored once, and dev-check is a round's own held-out, scored and never read."""
    return split == "dev-tune" or (split == "dev" and dev_fold_of(doc_id) == "tune")


def run(
    predict: Predictor,
    show_errors: bool,
    splits: tuple[str, ...] = ("dev", "test"),
    writers: frozenset[str] | None = None,
) -> dict[str, Tally]:
    per_split: dict[str, dict[str, Tally]] = {split: defaultdict(Tally) for split in splits}
    errors: list[str] = []
    for split, doc in scored_docs(splits, writers):
        preds = predict(doc)
        # Both splits' gold ids are labelled (tests/fixtures/real/README.md, "Indicator ids"):
        # a predicted id where the gold says null is a wrong id.
        result = score(doc.gold, preds, doc.text, ids_labelled=True)
        per_split[split][doc.genre] += result.tally
        if show_errors and _listable(split, doc.doc_id):
            errors.extend(error_lines(doc.doc_id, doc.gold, preds, result))
            errors.extend(id_error_lines(doc.doc_id, doc.gold, preds, result.pairs))
    totals = {}
    for split, genres in per_split.items():
        total = combine(genres.values())
        totals[split] = total
        rows = {g: genres[g] for g in sorted(genres)} | {"ALL": total}
        print("\n".join(table(split, rows)))
        print()
    if show_errors:
        print("errors (dev-tune documents only):")
        print("\n".join(errors) if errors else "none")
    return totals


def run_doc_periods(
    show_errors: bool,
    splits: tuple[str, ...],
    writers: frozenset[str] | None = None,
    text_only: bool = False,
) -> dict[str, dict[str, Any]]:
    """Document-period accuracy per split (and per genre); the wrong dev-tune (or dev) documents listed."""
    per_split: dict[str, list[DocPeriod]] = {split: [] for split in splits}
    for split, doc in scored_docs(splits, writers):
        row = doc_period(doc, text_only=text_only)
        if row is not None:
            per_split[split].append(row)
    totals = {}
    for split, rows in per_split.items():
        totals[split] = accuracy(rows)
        print(f"{split:<14} {'docs':>4} {'meta':>6} {'used':>6}")
        genres = sorted({r.genre for r in rows})
        for name, part in [(g, [r for r in rows if r.genre == g]) for g in genres] + [("ALL", rows)]:
            acc = accuracy(part)
            print(f"{name:<14} {acc['docs']:>4} {_fmt(acc['meta'])} {_fmt(acc['used'])}")
        print()
    if show_errors:
        print("wrong document periods (dev-tune documents only): doc, genre, meta / used, gold, title | date")
        listable = [r for split, rows in per_split.items() for r in rows if _listable(split, r.doc_id)]
        wrong = [r for r in listable if not r.used_right]
        for r in wrong:
            print(f"{r.doc_id}  {r.genre}  {r.meta} / {r.used}  gold {r.gold}  {r.title[:90]!r} | {r.date!r}")
        if not wrong:
            print("none")
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--errors", action="store_true", help="list the dev-tune documents' errors (never test or dev-check)"
    )
    parser.add_argument(
        "--predictor", choices=("extractor", "gold"), default="extractor", help="what produces the mentions"
    )
    parser.add_argument(
        "--split",
        choices=("dev", "test", "both", "dev-folds"),
        default=None,
        help="score one split only (default both; dev with --doc-periods; tuning uses dev; "
        "the test split is measured once, at the end); "
        "dev-folds scores the dev split as its tune and check folds (--errors lists dev-tune only)",
    )
    parser.add_argument(
        "--writers", default=None, help="comma-separated gold writers: score only the documents they added"
    )
    parser.add_argument(
        "--without-writers",
        default=None,
        help="comma-separated gold writers whose documents are left out (a batch kept unseen)",
    )
    parser.add_argument(
        "--cv", type=int, default=0, metavar="K", help="K-fold cross-validation of learned parts (dev only)"
    )
    parser.add_argument("--without", default="", help="comma-separated learned components to switch off")
    parser.add_argument(
        "--doc-periods", action="store_true", help="score each document's own period, not its facts"
    )
    parser.add_argument(
        "--text-only",
        action="store_true",
        help="give the extractor the text alone, not the page's title and date (the path before round 11)",
    )
    args = parser.parse_args(argv)
    if args.split is None:
        args.split = "dev" if args.doc_periods else "both"
    writers = frozenset(w.strip() for w in args.writers.split(",") if w.strip()) if args.writers else None
    if args.without_writers:
        left_out = frozenset(w.strip() for w in args.without_writers.split(",") if w.strip())
        known = frozenset(str(d.meta.get("writer")) for d in load_corpus())
        if left_out - known:
            parser.error(f"no document of the corpus is by {', '.join(sorted(left_out - known))}")
        writers = (writers or known) - left_out
    without = frozenset(w.strip() for w in args.without.split(",") if w.strip())
    predict = gold_predictor if args.predictor == "gold" else extractor_predictor(args.text_only)
    if args.cv:
        if args.split not in ("dev", "dev-folds") or args.cv < 2:
            parser.error("--cv K needs K >= 2 and --split dev or dev-folds (test is never trained on)")
        predict = cv_predictor(predict, args.cv, without)
    elif without:
        predict = without_predictor(predict, without)
    splits = {"both": ("dev", "test"), "dev-folds": ("dev-tune", "dev-check")}.get(args.split, (args.split,))
    if args.doc_periods:
        print(json.dumps(run_doc_periods(args.errors, splits, writers, args.text_only)))
        return 0
    totals = run(predict, args.errors, splits, writers)
    print(json.dumps({split: t.summary() for split, t in totals.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
