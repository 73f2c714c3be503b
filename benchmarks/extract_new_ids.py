"""Catalogue figures on the dev split with the ids a catalogue change added told apart from other errors.

Usage: `python benchmarks/extract_new_ids.py [--base main] [--list]`.
The dev gold's ids were labelled against an older catalogue: a fact labelled null because the catalogue had
no indicator for it shows as `IDWRONG new_id≠None` once the catalogue has one, until the dev split is
relabelled. This scores the dev split as `benchmarks/extract_real.py --split dev` does (the product's path;
the same coverage and precision) and splits the wrong ids of required facts into `new_id≠None` (the
predicted id is not in the catalogue at git revision `--base`, the gold says null: expected until
relabelling) and the others, with the precision those others alone leave (an upper bound, reached if the
relabellers agree with every new id).
`--list` prints each `new_id≠None` pair. Dev split only: the test split is never extracted.
The last line is JSON.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evaluation.id_split import IdTally, tally_doc  # noqa: E402
from evaluation.product_inputs import product_mentions  # noqa: E402
from evaluation.real_corpus import load_corpus  # noqa: E402
from evaluation.strict import score  # noqa: E402

CATALOGUE = "ingest/extract/catalogue/indicators.csv"


def catalogue_ids_at(revision: str) -> frozenset[str]:
    """The indicator ids of the catalogue as committed at `revision` (a clear error when it has none)."""
    out = subprocess.run(
        ["git", "show", f"{revision}:{CATALOGUE}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"no catalogue at {revision!r}: {out.stderr.strip()}")
    ids = frozenset(row["indicator_id"] for row in csv.DictReader(io.StringIO(out.stdout)))
    if not ids:
        raise SystemExit(f"the catalogue at {revision!r} is empty")
    return ids


def run(new_ids: frozenset[str]) -> IdTally:
    t = IdTally()
    for doc in load_corpus():
        if doc.split != "dev":
            continue  # never the test split
        preds = product_mentions(doc)
        result = score(doc.gold, preds, doc.text, ids_labelled=True)
        tally_doc(t, doc.doc_id, doc.gold, preds, result.pairs, new_ids)
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--base", default="main", help="git revision of the catalogue the labels knew")
    parser.add_argument("--list", action="store_true", help="print every new_id≠None pair")
    args = parser.parse_args(argv)
    from ingest.extract.catalogue import catalogue_by_id

    new_ids = frozenset(catalogue_by_id()) - catalogue_ids_at(args.base)
    t = run(new_ids)
    if args.list:
        print("\n".join(t.lines) if t.lines else "no new_id≠None pair")
    for indicator_id, n in t.new_vs_null.most_common():
        print(f"{n:>4}  {indicator_id}")

    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    summary = {
        "docs_split": "dev",
        "new_ids": len(new_ids),
        "required": t.required,
        "catalogue_coverage": r(t.coverage),
        "catalogue_precision": r(t.precision),
        "idwrong_new_vs_null": sum(t.new_vs_null.values()),
        "idwrong_other": t.other_wrong,
        "precision_without_new": r(t.precision_without_new),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
