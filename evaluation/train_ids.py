"""Training of the learned catalogue ids (`ingest/extract/learned/ids.py`) on the dev gold.

Each training document is extracted with the rules alone; its mentions are paired with its gold
facts by the strict matcher (`evaluation.strict.match`), and every paired mention becomes an example:
its name, base unit, the first id a rule saw for it, and the gold's id (or null, itself a class: no
catalogue indicator measures this). The thresholds below were chosen by 5-fold cross-validation over
the whole dev split (docs/extraction-history.md, "Learned catalogue ids"): replacing or vetoing
the rules' id lowered the id precision at every threshold tried, so only filling is on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evaluation.product_inputs import product_mentions
from evaluation.real_corpus import RealDoc
from evaluation.strict import match
from ingest.extract.learned.ids import FORMAT, installed, observed

K = 5  # the nearest examples that must agree on one id (not null) for it to be given
FILL = 0.6  # cosine similarity of the k-th of them from which their id fills a mention the rules left bare
REPLACE = None  # never over the rules' id (a veto or a replacement lost more than it won in CV)
FILL_UNSEEN_ONLY = True  # a rule's veto stands: fill only where no rule saw any candidate
SEEN_WEIGHT = 0.0  # the rules' candidate id as a feature did not help in CV


def examples(doc: RealDoc) -> list[dict[str, Any]]:
    """The document's mentions that the strict matcher pairs with a gold fact, labelled by its id."""
    with installed(None), observed() as seen:
        mentions = product_mentions(doc)
    if len(seen) != len(mentions):
        raise RuntimeError(f"{doc.doc_id}: {len(seen)} id decisions observed for {len(mentions)} mentions")
    out = []
    for gi, pi in sorted(match(doc.gold, mentions, doc.text), key=lambda p: p[1]):
        m = mentions[pi]
        if not m["indicator"]:
            continue
        out.append(
            {
                "name": m["indicator"],
                "base_unit": m["base_unit"],
                "seen": seen[pi][1],
                "id": doc.gold[gi].get("indicator_id"),
            }
        )
    return out


def train(docs: Sequence[RealDoc]) -> dict[str, Any]:
    """The model: every paired mention of the documents (in document order) and the thresholds."""
    return {
        "format": FORMAT,
        "k": K,
        "fill": FILL,
        "replace": REPLACE,
        "fill_unseen_only": FILL_UNSEEN_ONLY,
        "seen_weight": SEEN_WEIGHT,
        "examples": [e for doc in sorted(docs, key=lambda d: d.doc_id) for e in examples(doc)],
    }


def save(model: dict[str, Any], path: Path) -> None:
    """Write the model as JSON, one example a line (readable diffs when the gold changes)."""
    head = {k: v for k, v in model.items() if k != "examples"}
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in model["examples"]]
    body = json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1]
    text = body + ', "examples": [\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
